"""Access-matrix rows for skills, development plans, feedback and 1:1s.

The records: a catalogue (a category, a skill, a role profile, an escalation level); the
member's role profile, an assessment and a development plan with a mentoring action (the peer
mentors); praise for the member from the peer, public and private; advice and a written warning
for the member from the coordinator; a warning for the peer (the member is a peer here) from the
coordinator; a warning for the team member (Digital, under Marketing) from HR; a 1:1 between the
coordinator and the member with a talking point, an action item and the coordinator's private
note. They are created without services, so building them writes nothing to the audit trail.
"""

from django.utils import timezone

from deptcoord.core.models import ImportUpload
from deptcoord.people.models import (
    Assessment,
    DevelopmentAction,
    DevelopmentPlan,
    Feedback,
    FeedbackLevel,
    OneOnOne,
    OneOnOneActionItem,
    PersonProfile,
    PrivateNote,
    RoleProfile,
    RoleTarget,
    Skill,
    SkillCategory,
    TalkingPoint,
)
from tests.access.matrix import EVERYONE, STAFF, page, rows

MEMBER_READERS = {"admin", "executive", "hr", "head", "coordinator", "member"}
NOT_MEMBER_READERS = EVERYONE - MEMBER_READERS
PEOPLE_KEEPERS = {"admin", "hr", "head", "coordinator"}
CATALOGUE_KEEPERS = {"admin", "hr"}
WARNING_READERS = {"hr", "head", "coordinator", "member"}
NOT_WARNING_READERS = EVERYONE - WARNING_READERS
PARTICIPANTS = {"coordinator", "member"}
ONE_ON_ONE_READERS = PARTICIPANTS | {"admin", "hr"}
NOT_ONE_ON_ONE = EVERYONE - ONE_ON_ONE_READERS
PRIVATE_PRAISE_READERS = MEMBER_READERS


def _feedback(kind, subject, author, visibility="private", **fields) -> Feedback:
    return Feedback.objects.create(
        kind=kind, subject=subject, author=author, visibility=visibility, body="Text", **fields
    )


def _build(world) -> dict:
    today = timezone.localdate()
    category = SkillCategory.objects.create(name_en="Marketing", name_vi="Marketing")
    skill = Skill.objects.create(category=category, name_en="SEO", name_vi="SEO")
    profile = RoleProfile.objects.create(name_en="Digital marketer", name_vi="Marketing số")
    RoleTarget.objects.create(role_profile=profile, skill=skill, level=4)
    level = FeedbackLevel.objects.create(name_en="Written", name_vi="Bằng văn bản", rank=2)
    plan = DevelopmentPlan.objects.create(
        person=world.member,
        period_start=today,
        period_end=today.replace(year=today.year + 1),
        goal="Grow in SEO",
    )
    meeting = OneOnOne.objects.create(
        coordinator=world.coordinator, member=world.member, scheduled_at=timezone.now()
    )
    return {
        "skill_category": category,
        "skill": skill,
        "role_profile": profile,
        "feedback_level": level,
        "person_profile_member": PersonProfile.objects.create(
            person=world.member, role_profile=profile
        ),
        "assessment_member": Assessment.objects.create(
            person=world.member,
            skill=skill,
            level=2,
            kind="coordinator",
            assessed_by=world.coordinator,
            day=today,
        ),
        "plan_member": plan,
        "action_member": DevelopmentAction.objects.create(
            plan=plan, kind="mentoring", title="Pair on audits", mentor=world.peer, due=today
        ),
        "praise_public": _feedback("praise", world.member, world.peer, "public"),
        "praise_private": _feedback("praise", world.member, world.peer),
        "advice_member": _feedback("advice", world.member, world.coordinator),
        "warning_member": _feedback(
            "warning", world.member, world.coordinator, level=level, reason="Late twice"
        ),
        "warning_peer": _feedback(
            "warning", world.peer, world.coordinator, level=level, reason="Late"
        ),
        "warning_team": _feedback(
            "warning", world.team_member, world.hr, level=level, reason="Late"
        ),
        "one_on_one": meeting,
        "talking_point": TalkingPoint.objects.create(
            one_on_one=meeting, author=world.member, text="Training budget"
        ),
        "one_on_one_action": OneOnOneActionItem.objects.create(
            one_on_one=meeting, owner=world.member, text="Draft a course list"
        ),
        "private_note": PrivateNote.objects.create(
            one_on_one=meeting, author=world.coordinator, body="Seems tired"
        ),
        "upload_skills": ImportUpload.objects.create(
            kind="people.skills",
            filename="skills.csv",
            content=f"email,SEO\n{world.member.email},3\n".encode(),
            uploaded_by_id=world.admin.pk,
        ),
    }


def records(world) -> dict:
    """The people records of this world, built once."""
    if not hasattr(world, "people_records"):
        world.people_records = _build(world)
    return world.people_records


UNSAVED = {
    "give_praise_peer": ("praise", "peer"),
    "give_advice_peer": ("advice", "peer"),
    "give_warning_peer": ("warning", "peer"),
    "give_warning_other": ("warning", "other_member"),
}


def target(world, role, name):
    """The record a people row is about (None for names that are not the people app's)."""
    if name in UNSAVED:
        kind, subject = UNSAVED[name]
        return Feedback(kind=kind, subject=world.person(subject))
    if name == "member":
        return world.member
    if name == "new_one_on_one_peer":
        return OneOnOne(coordinator=world.person(role), member=world.peer)
    return records(world).get(name)


POLICY = [
    *rows("skill", "skill", {"view": STAFF, "change": CATALOGUE_KEEPERS}),
    *rows("role_profile", "role_profile", {"view": STAFF, "change": CATALOGUE_KEEPERS}),
    *rows("feedback_level", "feedback_level", {"view": STAFF, "change": CATALOGUE_KEEPERS}),
    *rows(
        "person_profile",
        "person_profile_member",
        {"view": MEMBER_READERS, "change": PEOPLE_KEEPERS},
    ),
    *rows(
        "assessment",
        "assessment_member",
        {
            "view": MEMBER_READERS,
            "view_history": MEMBER_READERS - {"executive"},
            "assess": {"admin", "head", "coordinator", "member"},
        },
    ),
    *rows(
        "development_plan",
        "plan_member",
        {
            "view": MEMBER_READERS,
            "change": PEOPLE_KEEPERS,
            "check_in": PEOPLE_KEEPERS | {"member"},
        },
    ),
    *rows("development_action", "action_member", {"view": MEMBER_READERS}),
    *rows(
        "feedback",
        "praise_public",
        {"view": STAFF, "change": {"admin"}, "annotate": set(), "acknowledge": set()},
    ),
    *rows(
        "feedback",
        "praise_private",
        {"view": PRIVATE_PRAISE_READERS, "change": set(), "view_reads": set()},
    ),
    *rows(
        "feedback",
        "advice_member",
        {
            "view": WARNING_READERS,
            "annotate": WARNING_READERS,
            "change": {"coordinator"},
            "view_reads": {"member", "hr"},
            "acknowledge": set(),
        },
    ),
    *rows(
        "feedback",
        "warning_member",
        {
            "view": WARNING_READERS,
            "view_history": WARNING_READERS,
            "annotate": WARNING_READERS,
            "change": {"coordinator"},
            "acknowledge": {"member"},
            "view_reads": {"member", "hr"},
        },
    ),
    *rows("feedback", "warning_peer", {"view": {"hr", "head", "coordinator"}}),
    *rows("feedback", "warning_team", {"view": {"hr", "head"}, "annotate": {"hr", "head"}}),
    *rows(
        "feedback",
        "give_praise_peer",
        {"give_feedback": STAFF},
    ),
    *rows(
        "feedback", "give_advice_peer", {"give_feedback": {"admin", "hr", "head", "coordinator"}}
    ),
    *rows("feedback", "give_warning_peer", {"give_feedback": {"hr", "head", "coordinator"}}),
    *rows("feedback", "give_warning_other", {"give_feedback": {"hr", "other_coordinator"}}),
    *rows(
        "one_on_one",
        "one_on_one",
        {
            "view": ONE_ON_ONE_READERS,
            "annotate": PARTICIPANTS,
            "change": {"admin", "hr", "coordinator"},
        },
    ),
    *rows(
        "one_on_one",
        "new_one_on_one_peer",
        {"change": {"head", "coordinator"}},
    ),
    *rows("talking_point", "talking_point", {"view": ONE_ON_ONE_READERS, "change": PARTICIPANTS}),
    *rows("private_note", "private_note", {"view": {"coordinator"}, "change": {"coordinator"}}),
]


def _today():
    return timezone.localdate().isoformat()


PAGES = [
    page("people:home", ok=EVERYONE),
    page("people:person", "member", ok=MEMBER_READERS, hidden=NOT_MEMBER_READERS),
    page("people:person_skills", "member", ok=MEMBER_READERS, hidden=NOT_MEMBER_READERS),
    page(
        "people:assess",
        "member",
        method="POST",
        ok={"admin", "head", "coordinator", "member"},
        hidden=NOT_MEMBER_READERS,
    ),
    page(
        "people:role_assign",
        "member",
        method="POST",
        ok=PEOPLE_KEEPERS,
        hidden=NOT_MEMBER_READERS,
    ),
    page("people:plan_create", "member", ok=PEOPLE_KEEPERS, hidden=NOT_MEMBER_READERS),
    page("people:catalogue", ok=STAFF),
    page(
        "people:category_create",
        method="POST",
        ok=CATALOGUE_KEEPERS,
        data={"category-name_en": "Tech", "category-position": "2"},
    ),
    page("people:skill_create", ok=CATALOGUE_KEEPERS),
    page("people:skill_edit", "skill", ok=CATALOGUE_KEEPERS, hidden={"guest"}),
    page("people:role_profile_create", ok=CATALOGUE_KEEPERS),
    page("people:role_profile_detail", "role_profile", ok=STAFF, hidden={"guest"}),
    page("people:role_profile_edit", "role_profile", ok=CATALOGUE_KEEPERS, hidden={"guest"}),
    page("people:levels", ok=STAFF),
    page("people:level_edit", "feedback_level", ok=CATALOGUE_KEEPERS, hidden={"guest"}),
    page("people:matrix", ok=STAFF, hidden={"guest"}),
    page("people:matrix_export", ok=STAFF, hidden={"guest"}, file_format="csv"),
    page("people:matrix_import", ok=STAFF - {"hr"}),
    page(
        "people:matrix_import_confirm",
        "upload_skills",
        method="POST",
        ok={"admin"},
        hidden=EVERYONE - {"admin"},
    ),
    page("people:plans", ok=EVERYONE),
    page("people:plans_export", ok=EVERYONE, file_format="xlsx"),
    page("people:plan_detail", "plan_member", ok=MEMBER_READERS, hidden=NOT_MEMBER_READERS),
    page("people:plan_edit", "plan_member", ok=PEOPLE_KEEPERS, hidden=NOT_MEMBER_READERS),
    page(
        "people:action_add",
        "plan_member",
        method="POST",
        ok=PEOPLE_KEEPERS,
        hidden=NOT_MEMBER_READERS,
    ),
    page(
        "people:action_mark",
        "action_member",
        method="POST",
        ok=PEOPLE_KEEPERS | {"member"},
        hidden=NOT_MEMBER_READERS,
        data={"done": "1"},
    ),
    page("people:feedback", ok=EVERYONE),
    page("people:feedback_export", ok=EVERYONE, file_format="csv"),
    page("people:feedback_create", ok=STAFF),
    page("people:feedback_detail", "praise_public", ok=STAFF, hidden={"guest"}),
    page(
        "people:feedback_detail",
        "praise_private",
        ok=PRIVATE_PRAISE_READERS,
        hidden=EVERYONE - PRIVATE_PRAISE_READERS,
    ),
    page("people:feedback_detail", "advice_member", ok=WARNING_READERS, hidden=NOT_WARNING_READERS),
    page(
        "people:feedback_detail", "warning_member", ok=WARNING_READERS, hidden=NOT_WARNING_READERS
    ),
    page(
        "people:feedback_detail",
        "warning_peer",
        ok={"hr", "head", "coordinator"},
        hidden=EVERYONE - {"hr", "head", "coordinator"},
    ),
    page("people:feedback_edit", "warning_member", ok={"coordinator"}, hidden=NOT_WARNING_READERS),
    page(
        "people:feedback_acknowledge",
        "warning_member",
        method="POST",
        ok={"member"},
        hidden=NOT_WARNING_READERS,
    ),
    page(
        "people:warning_acknowledge_in_place",
        "warning_member",
        method="POST",
        ok={"member"},
        hidden=NOT_WARNING_READERS,
    ),
    page(
        "people:feedback_annotate",
        "warning_member",
        method="POST",
        ok=WARNING_READERS,
        hidden=NOT_WARNING_READERS,
        data={"body": "Discussed on Monday"},
    ),
    page("people:wall", ok=EVERYONE),
    page("people:wall_export", ok=EVERYONE, file_format="xlsx"),
    page("people:one_on_ones", ok=EVERYONE),
    page("people:one_on_ones_export", ok=EVERYONE, file_format="csv"),
    page(
        "people:one_on_one_create",
        ok={"head", "coordinator", "other_coordinator"},
    ),
    page("people:one_on_one_detail", "one_on_one", ok=ONE_ON_ONE_READERS, hidden=NOT_ONE_ON_ONE),
    page(
        "people:one_on_one_edit",
        "one_on_one",
        ok={"admin", "hr", "coordinator"},
        hidden=NOT_ONE_ON_ONE,
    ),
    page(
        "people:talking_point_add",
        "one_on_one",
        method="POST",
        ok=PARTICIPANTS,
        hidden=NOT_ONE_ON_ONE,
        data={"point-body": "Conference in March"},
    ),
    page(
        "people:talking_point_mark",
        "talking_point",
        method="POST",
        ok=PARTICIPANTS,
        hidden=NOT_ONE_ON_ONE,
        data={"covered": "1"},
    ),
    page(
        "people:private_note_add",
        "one_on_one",
        method="POST",
        ok=PARTICIPANTS,
        hidden=NOT_ONE_ON_ONE,
        data={"note-body": "Ask about the course"},
    ),
    page(
        "people:action_item_add",
        "one_on_one",
        method="POST",
        ok=PARTICIPANTS,
        hidden=NOT_ONE_ON_ONE,
    ),
    page(
        "people:action_item_mark",
        "one_on_one_action",
        method="POST",
        ok=PARTICIPANTS,
        hidden=NOT_ONE_ON_ONE,
        data={"done": "1"},
    ),
    page(
        "people:one_on_one_check_in",
        "one_on_one",
        method="POST",
        ok=PARTICIPANTS,
        hidden=NOT_ONE_ON_ONE,
    ),
]


def _records(name):
    return lambda world: records(world)[name]


def _assessment(world):
    return {"person_id": world.member.pk, "skill_id": records(world)["skill"].pk, "level": 3}


def _plan(world):
    today = timezone.localdate()
    return {
        "person_id": world.member.pk,
        "period_start": today.isoformat(),
        "period_end": today.replace(year=today.year + 1).isoformat(),
        "goal": "Lead a campaign",
    }


def _skill(world):
    return {"category_id": records(world)["skill_category"].pk, "name_en": "Copywriting"}


def _praise(world):
    return {
        "subject_id": world.peer.pk,
        "kind": "praise",
        "body": "Great launch",
        "visibility": "public",
    }


def _warning(world):
    return {
        "subject_id": world.peer.pk,
        "kind": "warning",
        "body": "Late again",
        "reason": "Missed the deadline",
        "level_id": records(world)["feedback_level"].pk,
    }


def _one_on_one(world):
    return {"member_id": world.peer.pk, "scheduled_at": timezone.now().isoformat()}


def _targets(world):
    return {"targets": [{"skill_id": records(world)["skill"].pk, "level": 3}]}


def _action(world):
    return {"kind": "training", "title": "SEO course", "due": _today()}


def _action_item(world):
    return {"text": "Book the course", "owner_id": world.member.pk}


API = [
    ("GET", "/api/v1/skill-categories", "", EVERYONE, (), None),
    ("POST", "/api/v1/skill-categories", "", CATALOGUE_KEEPERS, (), {"name_en": "Tech"}),
    ("GET", "/api/v1/skills", "", EVERYONE, (), None),
    ("POST", "/api/v1/skills", "", CATALOGUE_KEEPERS, (), _skill),
    ("PATCH", "/api/v1/skills/{id}", "skill", CATALOGUE_KEEPERS, {"guest"}, {"description": "x"}),
    ("GET", "/api/v1/role-profiles", "", EVERYONE, (), None),
    ("POST", "/api/v1/role-profiles", "", CATALOGUE_KEEPERS, (), {"name_en": "Analyst"}),
    ("GET", "/api/v1/role-profiles/{id}", "role_profile", STAFF, {"guest"}, None),
    (
        "PUT",
        "/api/v1/role-profiles/{id}/targets",
        "role_profile",
        CATALOGUE_KEEPERS,
        {"guest"},
        _targets,
    ),
    ("GET", "/api/v1/assessments", "", EVERYONE, (), None),
    (
        "POST",
        "/api/v1/assessments",
        "",
        {"admin", "head", "coordinator", "member"},
        NOT_MEMBER_READERS,
        _assessment,
    ),
    ("GET", "/api/v1/people/{id}/skills", "member", MEMBER_READERS, NOT_MEMBER_READERS, None),
    (
        "PUT",
        "/api/v1/people/{id}/role-profile",
        "member",
        PEOPLE_KEEPERS,
        NOT_MEMBER_READERS,
        {"role_profile_id": None},
    ),
    ("GET", "/api/v1/development-plans", "", EVERYONE, (), None),
    ("POST", "/api/v1/development-plans", "", PEOPLE_KEEPERS, NOT_MEMBER_READERS, _plan),
    (
        "GET",
        "/api/v1/development-plans/{id}",
        "plan_member",
        MEMBER_READERS,
        NOT_MEMBER_READERS,
        None,
    ),
    (
        "PATCH",
        "/api/v1/development-plans/{id}",
        "plan_member",
        PEOPLE_KEEPERS,
        NOT_MEMBER_READERS,
        {"goal": "Lead the SEO audit"},
    ),
    (
        "POST",
        "/api/v1/development-plans/{id}/actions",
        "plan_member",
        PEOPLE_KEEPERS,
        NOT_MEMBER_READERS,
        _action,
    ),
    (
        "PATCH",
        "/api/v1/development-actions/{id}",
        "action_member",
        PEOPLE_KEEPERS | {"member"},
        NOT_MEMBER_READERS,
        {"done": True},
    ),
    ("GET", "/api/v1/feedback-levels", "", EVERYONE, (), None),
    ("POST", "/api/v1/feedback-levels", "", CATALOGUE_KEEPERS, (), {"name_en": "Final", "rank": 3}),
    (
        "PATCH",
        "/api/v1/feedback-levels/{id}",
        "feedback_level",
        CATALOGUE_KEEPERS,
        {"guest"},
        {"description": "In writing, signed"},
    ),
    ("GET", "/api/v1/feedback", "", EVERYONE, (), None),
    ("POST", "/api/v1/feedback", "", STAFF - {"member"} | {"member"}, {"guest"}, _praise),
    ("POST", "/api/v1/feedback", "warning", {"hr", "head", "coordinator"}, {"guest"}, _warning),
    ("GET", "/api/v1/feedback/{id}", "praise_public", STAFF, {"guest"}, None),
    (
        "GET",
        "/api/v1/feedback/{id}",
        "praise_private",
        PRIVATE_PRAISE_READERS,
        EVERYONE - PRIVATE_PRAISE_READERS,
        None,
    ),
    ("GET", "/api/v1/feedback/{id}", "advice_member", WARNING_READERS, NOT_WARNING_READERS, None),
    ("GET", "/api/v1/feedback/{id}", "warning_member", WARNING_READERS, NOT_WARNING_READERS, None),
    (
        "GET",
        "/api/v1/feedback/{id}",
        "warning_peer",
        {"hr", "head", "coordinator"},
        EVERYONE - {"hr", "head", "coordinator"},
        None,
    ),
    (
        "PATCH",
        "/api/v1/feedback/{id}",
        "warning_member",
        {"coordinator"},
        NOT_WARNING_READERS,
        {"reason": "Late three times"},
    ),
    (
        "POST",
        "/api/v1/feedback/{id}/acknowledge",
        "warning_member",
        {"member"},
        NOT_WARNING_READERS,
        None,
    ),
    (
        "POST",
        "/api/v1/feedback/{id}/annotations",
        "warning_member",
        WARNING_READERS,
        NOT_WARNING_READERS,
        {"body": "Discussed"},
    ),
    (
        "GET",
        "/api/v1/feedback/{id}/reads",
        "warning_member",
        {"member", "hr"},
        NOT_WARNING_READERS,
        None,
    ),
    ("GET", "/api/v1/one-on-ones", "", EVERYONE, (), None),
    (
        "POST",
        "/api/v1/one-on-ones",
        "",
        {"head", "coordinator"},
        {"guest"},
        _one_on_one,
    ),
    ("GET", "/api/v1/one-on-ones/{id}", "one_on_one", ONE_ON_ONE_READERS, NOT_ONE_ON_ONE, None),
    (
        "PATCH",
        "/api/v1/one-on-ones/{id}",
        "one_on_one",
        {"admin", "hr", "coordinator"},
        NOT_ONE_ON_ONE,
        {"status": "held"},
    ),
    (
        "POST",
        "/api/v1/one-on-ones/{id}/talking-points",
        "one_on_one",
        PARTICIPANTS,
        NOT_ONE_ON_ONE,
        {"body": "Conference"},
    ),
    (
        "GET",
        "/api/v1/one-on-ones/{id}/private-notes",
        "one_on_one",
        ONE_ON_ONE_READERS,
        NOT_ONE_ON_ONE,
        None,
    ),
    (
        "POST",
        "/api/v1/one-on-ones/{id}/private-notes",
        "one_on_one",
        PARTICIPANTS,
        NOT_ONE_ON_ONE,
        {"body": "Ask about the course"},
    ),
    (
        "POST",
        "/api/v1/one-on-ones/{id}/action-items",
        "one_on_one",
        PARTICIPANTS,
        NOT_ONE_ON_ONE,
        _action_item,
    ),
]
