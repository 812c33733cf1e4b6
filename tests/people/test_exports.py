"""Development plans, feedback, the recognition wall and 1:1s download what their lists show,
as CSV or XLSX: the filter's rows, only what the viewer may see, never the text of advice or a
warning, never a talking point or a private note; every download recorded."""

import csv
import io

import openpyxl
from django.urls import reverse
from django.utils import timezone

from deptcoord.audit.models import AuditEntry
from deptcoord.people import exports, services
from deptcoord.people.models import ConfidentialRead, Feedback
from deptcoord.people.selectors.feedback import WALL_LENGTH
from tests.factories import client_for
from tests.people.helpers import actor, days, warning


def xlsx_rows(response) -> list[tuple]:
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def column(rows, name: str, columns: list[str]) -> list:
    index = columns.index(name)
    return [row[index] for row in rows[1:]]


def recorded(action: str, person) -> bool:
    return AuditEntry.objects.filter(action=action, actor_id=person.pk, kind="security").exists()


# Development plans -----------------------------------------------------------------------------


def _plan(person, by, goal, status="active"):
    made = services.plan_create(
        actor=actor(by), person=person, period_start=days(-10), period_end=days(120), goal=goal
    )
    if status != "active":
        made = services.plan_update(
            actor=actor(by), plan_id=made.pk, expected_version=made.version, status=status
        )
    return made


def test_plans_export_follows_the_status_filter_and_the_policy(world, catalogue):
    growing = _plan(world.member, world.coordinator, "Lead the SEO audit")
    action = services.action_add(
        actor=actor(world.coordinator),
        plan_id=growing.pk,
        kind="training",
        title="SEO course",
        due=days(30),
    )
    services.action_mark(actor=actor(world.member), action_id=action.pk, done=True)
    _plan(world.peer, world.coordinator, "Present at the fair", status="completed")
    url = reverse("people:plans_export", args=["xlsx"])
    client = client_for(world.coordinator)

    active = xlsx_rows(client.get(url))  # the page's default: active plans
    assert list(active[0]) == exports.PLAN_COLUMNS
    assert column(active, "development_goal", exports.PLAN_COLUMNS) == ["Lead the SEO audit"]
    plan_row = dict(zip(exports.PLAN_COLUMNS, active[1], strict=True))
    assert (plan_row["person_email"], plan_row["department"]) == (world.member.email, "MKT")
    assert (plan_row["actions"], plan_row["actions_done"]) == (1, 1)
    completed = xlsx_rows(client.get(url, {"status": "completed"}))
    assert column(completed, "development_goal", exports.PLAN_COLUMNS) == ["Present at the fair"]
    everything = xlsx_rows(client.get(url, {"status": "all", "page": "2"}))
    assert len(everything) == 3  # every plan, not one page of them

    own = csv_rows(client_for(world.member).get(url.replace(".xlsx", ".csv"), {"status": "all"}))
    assert own[0] == exports.PLAN_COLUMNS
    assert column(own, "development_goal", exports.PLAN_COLUMNS) == ["Lead the SEO audit"]
    other = xlsx_rows(client_for(world.other_coordinator).get(url, {"status": "all"}))
    assert other == [tuple(exports.PLAN_COLUMNS)]
    assert recorded("people.plan.export", world.coordinator)


# Feedback --------------------------------------------------------------------------------------


def _praise(subject, author, body, visibility="private"):
    return services.feedback_give(
        actor=actor(author), subject=subject, kind="praise", body=body, visibility=visibility
    )


def test_feedback_export_never_holds_confidential_text(world, catalogue):
    given = warning(world.member, world.coordinator, catalogue.written, body="Secret words")
    services.feedback_give(
        actor=actor(world.coordinator), subject=world.member, kind="advice", body="Pair more often"
    )
    _praise(world.member, world.peer, "Lovely launch video", "public")
    _praise(world.member, world.peer, "Quiet thanks")
    response = client_for(world.member).get(reverse("people:feedback_export", args=["csv"]))
    rows = csv_rows(response)
    text = response.content.decode("utf-8-sig")
    assert rows[0] == exports.FEEDBACK_COLUMNS
    assert sorted(column(rows, "kind", exports.FEEDBACK_COLUMNS)) == [
        "advice",
        "praise",
        "praise",
        "warning",
    ]
    assert "Lovely launch video" in text and "Quiet thanks" in text
    for secret in ("Secret words", "Missed the stand-ups", "Pair more often"):
        assert secret not in text
    warning_row = next(row for row in rows if row[0] == str(given.pk))
    found = dict(zip(exports.FEEDBACK_COLUMNS, warning_row, strict=True))
    assert (found["level"], found["author"], found["feedback"]) == (
        "Written warning",
        "Coordinator",
        "",
    )
    # Nothing confidential was read, so nobody shows up as having read the warning.
    assert not ConfidentialRead.objects.exists()
    assert recorded("people.feedback.export", world.member)


def test_feedback_export_follows_the_filters_and_the_policy(world, catalogue):
    warning(world.member, world.coordinator, catalogue.written)
    public = _praise(world.member, world.peer, "Lovely launch video", "public")
    private = _praise(world.member, world.peer, "Quiet thanks")
    url = reverse("people:feedback_export", args=["xlsx"])
    warnings = xlsx_rows(client_for(world.member).get(url, {"kind": "warning"}))
    assert column(warnings, "kind", exports.FEEDBACK_COLUMNS) == ["warning"]
    given = xlsx_rows(client_for(world.peer).get(url, {"direction": "given"}))
    assert sorted(column(given, "id", exports.FEEDBACK_COLUMNS)) == [public.pk, private.pk]
    # Someone from Sales sees the public praise only: not the private one, not the warning.
    outsider = xlsx_rows(client_for(world.other_member).get(url))
    assert column(outsider, "id", exports.FEEDBACK_COLUMNS) == [public.pk]


def test_cells_that_would_run_as_formulas_are_neutralised(world, catalogue):
    _praise(world.member, world.peer, '=HYPERLINK("http://evil","thanks")', "public")
    rows = xlsx_rows(client_for(world.member).get(reverse("people:feedback_export", args=["xlsx"])))
    assert column(rows, "feedback", exports.FEEDBACK_COLUMNS) == [
        '\'=HYPERLINK("http://evil","thanks")'
    ]


# The recognition wall --------------------------------------------------------------------------


def test_wall_export_holds_the_departments_public_praise_only(world, catalogue):
    ours = _praise(world.member, world.peer, "Great teaser", "public")
    theirs = _praise(world.other_member, world.other_coordinator, "Big deal closed", "public")
    _praise(world.member, world.peer, "Quiet thanks")
    url = reverse("people:wall_export", args=["xlsx"])
    client = client_for(world.other_member)
    marketing = xlsx_rows(client.get(url, {"department": world.own.pk}))
    assert list(marketing[0]) == exports.WALL_COLUMNS
    assert column(marketing, "praise", exports.WALL_COLUMNS) == ["Great teaser"]
    assert column(marketing, "department", exports.WALL_COLUMNS) == ["MKT"]
    company = csv_rows(client.get(url.replace(".xlsx", ".csv")))
    assert company[0] == exports.WALL_COLUMNS
    assert column(company, "id", exports.WALL_COLUMNS) == [str(theirs.pk), str(ours.pk)]
    assert recorded("people.praise.export", world.other_member)


def test_wall_export_holds_more_praise_than_the_wall_shows(world, catalogue):
    Feedback.objects.bulk_create(
        Feedback(
            kind="praise", visibility="public", subject=world.member, author=world.peer, body="Hi"
        )
        for _ in range(WALL_LENGTH + 5)
    )
    client = client_for(world.peer)
    assert len(client.get(reverse("people:wall")).context["praise"]) == WALL_LENGTH
    rows = xlsx_rows(client.get(reverse("people:wall_export", args=["xlsx"])))
    assert len(rows) == 1 + WALL_LENGTH + 5


# 1:1s ------------------------------------------------------------------------------------------


def test_one_on_ones_export_never_holds_notes_or_talking_points(world, catalogue):
    with_member = services.one_on_one_create(
        actor=actor(world.coordinator), member=world.member, scheduled_at=timezone.now()
    )
    services.talking_point_add(
        actor=actor(world.member), one_on_one_id=with_member.pk, text="Training budget"
    )
    services.private_note_add(
        actor=actor(world.coordinator), one_on_one_id=with_member.pk, body="Seems tired"
    )
    with_peer = services.one_on_one_create(
        actor=actor(world.coordinator), member=world.peer, scheduled_at=timezone.now()
    )
    services.one_on_one_update(
        actor=actor(world.coordinator),
        one_on_one_id=with_peer.pk,
        expected_version=with_peer.version,
        status="held",
    )
    url = reverse("people:one_on_ones_export", args=["csv"])
    response = client_for(world.coordinator).get(url)
    rows = csv_rows(response)
    assert rows[0] == exports.ONE_ON_ONE_COLUMNS
    assert sorted(column(rows, "member", exports.ONE_ON_ONE_COLUMNS)) == ["Member", "Peer"]
    text = response.content.decode("utf-8-sig")
    assert "Seems tired" not in text and "Training budget" not in text
    held = xlsx_rows(
        client_for(world.coordinator).get(url.replace(".csv", ".xlsx"), {"status": "held"})
    )
    assert column(held, "member", exports.ONE_ON_ONE_COLUMNS) == ["Peer"]
    mine = csv_rows(client_for(world.member).get(url))
    assert column(mine, "id", exports.ONE_ON_ONE_COLUMNS) == [str(with_member.pk)]
    # The head runs the department but sits in neither 1:1, so the file is the header alone.
    assert csv_rows(client_for(world.head).get(url)) == [exports.ONE_ON_ONE_COLUMNS]
    assert recorded("people.one_on_one.export", world.coordinator)
    assert not ConfidentialRead.objects.filter(private_note__isnull=False).exists()
