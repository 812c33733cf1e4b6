"""One status report per department, kind and period: a second weekly report for the same week
is refused in the user's language, naming and linking the first, on the page and in the API;
and its recipients are never told twice."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from deptcoord.notices.models import Notification
from deptcoord.reports import messages, services
from deptcoord.reports.models import StatusReport
from deptcoord.reports.services.duplicates import ReportExists, period_label
from tests.factories import DepartmentFactory, client_for
from tests.reports.helpers import items_for
from tests.work.helpers import actor

TODAY = timezone.localdate()
START, END = TODAY - timedelta(days=6), TODAY
LANGUAGES = ["en", "vi"]


@pytest.fixture
def first(world):
    third = DepartmentFactory(code="OPS", name_en="Operations")
    items_for(world.own, third, world.coordinator, world.member, world.head, "MKT")
    return services.report_create(
        actor=actor(world.coordinator), department=world.own, period_start=START, period_end=END
    )


def _expected(language, report) -> str:
    with translation.override(language):
        return str(
            messages.REPORT_EXISTS
            % {
                "department": report.department.name,
                "period": period_label(report),
                "state": report.get_state_display(),
                "url": reverse("reports:detail", args=[report.pk]),
            }
        )


def _speaking(person, language):
    person.language = language
    person.save(update_fields=["language"])
    return client_for(person)


def test_a_second_weekly_report_for_the_same_week_is_refused(world, first):
    for start, end in [(START, END), (START + timedelta(days=1), END + timedelta(days=1))]:
        with pytest.raises(ReportExists) as raised:
            services.report_create(
                actor=actor(world.head), department=world.own, period_start=start, period_end=end
            )
        assert raised.value.existing == first
        assert raised.value.message_dict == {"period_start": [_expected("en", first)]}
    assert StatusReport.objects.count() == 1


def test_another_kind_or_a_later_week_is_a_report_of_its_own(world, first):
    monthly = services.report_create(
        actor=actor(world.coordinator),
        department=world.own,
        kind="monthly",
        period_start=TODAY.replace(day=1),
        period_end=TODAY,
    )
    assert monthly.pk != first.pk
    assert StatusReport.objects.count() == 2


def test_moving_a_draft_onto_the_week_of_another_is_refused(world, first):
    earlier = services.report_create(
        actor=actor(world.coordinator),
        department=world.own,
        period_start=START - timedelta(days=7),
        period_end=START - timedelta(days=1),
    )
    with pytest.raises(ValidationError):
        services.report_update(
            actor=actor(world.coordinator),
            report_id=earlier.pk,
            expected_version=earlier.version,
            period_start=START,
            period_end=END,
        )
    earlier.refresh_from_db()
    assert earlier.period_end == START - timedelta(days=1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_refuses_and_links_the_existing_report(world, first, language):
    client = _speaking(world.coordinator, language)
    response = client.post(
        reverse("reports:create"),
        {
            "department": world.own.pk,
            "kind": "weekly",
            "period_start": START.isoformat(),
            "period_end": END.isoformat(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["period_start"] == [_expected(language, first)]
    page = response.content.decode()
    assert f'href="{reverse("reports:detail", args=[first.pk])}"' in page
    with translation.override(language):
        assert translation.gettext("Open the existing report") in page
    assert StatusReport.objects.count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_api_refuses_with_422_naming_the_existing_report(world, first, language):
    client = _speaking(world.coordinator, language)
    response = client.post(
        "/api/v1/reports",
        {
            "department_id": world.own.pk,
            "period_start": START.isoformat(),
            "period_end": END.isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "period_start", "message": _expected(language, first)}
    ]
    assert StatusReport.objects.count() == 1


def test_recipients_are_never_told_twice_of_the_same_week(world, first):
    # A second report made before the rule existed, straight into the table.
    second = StatusReport.objects.create(
        department=world.own,
        kind="weekly",
        period_start=START,
        period_end=END,
        author=world.head,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.report_submit(
            actor=actor(world.coordinator),
            report_id=first.pk,
            expected_version=first.version,
            recipient_ids=[world.other_coordinator.pk],
        )
    with pytest.raises(ReportExists), TestCase.captureOnCommitCallbacks(execute=True):
        services.report_submit(
            actor=actor(world.head),
            report_id=second.pk,
            expected_version=second.version,
            recipient_ids=[world.other_coordinator.pk],
        )
    told = Notification.objects.filter(
        recipient=world.other_coordinator, kind="reports.report_submitted"
    )
    assert told.count() == 1
    second.refresh_from_db()
    assert second.state == StatusReport.State.DRAFT
