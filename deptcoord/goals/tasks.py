"""Background jobs of goals: daily forecast refresh and weekly check-in reminders."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import DateField, Q
from django.db.models.functions import Coalesce
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy

from deptcoord.goals import messages
from deptcoord.goals.models import Goal, KeyResult
from deptcoord.goals.services.outlook import outlook_refresh
from deptcoord.goals.services.rollup import rollup_refresh_all
from deptcoord.notices.notifications import notify

CHUNK = 1000
QUIET_DAYS = 7


def open_key_results(today):
    """Key results of draft or active goals whose period has started and not long ended."""
    return (
        KeyResult.objects.annotate(
            starts=Coalesce("start_date", "goal__period_start", output_field=DateField()),
            due=Coalesce("due_date", "goal__period_end", output_field=DateField()),
        )
        .filter(goal__status__in=[Goal.Status.DRAFT, Goal.Status.ACTIVE])
        .filter(starts__lte=today, due__gte=today - timedelta(days=1))
    )


@task
def refresh_forecasts() -> int:
    """Recompute every open key result's forecast (time passing alone can put one behind),
    then every goal's figures."""
    today = timezone.localdate()
    ids = list(open_key_results(today).order_by("pk").values_list("pk", flat=True))
    refreshed = 0
    for offset in range(0, len(ids), CHUNK):
        chunk = list(KeyResult.objects.filter(pk__in=ids[offset : offset + CHUNK]))
        refreshed += outlook_refresh(key_results=chunk, today=today)
    rollup_refresh_all()
    return refreshed


def quiet_key_results(today):
    """Active key results whose owner has not checked in for a week (nor been reminded)."""
    week_ago = today - timedelta(days=QUIET_DAYS)
    return (
        open_key_results(today)
        .filter(goal__status=Goal.Status.ACTIVE, starts__lte=week_ago, owner__is_active=True)
        .filter(Q(last_check_in_on__isnull=True) | Q(last_check_in_on__lte=week_ago))
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=week_ago))
        .select_related("owner")
        .order_by("owner_id", "pk")
    )


@task
def remind_check_ins() -> int:
    """Remind each owner, at most once a week, of their key results without a recent check-in."""
    today = timezone.localdate()
    week_ago = today - timedelta(days=QUIET_DAYS)
    recently_reminded = set(
        KeyResult.objects.filter(reminded_on__gt=week_ago).values_list("owner_id", flat=True)
    )
    by_owner = defaultdict(list)
    for key_result in quiet_key_results(today):
        if key_result.owner_id not in recently_reminded:
            by_owner[key_result.owner_id].append(key_result)
    for key_results in by_owner.values():
        _remind(key_results)
        KeyResult.objects.filter(pk__in=[kr.pk for kr in key_results]).update(reminded_on=today)
    return len(by_owner)


def _remind(key_results: list[KeyResult]) -> None:
    owner = key_results[0].owner
    only = key_results[0] if len(key_results) == 1 else None

    def titles() -> str:
        return ", ".join(f"“{key_result.title}”" for key_result in key_results[:5]) + (
            "…" if len(key_results) > 5 else ""
        )

    if only is not None:
        url = reverse("goals:key_result_detail", kwargs={"pk": only.pk})
    else:
        url = reverse("goals:list") + f"?owner={owner.pk}&period=all"
    notify(
        recipient=owner,
        kind="goals.check_in_reminder",
        message=messages.CHECK_IN_REMINDER,
        params={"titles": lazy(titles, str)()},
        url=url,
        target=only,
    )
