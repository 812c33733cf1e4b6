"""Each person's week load, kept in a table (``org.WeekLoad``) for the coming weeks.

A row holds a person's committed hours in one week: their working hours, the time off and the
meetings that come off them, the hours left for work, and the assigned work (with the records
it comes from). The work is given by the apps above org through ``register_committed_work``
(the steps); the meetings come from the busy time registered with ``org.capacity``.

Every audited write whose record changes someone's load (``register_load_change``, by the app
that owns the record) marks the people stale in the same transaction; they are computed again
when the transaction commits (a read that finds them stale meanwhile computes them itself). A nightly job
rebuilds every row, checks it against the kept one, logs and repairs any difference.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from deptcoord.org import capacity, working_hours
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import Person, WeekLoad, WeekLoadStale

logger = logging.getLogger(__name__)

WINDOW_WEEKS = 26  # the workload page shows at most 26 weeks from this one
# People computed when a change commits; more (a new public holiday: everyone) are left to the
# reads and the nightly job, so one write does not wait on the whole company.
REFRESH_AT_COMMIT = 50
PERSON_FIELDS = ("id", "working_weekdays", "weekly_capacity_hours")
# A week's figures besides the work, in the order of ``Load``'s fields
HOURS = ("base_hours", "time_off_hours", "meeting_hours", "available_hours")

# (people, first day, last day) → {(person id, Monday): {record id: hours that week}}
WorkSource = Callable[[list[Person], date, date], dict[tuple[int, date], dict[str, float]]]
_work_sources: dict[str, WorkSource] = {}
# audited record's label → (record, changes) → ids of the people whose load the change moves
_load_changes: dict[str, Callable[[object, dict], Iterable[int]]] = {}
_everyone: set[str] = set()
# records that are assigned work (a source's records): their changes move the work alone
_work_only: set[str] = set()


def register_committed_work(name: str, source: WorkSource) -> None:
    """Let an app add assigned work to everyone's week (registering a name twice replaces it)."""
    _work_sources[name] = source


def register_load_change(model, affected=None, work_only: bool = False) -> None:
    """Declare that a write of ``model``'s records moves the load of the people
    ``affected(record, changes)`` returns (of everyone when ``affected`` is None): the audited
    writes of the services (with the values before the change), and any other save or delete
    of a record (a load of records, a repair by hand) as well. ``work_only``: the records are
    assigned work (read by a ``register_committed_work`` source), so their changes move the
    work hours alone, and a refresh leaves the working hours, time off and meetings as kept."""
    label = model._meta.label
    if affected is None:
        _everyone.add(label)
    else:
        _load_changes[label] = affected
    if work_only:
        _work_only.add(label)
    uid = f"week_load:{label}"
    post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_saved, sender=model, dispatch_uid=uid, weak=False)


def register_audited_change(label: str, affected=None) -> None:
    """As ``register_load_change``, for the audited writes of the services only (for records
    saved often for other reasons: a person's row)."""
    if affected is None:
        _everyone.add(label)
    else:
        _load_changes[label] = affected


def _saved(sender, instance, **kwargs) -> None:
    label = sender._meta.label
    if label in _everyone:
        mark_stale(None)
    elif label in _load_changes:
        mark_stale(_load_changes[label](instance, {}), work_only=label in _work_only)


@dataclass
class Load:
    """One person's week."""

    person_id: int
    week: date
    base_hours: float = 0.0
    time_off_hours: float = 0.0
    meeting_hours: float = 0.0
    available_hours: float = 0.0
    work_hours: float = 0.0
    shares: dict[str, float] = field(default_factory=dict)

    @property
    def committed_hours(self) -> float:
        """Work, meetings and time off together."""
        return self.work_hours + self.meeting_hours + self.time_off_hours

    def same_as(self, other: "Load") -> bool:
        """The same figures, to the hundredth."""
        if any(abs(getattr(self, name) - getattr(other, name)) > 0.01 for name in HOURS):
            return False
        if abs(self.work_hours - other.work_hours) > 0.01 or set(self.shares) != set(other.shares):
            return False
        return all(abs(self.shares[key] - other.shares[key]) <= 0.01 for key in self.shares)


def window(today: date | None = None) -> list[date]:
    """The Mondays the table keeps: this week's and the following ones."""
    today = today or timezone.localdate()
    monday = working_hours.week_of(today)
    return [monday + timedelta(weeks=index) for index in range(WINDOW_WEEKS)]


def compute(people: Iterable[Person], mondays: list[date]) -> dict[tuple[int, date], Load]:
    """Every person's load in each of the (consecutive) weeks, from the records themselves: a
    fixed number of queries whatever the number of people."""
    people = list(people)
    if not people or not mondays:
        return {}
    first, last = min(mondays), max(mondays) + timedelta(days=6)
    days_off = frozenset(days_off_between(first, last))
    away = capacity.days_away(people, first, last)
    busy: dict[int, dict[date, float]] = defaultdict(dict)
    for (person_id, day), hours in capacity.busy_hours(people, first, last).items():
        busy[person_id][day] = hours
    extra = capacity.extra_hours(people, first, last)
    loads = {
        (person.pk, monday): Load(person.pk, monday) for person in people for monday in mondays
    }
    for person in people:
        weekdays = working_hours.weekdays_from_digits(person.working_weekdays)
        weekly = float(person.weekly_capacity_hours or 0)
        common = {"first": first, "last": last, "weekly_hours": weekly, "weekdays": weekdays}
        base = working_hours.available_hours(
            **common, days_off=days_off, extra=extra.get(person.pk, ())
        )
        left = working_hours.available_hours(
            **common,
            days_off=days_off,
            away=away.get(person.pk, set()),
            busy=busy.get(person.pk),
            extra=extra.get(person.pk, ()),
        )
        gone = away.get(person.pk, set())
        for day, hours in base.items():
            load = loads.get((person.pk, working_hours.week_of(day)))
            if load is None:
                continue
            load.base_hours += hours
            if day in gone:
                load.time_off_hours += hours
            else:
                load.meeting_hours += min(busy.get(person.pk, {}).get(day, 0.0), hours)
        for day, hours in left.items():
            load = loads.get((person.pk, working_hours.week_of(day)))
            if load is not None:
                load.available_hours += hours
    for load in loads.values():
        for name in HOURS:
            setattr(load, name, round(getattr(load, name), 2))
    _put_work(loads, people, mondays)
    return loads


def _put_work(loads: dict[tuple[int, date], Load], people: list[Person], mondays) -> None:
    """Set each load's assigned work (its records' hours and their sum) from the sources."""
    first, last = min(mondays), max(mondays) + timedelta(days=6)
    work: dict[tuple[int, date], dict[str, float]] = defaultdict(dict)
    for source in _work_sources.values():
        for key, shares in source(people, first, last).items():
            for record, hours in shares.items():
                work[key][record] = work[key].get(record, 0.0) + hours
    for key, load in loads.items():
        shares = work.get(key, {})
        load.shares = {record: round(hours, 2) for record, hours in shares.items()}
        load.work_hours = round(sum(shares.values()), 2)


def _people(ids) -> list[Person]:
    return list(Person.objects.filter(pk__in=sorted(ids)).only(*PERSON_FIELDS).order_by("pk"))


def _save(loads: dict[tuple[int, date], Load], ids, mondays: list[date]) -> None:
    rows = [
        WeekLoad(
            person_id=load.person_id,
            week=load.week,
            base_hours=load.base_hours,
            time_off_hours=load.time_off_hours,
            meeting_hours=load.meeting_hours,
            available_hours=load.available_hours,
            work_hours=load.work_hours,
            shares=load.shares,
        )
        for load in loads.values()
    ]
    with transaction.atomic():
        WeekLoad.objects.filter(person__in=ids, week__gte=mondays[0]).delete()
        WeekLoad.objects.bulk_create(rows, batch_size=1000)


def refresh(person_ids: Iterable[int], today: date | None = None) -> dict:
    """Compute the people's weeks in the window again and keep them; return the loads.

    The people's rows are locked first, in order, so that two servers refreshing the same
    person one after the other (each after its own write) wait for each other instead of
    writing the same weeks at once, and each computes from what the other committed."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    mondays = window(today)
    with transaction.atomic():
        people = Person.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk")
        list(people.values_list("pk", flat=True))  # the writes referring to them go on
        began = timezone.now()
        everyone = _people(ids)
        kept = _kept_for_work(ids, mondays)
        only_work = {pk for pk, _monday in kept}
        loads = compute([p for p in everyone if p.pk not in only_work], mondays)
        if kept:  # only their work moved: the rest of their weeks stands as kept
            _put_work(kept, [p for p in everyone if p.pk in only_work], mondays)
            loads.update(kept)
        _save(loads, ids, mondays)
        WeekLoadStale.objects.filter(person__in=ids, marked_at__lte=began).delete()
    return loads


def _kept_for_work(ids: list[int], mondays: list[date]) -> dict:
    """The kept weeks of the people whose work alone moved since they were kept (marked stale
    by changes of assigned work only, every week of the window kept), by (person, Monday)."""
    work_only = set(
        WeekLoadStale.objects.filter(person__in=ids, work_only=True).values_list("pk", flat=True)
    )
    if not work_only:
        return {}
    kept = {
        (row[0], row[1]): Load(*row)
        for row in WeekLoad.objects.filter(person__in=work_only, week__in=mondays).values_list(
            "person_id", "week", *HOURS
        )
    }
    whole = {pk for pk in work_only if all((pk, monday) in kept for monday in mondays)}
    return {key: load for key, load in kept.items() if key[0] in whole}


def mark_stale(person_ids: Iterable[int] | None, work_only: bool = False) -> None:
    """Mark the people's weeks out of date (everyone's when ``None``), in the caller's
    transaction; they are computed again once it commits. ``work_only``: only their assigned
    work moved (a mark of the whole week already there stays one)."""
    if person_ids is None:
        person_ids = Person.objects.values_list("pk", flat=True)
    ids = sorted({pk for pk in person_ids if pk})
    if not ids:
        return
    now = timezone.now()
    WeekLoadStale.objects.bulk_create(
        [WeekLoadStale(person_id=pk, marked_at=now, work_only=work_only) for pk in ids],
        update_conflicts=True,
        unique_fields=["person"],
        update_fields=["marked_at"] if work_only else ["marked_at", "work_only"],
        batch_size=1000,
    )
    transaction.on_commit(partial(_keep_later, ids))


def loads_for(people: Iterable[Person], mondays: list[date]) -> dict[tuple[int, date], Load]:
    """The people's loads in the weeks: kept rows for the weeks of the window (computed again
    first for anyone marked stale or not kept yet), computed on the spot for weeks past it. A
    fixed number of queries (and none written: the missing rows are kept after the request)."""
    people = list(people)
    if not people or not mondays:
        return {}
    ids = [person.pk for person in people]
    kept_weeks = set(window())
    inside = [monday for monday in mondays if monday in kept_weeks]
    outside = [monday for monday in mondays if monday not in kept_weeks]
    found: dict[tuple[int, date], Load] = {}
    if inside:
        stale = set(WeekLoadStale.objects.filter(person__in=ids).values_list("pk", flat=True))
        rows = WeekLoad.objects.filter(person__in=ids, week__in=inside).values_list(
            "person_id", "week", *HOURS, "work_hours", "shares"
        )
        for row in rows:
            if row[0] not in stale:
                found[(row[0], row[1])] = Load(*row[:7], shares=row[7] or {})
        missing = {pk for pk in ids for monday in inside if (pk, monday) not in found}
        if missing:  # computed here, kept once the request's work commits
            found.update(compute([p for p in people if p.pk in missing], inside))
            transaction.on_commit(partial(_keep_later, sorted(missing)))
    if outside:
        for run in _consecutive(outside):
            found.update(compute(people, run))
    return found


def maybe_over(people: QuerySet, monday: date) -> QuerySet:
    """Of the people, those who may have more work than hours in the week of ``monday`` (a
    week of the window): their kept week is over or within rounding of it, or it is not kept
    or stale, so that it has to be read in full to tell (``loads_for``). Outside the window,
    all of them. So a card of the company's overloaded people reads the weeks of a few
    hundred people, not of everyone."""
    if monday not in window():
        return people
    ids = people.values("pk")
    kept = WeekLoad.objects.filter(week=monday, person__in=ids)
    over = kept.filter(work_hours__gt=F("available_hours") - 0.1).values("person_id")
    stale = WeekLoadStale.objects.filter(person__in=ids).values("person_id")
    return people.filter(Q(pk__in=over) | Q(pk__in=stale) | ~Q(pk__in=kept.values("person_id")))


def _keep_later(ids: list[int]) -> None:
    """Keep the weeks of people marked or found stale, once the write that did it committed:
    at once for a few, by the rebuild job (enqueued once in ten minutes) for many. The write
    is done by then: should keeping fail (the database busy), the people stay marked stale,
    readers compute their weeks on the spot and the next refresh or the night's rebuild
    keeps them; the person who wrote never sees an error for it."""
    if len(ids) <= REFRESH_AT_COMMIT:
        try:
            refresh(_waiting(ids))
        except DatabaseError:
            logger.warning("week loads of %s kept later: the database refused", ids, exc_info=True)
    elif cache.add("week_load:rebuild", 1, 600):
        from deptcoord.org.tasks import rebuild_week_loads

        rebuild_week_loads.enqueue()


def _waiting(ids: list[int]) -> list[int]:
    """Of the people, those still to keep: marked stale or without their weeks (one write
    marks its people twice or more, the record saved and the change audited, and the first
    refresh at its commit keeps them for all)."""
    stale = WeekLoadStale.objects.filter(person__in=ids).values_list("pk", flat=True)
    kept = WeekLoad.objects.filter(person__in=ids, week=window()[0]).values_list(
        "person_id", flat=True
    )
    return sorted(set(stale) | (set(ids) - set(kept)))


def _consecutive(mondays: list[date]) -> list[list[date]]:
    runs: list[list[date]] = []
    for monday in sorted(mondays):
        if runs and monday - runs[-1][-1] == timedelta(weeks=1):
            runs[-1].append(monday)
        else:
            runs.append([monday])
    return runs


def note_audited_write(entry, target) -> None:
    """Mark stale the people whose load an audited write moves (registered by the apps)."""
    label = entry.target_type
    if target is None:  # a refusal or a download: nothing written
        return
    if label in _everyone:
        mark_stale(None)
        return
    affected = _load_changes.get(label)
    if affected is None:
        return
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    mark_stale(affected(target, changes), work_only=label in _work_only)


def rebuild(today: date | None = None, chunk: int = 200) -> int:
    """Compute every active person's weeks again, compare them with the kept rows, log and
    repair every difference and forget the weeks gone by; return how many rows differed."""
    mondays = window(today)
    differences = 0
    WeekLoad.objects.filter(week__lt=mondays[0]).delete()
    ids = list(Person.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        fresh = compute(_people(part), mondays)
        kept = {
            (row.person_id, row.week): Load(
                row.person_id,
                row.week,
                row.base_hours,
                row.time_off_hours,
                row.meeting_hours,
                row.available_hours,
                row.work_hours,
                row.shares or {},
            )
            for row in WeekLoad.objects.filter(person__in=part, week__gte=mondays[0])
        }
        new = [key for key in fresh if key not in kept]
        wrong = [key for key, load in fresh.items() if key in kept and not kept[key].same_as(load)]
        extra = [key for key in kept if key not in fresh]
        for person_id, week in wrong + extra:
            logger.warning("Week load of person %s, week of %s, repaired", person_id, week)
        differences += len(wrong) + len(extra)
        if new or wrong or extra:
            _save(fresh, part, mondays)
        WeekLoadStale.objects.filter(person__in=part).delete()
    WeekLoad.objects.exclude(person__is_active=True).delete()
    return differences
