"""The week loads kept per person and week: what the services leave equals a full recompute,
the nightly job repairs a row that differs, and a load counts all of a person's work while the
page names only what the viewer may open."""

import logging
from contextlib import suppress
from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deptcoord.core.periodic import registered_jobs
from deptcoord.meetings.services import meetings as meeting_services
from deptcoord.org import week_load
from deptcoord.org.models import Person, TimeOff, WeekLoad
from deptcoord.org.services import time_off as time_off_services
from deptcoord.org.tasks import rebuild_week_loads
from deptcoord.work.models import Step
from deptcoord.work.selectors import workload_for
from deptcoord.work.services import steps as step_services
from tests.factories import client_for
from tests.work.helpers import actor, monday, step


def _kept_equal_recompute(people):
    mondays = week_load.window()
    fresh = week_load.compute(people, mondays)
    kept = {
        (row.person_id, row.week): week_load.Load(
            row.person_id,
            row.week,
            row.base_hours,
            row.time_off_hours,
            row.meeting_hours,
            row.available_hours,
            row.work_hours,
            row.shares,
        )
        for row in WeekLoad.objects.filter(person__in=people, week__gte=mondays[0])
    }
    assert set(kept) == set(fresh)
    for key, load in fresh.items():
        assert kept[key].same_as(load), (key, kept[key], load)


REFUSALS = (ValidationError, PermissionDenied)  # a refused call changes nothing
CALLS = st.lists(
    st.tuples(
        st.sampled_from(
            ["create", "move", "effort", "progress", "reassign", "delete", "away", "back", "meet"]
        ),
        st.integers(0, 3),  # whose, or which record
        st.integers(-3, 12),  # a week from now
        st.integers(0, 40),  # hours, days or percent
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(calls=CALLS)
def test_the_kept_week_loads_equal_a_full_recompute_after_any_changes(
    world, django_capture_on_commit_callbacks, calls
):
    people = [world.member, world.peer, world.team_member, world.coordinator]
    boss = actor(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        week_load.refresh([p.pk for p in people])
    for kind, which, weeks, amount in calls:
        person = people[which]
        start = monday(weeks)
        mine = list(Step.objects.filter(department=world.own).order_by("pk"))
        chosen = mine[which % len(mine)] if mine else None
        with django_capture_on_commit_callbacks(execute=True), suppress(*REFUSALS):
            if kind == "create" or chosen is None:
                step_services.step_create(
                    actor=boss,
                    department=world.own,
                    title_en=f"Step {weeks}",
                    assignee=person,
                    start=start,
                    due=start + timedelta(days=amount % 20),
                    effort_hours=amount,
                )
            elif kind == "move":
                step_services.step_update(
                    actor=boss,
                    step_id=chosen.pk,
                    expected_version=chosen.version,
                    start=start,
                    due=start + timedelta(days=amount % 15),
                )
            elif kind == "effort":
                step_services.step_update(
                    actor=boss, step_id=chosen.pk, expected_version=None, effort_hours=amount
                )
            elif kind == "progress":
                step_services.step_progress(
                    actor=boss, step_id=chosen.pk, expected_version=None, progress=amount * 2
                )
            elif kind == "reassign":
                step_services.step_update(
                    actor=boss, step_id=chosen.pk, expected_version=None, assignee=person
                )
            elif kind == "delete":
                step_services.step_delete(actor=boss, step_id=chosen.pk)
            elif kind == "away":
                time_off_services.time_off_create(
                    actor=boss,
                    person=person,
                    start_date=start + timedelta(days=1),
                    end_date=start + timedelta(days=1 + amount % 6),
                )
            elif kind == "back":
                off = TimeOff.objects.filter(person__in=people).order_by("pk").first()
                if off is not None:
                    time_off_services.time_off_delete(actor=boss, time_off_id=off.pk)
            else:
                day = start + timedelta(days=amount % 5)
                meeting_services.meeting_create(
                    actor=boss,
                    title_en="Review",
                    start=datetime.combine(day, time(9)),
                    end=datetime.combine(day, time(10 + amount % 3)),
                    participants=[(person, True)],
                )
    _kept_equal_recompute(people)


def test_the_nightly_job_repairs_a_row_that_differs(world, caplog):
    step(world.own, "Fair", assignee=world.member, start=monday(0), due=monday(1), effort_hours=30)
    assert week_load.rebuild() == 0  # the first build: nothing to repair
    row = WeekLoad.objects.get(person=world.member, week=monday(0))
    right = row.work_hours
    WeekLoad.objects.filter(pk=row.pk).update(work_hours=right + 17, shares={})
    with caplog.at_level(logging.WARNING, logger="deptcoord.org.week_load"):
        assert rebuild_week_loads.call() == 1
    assert "repaired" in caplog.text
    assert WeekLoad.objects.get(person=world.member, week=monday(0)).work_hours == right
    _kept_equal_recompute(list(Person.objects.filter(is_active=True)))
    assert "org.rebuild_week_loads" in {job.name for job in registered_jobs()}


def test_a_read_finds_a_stale_person_and_computes_them(world):
    week_load.refresh([world.member.pk])
    step(
        world.own, "Late add", assignee=world.member, start=monday(0), due=monday(0), effort_hours=9
    )
    loads = week_load.loads_for([world.member], [monday(0)])  # the save marked them stale
    assert loads[(world.member.pk, monday(0))].work_hours == pytest.approx(9)


def _hidden_and_open_work(world):
    """A step of Sales (no project) assigned to the Marketing member: Marketing's coordinator
    may not open it; and one of Marketing."""
    week = monday(1)
    step(
        world.other,
        "Sales secret",
        assignee=world.member,
        start=week,
        due=week + timedelta(4),
        effort_hours=30,
    )
    step(
        world.own,
        "Leaflets",
        assignee=world.member,
        start=week,
        due=week + timedelta(4),
        effort_hours=25,
    )
    return week


def test_hours_the_viewer_may_not_open_count_and_show_as_other_work(world):
    _hidden_and_open_work(world)
    url = reverse("work:workload") + f"?department={world.own.pk}"
    text = client_for(world.coordinator).get(url).content.decode()
    assert "Leaflets" in text and "Sales secret" not in text
    assert "Other work · 30 h" in text
    assert "55/" in text  # the whole load: 30 h hidden + 25 h open
    # the member opens both: no other work, everything named
    own = client_for(world.member).get(url).content.decode()
    assert "Sales secret" in own and "Other work" not in own


def test_members_see_only_their_own_load(world):
    _hidden_and_open_work(world)
    url = reverse("work:workload") + f"?department={world.own.pk}"
    text = client_for(world.member).get(url).content.decode()
    assert "Member" in text and ">Peer<" not in text and "Coordinator</th>" not in text
    api = client_for(world.member).get(f"/api/v1/workload?department_id={world.own.pk}").json()
    assert [row["person_id"] for row in api] == [world.member.pk]
    everyone = client_for(world.coordinator).get(url).content.decode()
    assert ">Peer<" in everyone
    peer_page = client_for(world.member).get(reverse("people:person", args=[world.peer.pk]))
    assert 'data-testid="workload-week"' not in peer_page.content.decode()


def test_the_workload_page_runs_a_fixed_number_of_queries(
    world, django_capture_on_commit_callbacks
):
    url = reverse("work:workload") + f"?department={world.own.pk}"
    client = client_for(world.coordinator)

    def queries():
        with django_capture_on_commit_callbacks(execute=True):
            week_load.rebuild()
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for index in range(3):
        step(
            world.own,
            f"A{index}",
            assignee=world.member,
            start=monday(0),
            due=monday(1),
            effort_hours=60,
        )
    few = queries()
    for index in range(40):
        step(
            world.own,
            f"B{index}",
            assignee=world.peer,
            start=monday(0),
            due=monday(2),
            effort_hours=60,
        )
    assert queries() == few


def test_a_week_load_the_database_refuses_to_keep_never_fails_the_write(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    """Keeping the weeks runs after the write committed: if the database refuses it (two
    servers at once), the write stands, the person stays marked stale and a reader computes
    their weeks on the spot."""
    from django.db import OperationalError

    from deptcoord.org.models import WeekLoadStale

    made = step(world.own, assignee=world.member, effort_hours=6, start=monday(), due=monday())

    def refused(*_args, **_kwargs):
        raise OperationalError("deadlock detected")

    monkeypatch.setattr(week_load, "refresh", refused)
    with django_capture_on_commit_callbacks(execute=True):
        step_services.step_progress(
            actor=actor(world.member),
            step_id=made.pk,
            expected_version=made.version,
            status="in_progress",
            progress=50,
        )
    assert Step.objects.get(pk=made.pk).progress == 50
    assert WeekLoadStale.objects.filter(person=world.member).exists()


def test_only_the_weeks_that_may_be_over_are_read_for_the_overloaded(world):
    """The overloaded card reads the weeks of the people whose kept week is over, stale or
    missing; the others are left out, and the card's list is what a full read finds."""
    this_week = monday(0)
    over, under, stale, new = world.member, world.peer, world.team_member, world.coordinator
    step(world.own, "Fair", assignee=over, start=this_week, due=this_week, effort_hours=60)
    step(world.own, "Note", assignee=under, start=this_week, due=this_week, effort_hours=1)
    week_load.refresh([over.pk, under.pk, stale.pk])
    week_load.mark_stale([stale.pk])
    WeekLoad.objects.filter(person=new).delete()
    people = Person.objects.filter(pk__in=[over.pk, under.pk, stale.pk, new.pk])
    found = set(week_load.maybe_over(people, this_week).values_list("pk", flat=True))
    assert found == {over.pk, stale.pk, new.pk}
    assert set(week_load.maybe_over(people, monday(40)).values_list("pk", flat=True)) == {
        over.pk,
        under.pk,
        stale.pk,
        new.pk,
    }  # past the kept weeks: everyone
    every = workload_for(people, [this_week])
    assert [row.person.pk for row in every if row.cells[0].overloaded] == [over.pk]


def test_one_write_keeps_its_peoples_weeks_once(world, django_capture_on_commit_callbacks):
    """A step moved to someone else marks both people stale twice (the saved record, the
    audited change): each one's weeks are computed once when the write commits, and kept
    right."""
    made = step(world.own, assignee=world.member, effort_hours=6, start=monday(), due=monday())
    refreshed = []
    real = week_load.refresh

    def counted(ids, *args, **kwargs):
        refreshed.append(sorted(ids))
        return real(ids, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(week_load, "refresh", counted)
        with django_capture_on_commit_callbacks(execute=True):
            step_services.step_update(
                actor=actor(world.coordinator),
                step_id=made.pk,
                expected_version=made.version,
                assignee=world.peer,
            )
    everyone = sorted(pk for ids in refreshed for pk in ids)
    assert everyone == sorted([world.member.pk, world.peer.pk])  # each once
    _kept_equal_recompute([world.member, world.peer])


def test_a_step_change_computes_the_work_alone_and_a_whole_mark_stands(
    world, django_capture_on_commit_callbacks
):
    """A step moved along changes its assignee's work hours only: the refresh at commit leaves
    their working hours, time off and meetings as kept (it reads no meeting), and the weeks
    still equal a full recompute. A change of the whole week marked before it is not narrowed
    by the step's mark."""
    made = step(world.own, assignee=world.member, effort_hours=16, start=monday(), due=monday())
    with django_capture_on_commit_callbacks(execute=True):
        week_load.refresh([world.member.pk])
    with (
        CaptureQueriesContext(connection) as captured,
        django_capture_on_commit_callbacks(execute=True),
    ):
        step_services.step_progress(
            actor=actor(world.member), step_id=made.pk, expected_version=made.version, progress=50
        )
    assert not [query for query in captured if "meetings_meeting" in query["sql"]]
    _kept_equal_recompute([world.member])
    week = WeekLoad.objects.get(person=world.member, week=monday())
    assert week.work_hours == pytest.approx(8) and week.shares == {str(made.pk): 8.0}

    with (
        CaptureQueriesContext(connection) as captured,
        django_capture_on_commit_callbacks(execute=True),
    ):
        week_load.mark_stale([world.member.pk])  # say a meeting moved
        week_load.mark_stale([world.member.pk], work_only=True)  # then one of their steps
    assert [query for query in captured if "meetings_meeting" in query["sql"]]
    _kept_equal_recompute([world.member])
