"""Who may see, start and apply plan runs (registered with the policy).

A department's plans belong to those who run it: its head and coordinators start runs,
try what-ifs and apply them; admins do everything; executives read every plan. A project's
plan is also run by the project's coordinator. Members and guests see no plans: a plan lays
out everyone's load, which is the runners' business. Whoever started a run may open it (they
are told when it ends).
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, register
from deptcoord.org.access import company_wide, department_standings
from deptcoord.planning.models import PlanRun

A = Action
NOTHING = Q(pk__in=[])
READ = frozenset({A.VIEW})
RUN = READ | {A.PLAN, A.APPLY_PLAN}

PLAN_TABLE: dict = {}
company_wide(PLAN_TABLE, Role.ADMIN, RUN)
company_wide(PLAN_TABLE, Role.EXECUTIVE, READ)
for _role in (Role.HEAD, Role.COORDINATOR):
    PLAN_TABLE[(_role, Relation.OWN_DEPARTMENT)] = RUN
# The coordinator of a project, whatever their department role.
PLAN_TABLE[(Role.COORDINATOR, Relation.OWN)] = RUN
for _role in Role:
    PLAN_TABLE.setdefault((_role, Relation.CREATOR), READ)


def _plans_everywhere(facts: RoleFacts) -> bool:
    """Whether a company-wide role lets the person plan every department."""
    return any(
        A.PLAN in PLAN_TABLE.get((role, Relation.OTHER_DEPARTMENT), ())
        for role in facts.company_roles()
    )


def _departments_planned(facts: RoleFacts) -> list[int]:
    """The departments the person's role in them lets them plan."""
    return sorted(
        pk
        for pk, role in facts.department_roles.items()
        if A.PLAN in PLAN_TABLE.get((role, Relation.OWN_DEPARTMENT), ())
    )


def plannable_department_filter(facts: RoleFacts) -> Q:
    """The departments whose plans the person may start (a filter on departments)."""
    if not facts.is_authenticated or facts.is_guest():
        return NOTHING
    if _plans_everywhere(facts):
        return Q()
    return Q(pk__in=_departments_planned(facts))


def plannable_project_filter(facts: RoleFacts) -> Q:
    """The projects whose plans the person may start (a filter on projects): those led by a
    department they may plan, and those they coordinate."""
    if not facts.is_authenticated or facts.is_guest():
        return NOTHING
    if _plans_everywhere(facts):
        return Q()
    return Q(lead_department__in=_departments_planned(facts)) | Q(coordinator_id=facts.person_id)


def _project_coordinator_id(run: PlanRun):
    if run.project_id is None:
        return None
    return run.project.coordinator_id


class PlanRunRule(Rule):
    """Plans are run by the runners of their department (and the project's coordinator)."""

    model = PlanRun
    table = PLAN_TABLE

    def standings(self, facts, obj):
        if facts.is_guest():
            return set()
        standings = department_standings(facts, [obj.department_id])
        if facts.person_id is not None and _project_coordinator_id(obj) == facts.person_id:
            standings.add((Role.COORDINATOR, Relation.OWN))
        if obj.created_by_id is not None and obj.created_by_id == facts.person_id:
            standings.add((facts.best_department_role() or Role.MEMBER, Relation.CREATOR))
        return standings

    def visible_filter(self, facts: RoleFacts) -> Q:
        if not facts.is_authenticated or facts.is_guest():
            return NOTHING
        if facts.is_admin or facts.is_executive:
            return Q()
        return (
            Q(department__in=sorted(facts.departments_run()))
            | Q(project__coordinator_id=facts.person_id)
            | Q(created_by_id=facts.person_id)
        )


register(PlanRunRule())
