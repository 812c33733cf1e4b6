"""Background jobs of work: recurring steps created ahead, due-soon and overdue reminders
(once a day per step), and slips of steps that became overdue."""

from datetime import timedelta
from itertools import batched

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from deptcoord.notices.notifications import notify, translated
from deptcoord.work import messages
from deptcoord.work.calendar import company_calendar
from deptcoord.work.calendar_days import date_of_working_day, working_day_index
from deptcoord.work.models import RecurringActivity, Step
from deptcoord.work.services.notices import step_url
from deptcoord.work.services.recurring import recurring_generate
from deptcoord.work.services.slips import propagate_slip

REMIND_WORKING_DAYS = 1
# Steps handled per transaction: a company's night of reminders commits in a few hundred
# writes instead of one per notification, and a failure part-way never reminds twice.
CHUNK = 200


def reminder_horizon(today):
    """The last due date reminded about today: N working days ahead (one by default)."""
    days = int(getattr(settings, "WORK_REMINDER_WORKING_DAYS", REMIND_WORKING_DAYS))
    calendar = company_calendar(today, today + timedelta(days=days * 2 + 14), origin=today)
    return date_of_working_day(calendar, working_day_index(calendar, today) + days)


@task
def generate_recurring_steps() -> int:
    """Create the steps of every active recurring activity's coming occurrences."""
    today = timezone.localdate()
    created = 0
    for activity in RecurringActivity.objects.filter(is_active=True).select_related(
        "department", "assignee", "project"
    ):
        created += len(recurring_generate(activity=activity, on=today))
    return created


@task
def remind_due_steps() -> int:
    """Remind each assignee of steps due soon or overdue, at most once a day per step."""
    today = timezone.localdate()
    horizon = reminder_horizon(today)
    steps = (
        Step.objects.exclude(status=Step.Status.DONE)
        .filter(due__lte=horizon, assignee__isnull=False, assignee__is_active=True)
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lt=today))
        .select_related("assignee")
    )
    sent = 0
    for chunk in batched(steps.order_by("pk"), CHUNK):
        with transaction.atomic():
            for step in chunk:
                overdue = step.due < today
                notify(
                    recipient=step.assignee,
                    kind="work.overdue" if overdue else "work.due_soon",
                    message=messages.OVERDUE if overdue else messages.DUE_SOON,
                    params={"step": translated(lambda s=step: s.title), "due": step.due},
                    url=step_url(step),
                    target=step,
                )
            Step.objects.filter(pk__in=[step.pk for step in chunk]).update(reminded_on=today)
        sent += len(chunk)
    return sent


@task
def note_overdue_steps() -> int:
    """A step that became overdue slips: the steps waiting for it are pushed and flagged."""
    today = timezone.localdate()
    overdue = (
        Step.objects.exclude(status=Step.Status.DONE)
        .filter(due__lt=today, overdue_noted_on__isnull=True)
        .select_related("department")
    )
    count = 0
    for chunk in batched(overdue.order_by("pk"), CHUNK):
        with transaction.atomic():
            for step in chunk:
                propagate_slip(step, step.due, today)
            Step.objects.filter(pk__in=[step.pk for step in chunk]).update(overdue_noted_on=today)
        count += len(chunk)
    return count
