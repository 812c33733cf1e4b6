"""Rolling a goal template out: one personal goal each, aligned, again for the next period."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from deptcoord.core.actor import SYSTEM
from deptcoord.goals import messages, services
from deptcoord.goals.models import Goal
from deptcoord.goals.periods import month, next_period
from tests.factories import client_for, member
from tests.goals.helpers import actor, goal

NOVEMBER = month(2026, 11)


@pytest.fixture
def quota(world):
    """Sales' template "monthly revenue ≥ 300 million ₫", and two account executives."""
    for name in ("Lan", "Hùng"):
        member(world.other, full_name=name, title_en="Account executive", title_vi="Nhân viên KD")
    return services.template_create(
        actor=SYSTEM,
        department=world.other,
        title_en="Monthly revenue ≥ 300 million ₫",
        title_vi="Doanh số tháng ≥ 300 triệu ₫",
        kind="kpi",
        key_results=[
            {
                "title_en": "Revenue",
                "metric": "money",
                "currency": "VND",
                "start_value": 0,
                "target_value": 300_000_000,
            }
        ],
    )


def test_each_matching_person_gets_an_aligned_personal_goal(world, quota):
    parent = goal(
        world.other_coordinator,
        department=world.other,
        period_start=date(2026, 10, 1),
        period_end=date(2026, 12, 31),
    )
    result = services.template_roll_out(
        actor=actor(world.other_coordinator),
        template_id=quota.pk,
        parent=parent,
        period_start=NOVEMBER.start,
        period_end=NOVEMBER.end,
        title_contains="account exec",
    )
    assert sorted(g.owner.full_name for g in result.created) == ["Hùng", "Lan"]
    for personal in result.created:
        assert (personal.level, personal.parent, personal.template) == ("person", parent, quota)
        key_result = personal.key_results.get()
        assert key_result.owner == personal.owner
        assert (key_result.metric, key_result.target_value) == ("money", 300_000_000)
    again = services.template_roll_out(
        actor=SYSTEM,
        template_id=quota.pk,
        parent=parent,
        period_start=NOVEMBER.start,
        period_end=NOVEMBER.end,
        title_contains="Nhân viên KD",
    )
    assert again.created == [] and len(again.already) == 2


def test_the_next_period_copies_the_structure(world, quota):
    services.template_roll_out(
        actor=SYSTEM,
        template_id=quota.pk,
        period_start=NOVEMBER.start,
        period_end=NOVEMBER.end,
        title_contains="Account executive",
    )
    start, end = next_period(NOVEMBER.start, NOVEMBER.end)
    assert (start, end) == (date(2026, 12, 1), date(2026, 12, 31))
    services.template_roll_out(
        actor=SYSTEM,
        template_id=quota.pk,
        period_start=start,
        period_end=end,
        title_contains="Account executive",
    )
    assert Goal.objects.filter(template=quota).count() == 4
    assert Goal.objects.filter(template=quota, period_start=start).count() == 2


def test_nobody_matching_is_a_clear_error(world, quota):
    with pytest.raises(ValidationError) as raised:
        services.template_roll_out(
            actor=SYSTEM,
            template_id=quota.pk,
            period_start=NOVEMBER.start,
            period_end=NOVEMBER.end,
            title_contains="Astronaut",
        )
    assert raised.value.message_dict == {
        "title_contains": [str(messages.NOBODY_TO_ROLL_OUT % {"department": world.other})]
    }
    assert not Goal.objects.exists()


def test_only_those_who_run_the_department_roll_out(world, quota):
    with pytest.raises(PermissionDenied):
        services.template_roll_out(
            actor=actor(world.coordinator),
            template_id=quota.pk,
            period_start=NOVEMBER.start,
            period_end=NOVEMBER.end,
        )


def test_a_template_needs_a_key_result_and_keeps_one(world, quota):
    with pytest.raises(ValidationError) as raised:
        services.template_create(
            actor=SYSTEM, department=world.own, title_en="Empty", key_results=[]
        )
    assert raised.value.message_dict == {"key_results": [str(messages.TEMPLATE_NEEDS_KEY_RESULT)]}
    with pytest.raises(ValidationError):
        services.template_key_result_remove(
            actor=SYSTEM, template_key_result_id=quota.key_results.get().pk
        )
    with pytest.raises(ValidationError) as raised:
        services.template_create(
            actor=SYSTEM,
            department=world.own,
            title_en="Bad",
            key_results=[{"title_en": "X", "start_value": 1, "target_value": 1}],
        )
    assert "key_results.0.target_value" in raised.value.message_dict


def test_the_roll_out_page_reports_what_it_did(world, quota):
    client = client_for(world.other_coordinator)
    url = reverse("goals:template_roll_out", kwargs={"pk": quota.pk})
    data = {
        "department": world.other.pk,
        "title_contains": "Account executive",
        "period_start": "2026-11-01",
        "period_end": "2026-11-30",
        "status": "active",
    }
    response = client.post(url, data, follow=True)
    assert "2 personal goals created." in response.content.decode()
    response = client.post(url, data, follow=True)
    assert "0 personal goals created. 2 people already had one." in response.content.decode()
    page = client.get(reverse("goals:template_detail", kwargs={"pk": quota.pk}))
    # The form now proposes the month after the last roll-out.
    assert page.context["roll_out_form"].initial["period_start"] == date(2026, 12, 1)
