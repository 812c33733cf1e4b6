"""The periodic jobs: check-in reminders at most once a week; forecasts refreshed daily."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone
from freezegun import freeze_time

from deptcoord.core.periodic import registered_jobs
from deptcoord.goals.models import KeyResult
from deptcoord.goals.tasks import refresh_forecasts, remind_check_ins
from deptcoord.notices.models import Notification
from tests.goals.helpers import check_in, key_result


def reminders():
    return Notification.objects.filter(kind="goals.check_in_reminder")


def test_both_jobs_are_registered_daily():
    jobs = {job.name: job.every for job in registered_jobs()}
    assert jobs["goals.remind_check_ins"] == "daily"
    assert jobs["goals.refresh_forecasts"] == "daily"


def test_owners_quiet_for_a_week_are_reminded_at_most_once_a_week(world, goals, mailoutbox):
    second = key_result(goals.marketing, world.member, title_en="Leads")
    check_in(second, 5)  # checked in today: not quiet
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert remind_check_ins.call() == 1
    note = reminders().get()
    assert note.recipient == world.member and "Units sold" in note.message_en
    assert "Leads" not in note.message_en
    assert note.url == f"/goals/key-results/{goals.reach.pk}/"
    assert mailoutbox == []  # reminders go to the daily digest unless one chooses
    today = timezone.localdate()
    for days in (1, 6):
        with freeze_time(today + timedelta(days=days)):
            remind_check_ins.call()
    assert reminders().count() == 1  # nothing more within the week, though "Leads" went quiet
    with freeze_time(today + timedelta(days=8)):
        remind_check_ins.call()
    assert reminders().count() == 2
    assert "Leads" in reminders().first().message_en


def test_cancelled_and_checked_in_key_results_send_no_reminder(world, goals):
    check_in(goals.reach, 10)
    remind_check_ins.call()
    assert not reminders().exists()


def test_refresh_marks_key_results_that_fall_behind_with_time(world, goals):
    stale = timezone.localdate() - timedelta(days=40)
    # Added 40 days ago and never checked in: long past the time it may go without a check-in.
    KeyResult.objects.filter(pk=goals.reach.pk).update(
        at_risk=False, forecast_on=stale, created_at=timezone.now() - timedelta(days=40)
    )
    assert refresh_forecasts.call() == 1
    reach = KeyResult.objects.get(pk=goals.reach.pk)
    # Two thirds of the period gone and nothing reported: behind time.
    assert reach.at_risk and reach.lag_points > 60
    assert reach.forecast_on == timezone.localdate()
