"""Who may see and do what with projects, steps and everything on them (registered with the
policy).

A project is run by those who run its lead department and by its coordinator; the people of
its lead and participating departments read it (relation OWN_DEPARTMENT for the lead,
INVITED for a participating department), executives and admins read it, and guests invited to
it see it. A step is changed by those who run its department and by those who run its project;
its assignee moves it along (status, progress), comments and logs time; whoever created it (a
meeting's action item handed to another department) reads it. Requests are seen by both
departments: the sender's runners withdraw, the receiver's answer.
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, decide, register
from deptcoord.org.access import company_wide, department_standings
from deptcoord.work.models import (
    Dependency,
    Expense,
    Project,
    RecurringActivity,
    Request,
    Step,
    StepComment,
    TimeEntry,
)

A = Action
RUNNERS = (Role.HEAD, Role.COORDINATOR)
DEPARTMENT_ROLES = (*RUNNERS, Role.MEMBER)
READ = frozenset({A.VIEW, A.VIEW_HISTORY, A.EXPORT})
NOTHING = Q(pk__in=[])

PROJECT_RUN = READ | {A.CHANGE, A.DELETE, A.ADD_STEP, A.SPEND, A.IMPORT, A.VIEW_BUDGET}
PROJECT_TABLE: dict = {}
company_wide(PROJECT_TABLE, Role.ADMIN, PROJECT_RUN)
company_wide(PROJECT_TABLE, Role.EXECUTIVE, READ | {A.VIEW_BUDGET})  # spend, not spending
for _role in RUNNERS:
    PROJECT_TABLE[(_role, Relation.OWN_DEPARTMENT)] = PROJECT_RUN
    PROJECT_TABLE[(_role, Relation.INVITED)] = READ | {A.ADD_STEP}
PROJECT_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = READ
PROJECT_TABLE[(Role.MEMBER, Relation.INVITED)] = READ
PROJECT_TABLE[(Role.COORDINATOR, Relation.OWN)] = PROJECT_RUN
PROJECT_TABLE[(Role.GUEST, Relation.INVITED)] = frozenset({A.VIEW})

STEP_RUN = READ | {A.CHANGE, A.DELETE, A.UPDATE_PROGRESS, A.COMMENT, A.LOG_TIME}
STEP_TABLE: dict = {}
company_wide(STEP_TABLE, Role.ADMIN, STEP_RUN)
company_wide(STEP_TABLE, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    STEP_TABLE[(_role, Relation.OWN_DEPARTMENT)] = STEP_RUN
STEP_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = READ | {A.COMMENT}
for _role in (*DEPARTMENT_ROLES, Role.GUEST):
    STEP_TABLE[(_role, Relation.OWN)] = READ | {A.UPDATE_PROGRESS, A.COMMENT, A.LOG_TIME}
for _role in DEPARTMENT_ROLES:
    STEP_TABLE[(_role, Relation.INVITED)] = READ | {A.COMMENT}
STEP_TABLE[(Role.GUEST, Relation.INVITED)] = frozenset({A.VIEW})
for _role in (*DEPARTMENT_ROLES, Role.GUEST):
    STEP_TABLE[(_role, Relation.CREATOR)] = frozenset({A.VIEW})

REQUEST_TABLE: dict = {}
company_wide(REQUEST_TABLE, Role.ADMIN, READ | {A.CHANGE, A.ANSWER})
company_wide(REQUEST_TABLE, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    REQUEST_TABLE[(_role, Relation.OWN_DEPARTMENT)] = READ | {A.CHANGE}
    REQUEST_TABLE[(_role, Relation.INVITED)] = READ | {A.ANSWER}
REQUEST_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = frozenset({A.VIEW})
REQUEST_TABLE[(Role.MEMBER, Relation.INVITED)] = frozenset({A.VIEW})
for _role in DEPARTMENT_ROLES:
    REQUEST_TABLE[(_role, Relation.OWN)] = frozenset({A.VIEW, A.VIEW_HISTORY, A.CHANGE})

RECURRING_TABLE: dict = {}
company_wide(RECURRING_TABLE, Role.ADMIN, READ | {A.CHANGE, A.DELETE})
company_wide(RECURRING_TABLE, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    RECURRING_TABLE[(_role, Relation.OWN_DEPARTMENT)] = READ | {A.CHANGE, A.DELETE}
RECURRING_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = frozenset({A.VIEW})


def _sees_all(facts: RoleFacts) -> bool:
    return facts.is_admin or facts.is_executive


def project_filter(facts: RoleFacts, prefix: str = "") -> Q:
    """The projects the person may see, as a filter (``prefix`` reaches them from elsewhere)."""
    if not facts.is_authenticated:
        return NOTHING
    if _sees_all(facts):
        return Q()
    mine = sorted(facts.departments_in())
    taking_part = Project.departments.through.objects.filter(department_id__in=mine)
    invited = Project.invited.through.objects.filter(person_id=facts.person_id)
    where = (
        Q(lead_department__in=mine)
        | Q(coordinator_id=facts.person_id)
        | Q(pk__in=taking_part.values("project_id"))
        | Q(pk__in=invited.values("project_id"))
    )
    if not prefix:
        return where
    return Q(**{f"{prefix}in": Project.objects.filter(where).values("pk")})


def step_filter(facts: RoleFacts, prefix: str = "") -> Q:
    """The steps the person may see, as a filter."""
    if not facts.is_authenticated:
        return NOTHING
    if _sees_all(facts):
        return Q()
    where = (
        Q(department__in=sorted(facts.departments_in()))
        | Q(assignee_id=facts.person_id)
        | Q(created_by_id=facts.person_id)
        | project_filter(facts, "project__")
    )
    if not prefix:
        return where
    return Q(**{f"{prefix}in": Step.objects.filter(where).values("pk")})


def project_standings(
    facts: RoleFacts, project: Project, departments=None, is_invited=None
) -> set[tuple[Role, Relation]]:
    """The person's standings toward a project (see the module's docstring); its departments'
    ids and whether the person is invited to it may be given when they were read already."""
    standings = department_standings(facts, [project.lead_department_id])
    if project.pk is not None:
        if departments is None:
            departments = project.departments.values_list("pk", flat=True)
        taking_part = [
            pk for pk in departments if pk != project.lead_department_id and facts.role_in(pk)
        ]
        standings |= {(facts.role_in(pk), Relation.INVITED) for pk in taking_part}
        if is_invited is None:
            is_invited = project.invited.filter(pk=facts.person_id).exists()
        if is_invited:
            standings.add((Role.GUEST, Relation.INVITED))
    if project.coordinator_id is not None and project.coordinator_id == facts.person_id:
        standings.add((Role.COORDINATOR, Relation.OWN))
    return standings


class ProjectRule(Rule):
    """Projects: run by the lead department's runners and the coordinator; read by the
    people of the departments taking part; seen by invited guests."""

    model = Project
    table = PROJECT_TABLE

    def standings(self, facts, obj):
        return project_standings(facts, obj)

    def visible_filter(self, facts):
        return project_filter(facts)


PROJECT_RULE = register(ProjectRule())


class StepRule(Rule):
    """Steps: run by their department's runners and their project's runners; moved along by
    their assignee; read with their project."""

    model = Step
    table = STEP_TABLE

    def standings(self, facts, obj):
        return step_standings(facts, obj)

    def visible_filter(self, facts):
        return step_filter(facts)


STEP_RULE = register(StepRule())


def step_standings(facts: RoleFacts, step: Step, on_project=None) -> set[tuple[Role, Relation]]:
    """The person's standings toward a step; ``on_project`` (their standings toward its
    project) may be given when many steps of one project are judged."""
    standings = department_standings(facts, [step.department_id])
    if step.assignee_id is not None and step.assignee_id == facts.person_id:
        standings.add((facts.best_department_role() or Role.GUEST, Relation.OWN))
    if step.created_by_id is not None and step.created_by_id == facts.person_id:
        standings.add((facts.best_department_role() or Role.GUEST, Relation.CREATOR))
    if step.project_id is not None:
        if on_project is None:
            on_project = project_standings(facts, step.project)
        if A.CHANGE in decide(PROJECT_TABLE, on_project):
            standings.add((Role.COORDINATOR, Relation.OWN_DEPARTMENT))
        standings |= {
            (role, Relation.INVITED)
            for role, relation in on_project
            if relation in (Relation.OWN_DEPARTMENT, Relation.INVITED)
            and role in (*DEPARTMENT_ROLES, Role.GUEST)
        }
    return standings


def steps_allowing(facts: RoleFacts, action: Action, project: Project, steps) -> set[int]:
    """The ids of the project's steps on which the person may take the action, judged with one
    reading of their standing on the project (``can`` per step would read it per step)."""
    if not facts.is_authenticated:
        return set()
    on_project = project_standings(facts, project)
    return {
        step.pk
        for step in steps
        if action in decide(STEP_TABLE, step_standings(facts, step, on_project))
    }


def step_rights(facts: RoleFacts, steps) -> dict[int, frozenset]:
    """What the person may do with each of these steps (of any projects), judged with two
    queries whatever their number: the projects' departments and the person's invitations."""
    steps = list(steps)
    if not facts.is_authenticated or not steps:
        return {}
    project_ids = {step.project_id for step in steps if step.project_id is not None}
    departments: dict[int, set[int]] = {pk: set() for pk in project_ids}
    invited: set[int] = set()
    if project_ids:
        taking = Project.departments.through.objects.filter(project_id__in=project_ids)
        for project_id, department_id in taking.values_list("project_id", "department_id"):
            departments[project_id].add(department_id)
        invited = set(
            Project.invited.through.objects.filter(
                project_id__in=project_ids, person_id=facts.person_id
            ).values_list("project_id", flat=True)
        )
    on_project = {}
    rights = {}
    for step in steps:
        standing = None
        if step.project_id is not None:
            if step.project_id not in on_project:
                on_project[step.project_id] = project_standings(
                    facts,
                    step.project,
                    departments=departments[step.project_id],
                    is_invited=step.project_id in invited,
                )
            standing = on_project[step.project_id]
        rights[step.pk] = decide(STEP_TABLE, step_standings(facts, step, standing))
    return rights


class DependencyRule(Rule):
    """A link between two steps is seen with either step and changed by whoever may change
    either of them."""

    model = Dependency

    def actions(self, facts, obj):
        granted = set()
        for step in (obj.predecessor, obj.successor):
            allowed = STEP_RULE.actions(facts, step)
            if A.VIEW in allowed:
                granted.add(A.VIEW)
            if A.CHANGE in allowed:
                granted |= {A.CHANGE, A.DELETE}
        return frozenset(granted)

    def visible_filter(self, facts):
        return step_filter(facts, "successor__") | step_filter(facts, "predecessor__")


class RequestRule(Rule):
    """Requests: seen by both departments; withdrawn by the sender, answered by the receiver."""

    model = Request
    table = REQUEST_TABLE

    def standings(self, facts, obj):
        standings = department_standings(facts, [obj.from_department_id])
        role = facts.role_in(obj.to_department_id)
        if role:
            standings.add((role, Relation.INVITED))
        if obj.requested_by_id is not None and obj.requested_by_id == facts.person_id:
            standings.add((facts.best_department_role() or Role.MEMBER, Relation.OWN))
        return standings

    def visible_filter(self, facts):
        if not facts.is_authenticated:
            return NOTHING
        if _sees_all(facts):
            return Q()
        mine = sorted(facts.departments_in())
        return (
            Q(from_department__in=mine)
            | Q(to_department__in=mine)
            | Q(requested_by_id=facts.person_id)
        )


class TimeEntryRule(Rule):
    """Time is seen with its step; changed by the person who logged it or the step's runners."""

    model = TimeEntry

    def actions(self, facts, obj):
        allowed = STEP_RULE.actions(facts, obj.step)
        if A.VIEW not in allowed:
            return frozenset()
        granted = {A.VIEW}
        if A.CHANGE in allowed or (obj.person_id == facts.person_id and A.LOG_TIME in allowed):
            granted |= {A.CHANGE, A.DELETE}
        return frozenset(granted)

    def visible_filter(self, facts):
        return step_filter(facts, "step__")


class ExpenseRule(Rule):
    """Expenses are seen with their project and kept by those who may spend on it."""

    model = Expense

    def actions(self, facts, obj):
        allowed = PROJECT_RULE.actions(facts, obj.project)
        if A.VIEW not in allowed:
            return frozenset()
        granted = {A.VIEW}
        if A.SPEND in allowed:
            granted |= {A.CHANGE, A.DELETE, A.VIEW_HISTORY}
        return frozenset(granted)

    def visible_filter(self, facts):
        return project_filter(facts, "project__")


class StepCommentRule(Rule):
    """Comments are read with their step; their author may remove them."""

    model = StepComment

    def actions(self, facts, obj):
        allowed = STEP_RULE.actions(facts, obj.step)
        if A.VIEW not in allowed:
            return frozenset()
        granted = {A.VIEW}
        if obj.author_id == facts.person_id or facts.is_admin:
            granted.add(A.DELETE)
        return frozenset(granted)

    def visible_filter(self, facts):
        return step_filter(facts, "step__")


class RecurringActivityRule(Rule):
    """A department's recurring activities: kept by those who run it, read by its members."""

    model = RecurringActivity
    table = RECURRING_TABLE

    def standings(self, facts, obj):
        return department_standings(facts, [obj.department_id])

    def visible_filter(self, facts):
        if not facts.is_authenticated:
            return NOTHING
        if _sees_all(facts):
            return Q()
        return Q(department__in=sorted(facts.departments_in()))


for _rule in (
    DependencyRule(),
    RequestRule(),
    TimeEntryRule(),
    ExpenseRule(),
    StepCommentRule(),
    RecurringActivityRule(),
):
    register(_rule)
