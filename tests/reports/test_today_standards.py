"""Today's standards card: each breached standard names its department and owner (a department
often keeps the same standard per person), and values read as money and numbers do elsewhere,
in both languages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from deptcoord.core.money import format_money
from deptcoord.goals.models import Measurement, Standard
from tests.factories import client_for

LANGUAGES = ["en", "vi"]


@pytest.fixture
def sales_standards(world):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    made = []
    for owner, value in [(world.member, 1_860_000_000), (world.peer, 250_000_000)]:
        standard = Standard.objects.create(
            department=world.own,
            title_en="Monthly sales",
            title_vi="Doanh số tháng",
            metric="money",
            currency="VND",
            comparison=Standard.Comparison.AT_LEAST,
            threshold=2_000_000_000,
            frequency=Standard.Frequency.WEEKLY,
            owner=owner,
        )
        Measurement.objects.create(
            standard=standard, period_start=monday - timedelta(days=7), value=value, breached=True
        )
        made.append(standard)
    return made


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_line_names_whose_standard_it_is_with_formatted_money(
    world, sales_standards, language
):
    world.coordinator.language = language
    world.coordinator.save(update_fields=["language"])
    response = client_for(world.coordinator).get(reverse("today"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "2000000000" not in page and "1860000000" not in page
    with translation.override(language):
        department = world.own.name
        threshold = format_money(2_000_000_000, "VND")
        expected = [
            f"{department} · {world.member.full_name}: "
            f"{format_money(1_860_000_000, 'VND')} ≥ {threshold}",
            f"{department} · {world.peer.full_name}: "
            f"{format_money(250_000_000, 'VND')} ≥ {threshold}",
        ]
    for note in expected:
        assert note in page
