"""Who may see and do what with skills, development plans, feedback and 1:1s (registered with
the policy). This is the most sensitive data in the product.

- The catalogue (skills, categories, role profiles, escalation levels) is read by everyone in
  the company and kept by admins and HR.
- A person's skills, role profile and development plans: the person, those who run their
  department, HR and admins; executives read them (aggregates); a mentor reads the plan.
- Public praise is read by everyone in the company; private praise by its subject, its author,
  those who run the subject's department, executives, HR and admins.
- Advice and warnings are confidential: the subject, the author, the head of the subject's
  current department and HR only (not executives, not admins, not coordinators who did not
  write them). The head is derived from the subject's department at the time of reading, so
  warnings follow a person who moves to a new head.
- A 1:1 is held by a head or coordinator of the member's department; it is read by its two
  people, HR and admins; a private note only by its author.
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, decide, register
from deptcoord.org.access import company_wide, department_standings
from deptcoord.people.models import (
    Assessment,
    ConfidentialRead,
    DevelopmentAction,
    DevelopmentPlan,
    Feedback,
    FeedbackAnnotation,
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

A = Action
RUNNERS = (Role.HEAD, Role.COORDINATOR)
READ = frozenset({A.VIEW, A.VIEW_HISTORY})
NOTHING = Q(pk__in=[])


def _staff(facts: RoleFacts) -> bool:
    return facts.is_authenticated and not facts.is_guest()


def may_give_feedback(facts: RoleFacts) -> bool:
    """Whether the person may give feedback at all (praise is open to everyone in the company)."""
    return _staff(facts)


def heads_of(facts: RoleFacts) -> list[int]:
    """The departments the person heads (a head's role reaches the sub-departments)."""
    return sorted(pk for pk, role in facts.department_roles.items() if role == Role.HEAD)


# The catalogue -------------------------------------------------------------------------------

CATALOGUE_TABLE: dict = {}
company_wide(CATALOGUE_TABLE, Role.ADMIN, READ | {A.CHANGE, A.DELETE})
company_wide(CATALOGUE_TABLE, Role.HR, READ | {A.CHANGE, A.DELETE})
company_wide(CATALOGUE_TABLE, Role.EXECUTIVE, {A.VIEW})
for _role in (*RUNNERS, Role.MEMBER):
    CATALOGUE_TABLE[(_role, Relation.OTHER_DEPARTMENT)] = frozenset({A.VIEW})


class CatalogueRule(Rule):
    """The company's skills catalogue: read by its people, kept by admins and HR."""

    table = CATALOGUE_TABLE

    def __init__(self, model):
        self.model = model

    def standings(self, facts, obj):
        return department_standings(facts, []) if _staff(facts) else set()

    def visible_filter(self, facts):
        return Q() if _staff(facts) else NOTHING


# A person's skills, profile and development -----------------------------------------------------

PERSON_RECORD_TABLE: dict = {}
company_wide(PERSON_RECORD_TABLE, Role.ADMIN, READ | {A.CHANGE, A.ASSESS, A.CHECK_IN, A.DELETE})
company_wide(PERSON_RECORD_TABLE, Role.HR, READ | {A.CHANGE, A.CHECK_IN, A.DELETE})
company_wide(PERSON_RECORD_TABLE, Role.EXECUTIVE, {A.VIEW})
for _role in RUNNERS:
    PERSON_RECORD_TABLE[(_role, Relation.OWN_DEPARTMENT)] = READ | {
        A.CHANGE,
        A.ASSESS,
        A.CHECK_IN,
        A.DELETE,
    }
for _role in (*RUNNERS, Role.MEMBER):
    PERSON_RECORD_TABLE[(_role, Relation.OWN)] = READ | {A.ASSESS, A.CHECK_IN}
    PERSON_RECORD_TABLE[(_role, Relation.INVITED)] = frozenset({A.VIEW})


# A skills matrix import assesses many people at once: open to those who may assess someone
# (admins; heads and coordinators their department; everyone in a department themselves).
# Each row is still checked on its person. HR and executives do not assess.
IMPORTERS: dict = {}
company_wide(IMPORTERS, Role.ADMIN, {A.IMPORT})
for _role in (*RUNNERS, Role.MEMBER):
    IMPORTERS[(_role, Relation.OTHER_DEPARTMENT)] = frozenset({A.IMPORT})


def person_standings(facts: RoleFacts, person) -> set[tuple[Role, Relation]]:
    """The viewer's standings toward a person's own records (via their current department)."""
    if not _staff(facts) and person.pk != facts.person_id:
        return set()
    standings = department_standings(facts, [person.primary_department_id])
    if person.pk == facts.person_id:
        standings.add((facts.best_department_role() or Role.MEMBER, Relation.OWN))
    return standings


def person_record_filter(facts: RoleFacts, prefix: str = "person__") -> Q:
    """Records about people the viewer may see: their own, their department's if they run it,
    everyone's for admins, executives and HR."""
    if not facts.is_authenticated:
        return NOTHING
    if facts.is_admin or facts.is_hr or facts.is_executive:
        return Q()
    own = Q(**{prefix.removesuffix("__") + "_id" if prefix else "pk": facts.person_id})
    runs = sorted(facts.departments_run())
    if runs:
        own |= Q(**{f"{prefix}primary_department__in": runs})
    return own


class PersonRecordRule(Rule):
    """Records about one person (their ``person`` field)."""

    table = PERSON_RECORD_TABLE

    def __init__(self, model, path: str = "person"):
        self.model = model
        self.path = path

    def _person(self, obj):
        target = obj
        for name in self.path.split("__"):
            target = getattr(target, name)
        return target

    def standings(self, facts, obj):
        return person_standings(facts, self._person(obj))

    def visible_filter(self, facts):
        return person_record_filter(facts, f"{self.path}__")


class DevelopmentPlanRule(PersonRecordRule):
    """A development plan; a mentor named in one of its actions reads it too."""

    def standings(self, facts, obj):
        standings = super().standings(facts, obj)
        if obj.pk and facts.person_id and _staff(facts):
            mentors = DevelopmentAction.objects.filter(plan_id=obj.pk, mentor_id=facts.person_id)
            if mentors.exists():
                standings.add((facts.best_department_role() or Role.MEMBER, Relation.INVITED))
        return standings

    def visible_filter(self, facts):
        found = super().visible_filter(facts)
        if facts.is_admin or facts.is_hr or facts.is_executive:
            return found  # everything already (an empty Q would swallow the mentor clause)
        if _staff(facts):
            mentored = DevelopmentAction.objects.filter(mentor_id=facts.person_id)
            found |= Q(pk__in=mentored.values("plan_id"))
        return found


class DevelopmentActionRule(PersonRecordRule):
    """A development action is seen and changed with its plan."""

    def actions(self, facts, obj):
        return PLAN_RULE.actions(facts, obj.plan)

    def visible_filter(self, facts):
        plans = DevelopmentPlan.objects.filter(PLAN_RULE.visible_filter(facts)).values("pk")
        return Q(plan__in=plans)


PLAN_RULE = DevelopmentPlanRule(DevelopmentPlan)


# Feedback ------------------------------------------------------------------------------------

CONFIDENTIAL = (Feedback.Kind.ADVICE, Feedback.Kind.WARNING)


def feedback_actions(facts: RoleFacts, feedback: Feedback) -> frozenset[Action]:
    """What the person may do with one piece of feedback (see the module's docstring)."""
    if not facts.is_authenticated:
        return frozenset()
    if feedback.pk is None:
        return _giving(facts, feedback)
    department = feedback.subject.primary_department_id
    role = facts.role_in(department)
    is_subject = feedback.subject_id == facts.person_id
    is_author = feedback.author_id is not None and feedback.author_id == facts.person_id
    granted: set[Action] = set()
    if feedback.kind in CONFIDENTIAL:
        if is_subject or is_author or role == Role.HEAD or facts.is_hr:
            granted |= READ | {A.ANNOTATE}
        if is_subject or facts.is_hr:
            granted.add(A.VIEW_READS)
        if is_subject and feedback.kind == Feedback.Kind.WARNING:
            granted.add(A.ACKNOWLEDGE)
    else:
        seen = is_subject or is_author or role in RUNNERS or facts.company_roles()
        if seen or (feedback.visibility == Feedback.Visibility.PUBLIC and _staff(facts)):
            granted.add(A.VIEW)
        if seen:
            granted.add(A.VIEW_HISTORY)
        if facts.is_admin and feedback.visibility == Feedback.Visibility.PUBLIC:
            granted.add(A.CHANGE)
    if is_author:
        granted.add(A.CHANGE)
    return frozenset(granted)


def _giving(facts: RoleFacts, feedback: Feedback) -> frozenset[Action]:
    """Who may give feedback of a kind to a subject: praise anyone in the company; advice and
    warnings those who run the subject's department and HR (advice also admins)."""
    subject = feedback.subject
    if not _staff(facts) or subject is None:
        return frozenset()
    runs = facts.role_in(subject.primary_department_id) in RUNNERS
    allowed = {
        Feedback.Kind.PRAISE: True,
        Feedback.Kind.ADVICE: runs or facts.is_hr or facts.is_admin,
        Feedback.Kind.WARNING: runs or facts.is_hr,
    }.get(feedback.kind, False)
    return frozenset({A.GIVE_FEEDBACK}) if allowed else frozenset()


def feedback_kinds_given(facts: RoleFacts) -> list[str]:
    """The kinds of feedback the person may give to someone (the feedback form offers only
    these; who may receive each is still decided per subject by ``_giving``)."""
    if not _staff(facts):
        return []
    runs = bool(facts.departments_run())
    allowed = {
        Feedback.Kind.PRAISE: True,
        Feedback.Kind.ADVICE: runs or facts.is_hr or facts.is_admin,
        Feedback.Kind.WARNING: runs or facts.is_hr,
    }
    return [kind for kind in Feedback.Kind.values if allowed[kind]]


def feedback_filter(facts: RoleFacts, prefix: str = "") -> Q:
    """The feedback the person may see, as a filter."""

    def where(**lookups) -> Q:
        return Q(**{prefix + name: value for name, value in lookups.items()})

    if not _staff(facts):
        if facts.is_authenticated:
            return where(subject_id=facts.person_id) | where(author_id=facts.person_id)
        return NOTHING
    if facts.is_hr:
        return Q()
    found = where(subject_id=facts.person_id) | where(author_id=facts.person_id)
    found |= where(kind=Feedback.Kind.PRAISE, visibility=Feedback.Visibility.PUBLIC)
    if facts.is_admin or facts.is_executive:
        found |= where(kind=Feedback.Kind.PRAISE)
    runs = sorted(facts.departments_run())
    if runs:
        found |= where(kind=Feedback.Kind.PRAISE, subject__primary_department__in=runs)
    heads = heads_of(facts)
    if heads:
        found |= where(kind__in=CONFIDENTIAL, subject__primary_department__in=heads)
    return found


class FeedbackRule(Rule):
    """Praise, advice and warnings (see the module's docstring)."""

    model = Feedback

    def actions(self, facts, obj):
        return feedback_actions(facts, obj)

    def visible_filter(self, facts):
        return feedback_filter(facts)


class FeedbackAnnotationRule(Rule):
    """Annotations are read with their feedback."""

    model = FeedbackAnnotation

    def actions(self, facts, obj):
        return frozenset({A.VIEW}) & feedback_actions(facts, obj.feedback)

    def visible_filter(self, facts):
        return feedback_filter(facts, "feedback__")


class ConfidentialReadRule(Rule):
    """Who read a warning: its subject and HR see it; a note's reads only its author."""

    model = ConfidentialRead

    def actions(self, facts, obj):
        if obj.feedback_id:
            allowed = A.VIEW_READS in feedback_actions(facts, obj.feedback)
        else:
            allowed = obj.private_note.author_id == facts.person_id
        return frozenset({A.VIEW}) if allowed and facts.is_authenticated else frozenset()

    def visible_filter(self, facts):
        if not facts.is_authenticated:
            return NOTHING
        found = Q(feedback__subject_id=facts.person_id) | Q(private_note__author_id=facts.person_id)
        if facts.is_hr:
            found |= Q(feedback__isnull=False)
        return found


# 1:1s ----------------------------------------------------------------------------------------


def holds_one_on_ones_with(facts: RoleFacts, member) -> bool:
    """Whether the person may hold 1:1s with the member: they run the member's department (and
    are not the member)."""
    if not facts.is_authenticated or member.pk == facts.person_id:
        return False
    return facts.role_in(member.primary_department_id) in RUNNERS


def one_on_one_member_filter(facts: RoleFacts) -> Q:
    """The people the person may hold 1:1s with, as a filter on people."""
    if not facts.is_authenticated:
        return NOTHING
    runs = sorted(pk for pk, role in facts.department_roles.items() if role in RUNNERS)
    return Q(primary_department__in=runs) & ~Q(pk=facts.person_id)


def one_on_one_actions(facts: RoleFacts, meeting: OneOnOne) -> frozenset[Action]:
    """The two people read it and add to it; the coordinator side (or HR, admins) reschedules."""
    if not facts.is_authenticated:
        return frozenset()
    if meeting.pk is None:
        # A 1:1 is held by someone who runs the member's department, for themselves.
        creates = meeting.coordinator_id == facts.person_id
        if creates and holds_one_on_ones_with(facts, meeting.member):
            return frozenset({A.CHANGE})
        return frozenset()
    granted: set[Action] = set()
    participant = facts.person_id in (meeting.coordinator_id, meeting.member_id)
    if participant:
        granted |= READ | {A.ANNOTATE}
    if facts.is_hr or facts.is_admin:
        granted |= READ
    if meeting.coordinator_id == facts.person_id or facts.is_hr or facts.is_admin:
        granted.add(A.CHANGE)
    return frozenset(granted)


def one_on_one_filter(facts: RoleFacts, prefix: str = "") -> Q:
    """1:1s the person may see."""
    if not facts.is_authenticated:
        return NOTHING
    if facts.is_hr or facts.is_admin:
        return Q()
    return Q(**{f"{prefix}coordinator_id": facts.person_id}) | Q(
        **{f"{prefix}member_id": facts.person_id}
    )


class OneOnOneRule(Rule):
    """A 1:1 between a coordinator and a member."""

    model = OneOnOne

    def actions(self, facts, obj):
        return one_on_one_actions(facts, obj)

    def visible_filter(self, facts):
        return one_on_one_filter(facts)


class OneOnOnePartRule(Rule):
    """Talking points and action items: read with their 1:1, changed by its two people."""

    def __init__(self, model):
        self.model = model

    def actions(self, facts, obj):
        allowed = one_on_one_actions(facts, obj.one_on_one)
        granted = allowed & READ
        if A.ANNOTATE in allowed:
            granted |= {A.CHANGE}
        return frozenset(granted)

    def visible_filter(self, facts):
        return one_on_one_filter(facts, "one_on_one__")


class PrivateNoteRule(Rule):
    """A private note: its author only, whoever else reads the 1:1."""

    model = PrivateNote

    def actions(self, facts, obj):
        if facts.is_authenticated and obj.author_id == facts.person_id:
            return frozenset({A.VIEW, A.CHANGE, A.DELETE})
        return frozenset()

    def visible_filter(self, facts):
        return Q(author_id=facts.person_id) if facts.is_authenticated else NOTHING


def table_actions(facts: RoleFacts, standings) -> frozenset[Action]:
    """The person-record table's answer for standings (for pages that reason about a person)."""
    return decide(PERSON_RECORD_TABLE, standings)


for _rule in (
    CatalogueRule(SkillCategory),
    CatalogueRule(Skill),
    CatalogueRule(RoleProfile),
    CatalogueRule(RoleTarget),
    CatalogueRule(FeedbackLevel),
    PersonRecordRule(PersonProfile),
    PersonRecordRule(Assessment),
    PLAN_RULE,
    DevelopmentActionRule(DevelopmentAction, "plan__person"),
    FeedbackRule(),
    FeedbackAnnotationRule(),
    ConfidentialReadRule(),
    OneOnOneRule(),
    OneOnOnePartRule(TalkingPoint),
    OneOnOnePartRule(OneOnOneActionItem),
    PrivateNoteRule(),
):
    register(_rule)
