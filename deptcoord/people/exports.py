"""Rows of the people lists as spreadsheets: development plans, feedback, the recognition wall
and 1:1s.

A row holds what its list shows and nothing more: the text of advice and warnings is
confidential (it opens on its own page, where each read is recorded), so it is never in a file;
a 1:1's talking points and private notes are not either.
"""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import moment_cell

PLAN_COLUMNS = [
    "id",
    "person",
    "person_email",
    "department",
    "development_goal",
    "period_start",
    "period_end",
    "status",
    "actions",
    "actions_done",
]
FEEDBACK_COLUMNS = [
    "id",
    "kind",
    "visibility",
    "level",
    "about",
    "about_email",
    "author",
    "author_email",
    "given_at",
    "acknowledged_at",
    "feedback",
]
WALL_COLUMNS = [
    "id",
    "about",
    "about_email",
    "department",
    "praise",
    "author",
    "author_email",
    "given_at",
]
ONE_ON_ONE_COLUMNS = [
    "id",
    "scheduled_at",
    "coordinator",
    "coordinator_email",
    "member",
    "member_email",
    "status",
]
PLANS_FILENAME = _("development-plans")
FEEDBACK_FILENAME = _("feedback")
WALL_FILENAME = _("recognition-wall")
ONE_ON_ONES_FILENAME = _("one-on-ones")


def _name(person) -> str:
    return person.full_name if person else ""


def _email(person) -> str:
    return person.email if person else ""


def plan_rows(plans) -> list[list]:
    """One row per development plan (their actions prefetched)."""
    rows = []
    for plan in plans:
        actions = list(plan.actions.all())
        department = plan.person.primary_department
        rows.append(
            [
                plan.pk,
                plan.person.full_name,
                plan.person.email,
                department.code if department else "",
                plan.goal,
                plan.period_start.isoformat(),
                plan.period_end.isoformat(),
                plan.status,
                len(actions),
                sum(1 for action in actions if action.is_done),
            ]
        )
    return rows


def feedback_rows(feedback) -> list[list]:
    """One row per piece of feedback; advice and warnings without their text."""
    return [
        [
            item.pk,
            item.kind,
            item.visibility,
            item.level.name if item.level_id else "",
            item.subject.full_name,
            item.subject.email,
            _name(item.author),
            _email(item.author),
            moment_cell(item.created_at),
            moment_cell(item.acknowledged_at),
            "" if item.is_confidential else item.body,
        ]
        for item in feedback
    ]


def wall_rows(praise) -> list[list]:
    """One row per public praise on the recognition wall."""
    return [
        [
            item.pk,
            item.subject.full_name,
            item.subject.email,
            item.subject.primary_department.code if item.subject.primary_department_id else "",
            item.body,
            _name(item.author),
            _email(item.author),
            moment_cell(item.created_at),
        ]
        for item in praise
    ]


def one_on_one_rows(meetings) -> list[list]:
    """One row per 1:1: when, between whom, and its status."""
    return [
        [
            meeting.pk,
            moment_cell(meeting.scheduled_at),
            meeting.coordinator.full_name,
            meeting.coordinator.email,
            meeting.member.full_name,
            meeting.member.email,
            meeting.status,
        ]
        for meeting in meetings
    ]
