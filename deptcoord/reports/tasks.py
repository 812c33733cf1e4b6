"""Background jobs of the reports app: the morning e-mail and the weekly drafts."""

from django.tasks import task
from django.utils import timezone

# E-mails queued before notices became an app name this path; the worker still finds them.
from deptcoord.notices.tasks import send_notification_email  # noqa: F401


@task
def send_morning_emails() -> int:
    """Send the morning e-mail to everyone whose hour it is (run every hour)."""
    from deptcoord.reports.digest import people_due, send_digest

    now = timezone.now()
    return sum(send_digest(person, now) for person in people_due(now))


@task
def prepare_weekly_drafts() -> int:
    """Prepare last week's draft report for each department with a coordinator (weekly, early
    on Monday; running it twice creates nothing new)."""
    from deptcoord.reports.services import weekly_drafts_prepare

    return len(weekly_drafts_prepare())
