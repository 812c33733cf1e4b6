"""Who sees status reports, and who may act on a report.

A status report in draft is seen by the people who run its department (and admins); once
submitted it is read by its author, its recipients, the department's people, executives and
admins. The department's runners write and submit it, recipients acknowledge it, readers
comment, and the department head or an executive accepts it or sends it back for revision.
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, decide, register
from deptcoord.org.access import company_wide, department_standings
from deptcoord.reports.models import ReportReceipt, StatusReport

A = Action
RUNNERS = (Role.HEAD, Role.COORDINATOR)
DEPARTMENT_ROLES = (*RUNNERS, Role.MEMBER)
WRITE = frozenset({A.VIEW, A.CHANGE, A.SUBMIT, A.DELETE, A.VIEW_HISTORY})

DRAFTS: dict = {}
company_wide(DRAFTS, Role.ADMIN, {A.VIEW, A.DELETE, A.VIEW_HISTORY})
for _role in RUNNERS:
    DRAFTS[(_role, Relation.OWN_DEPARTMENT)] = WRITE
    DRAFTS[(_role, Relation.OWN)] = WRITE

PUBLISHED: dict = {}
company_wide(PUBLISHED, Role.ADMIN, {A.VIEW, A.COMMENT, A.VIEW_HISTORY})
company_wide(PUBLISHED, Role.EXECUTIVE, {A.VIEW, A.COMMENT, A.DECIDE, A.VIEW_HISTORY})
for _role in DEPARTMENT_ROLES:
    PUBLISHED[(_role, Relation.OWN_DEPARTMENT)] = frozenset({A.VIEW, A.COMMENT})
for _role in (*DEPARTMENT_ROLES, Role.GUEST, Role.HR):
    PUBLISHED[(_role, Relation.INVITED)] = frozenset({A.VIEW, A.COMMENT, A.ACKNOWLEDGE})
for _role in RUNNERS:
    PUBLISHED[(_role, Relation.OWN_DEPARTMENT)] = WRITE | {A.COMMENT}
    PUBLISHED[(_role, Relation.OWN)] = WRITE | {A.COMMENT}
PUBLISHED[(Role.HEAD, Relation.OWN_DEPARTMENT)] = PUBLISHED[
    (Role.HEAD, Relation.OWN_DEPARTMENT)
] | {A.DECIDE}
# An executive who receives a report also acknowledges it.
PUBLISHED[(Role.EXECUTIVE, Relation.INVITED)] = PUBLISHED[(Role.EXECUTIVE, Relation.INVITED)] | {
    A.ACKNOWLEDGE
}


def _roles(facts: RoleFacts) -> set[Role]:
    best = facts.best_department_role()
    return ({best} if best else {Role.GUEST}) | facts.company_roles()


class StatusReportRule(Rule):
    """Drafts for the department's runners; submitted reports for its readers."""

    model = StatusReport
    table = PUBLISHED

    def standings(self, facts, obj):
        found = department_standings(facts, [obj.department_id])
        if obj.author_id == facts.person_id and facts.role_in(obj.department_id):
            found.add((facts.role_in(obj.department_id), Relation.OWN))
        if obj.pk and obj.is_published and _is_recipient(facts, obj):
            found |= {(role, Relation.INVITED) for role in _roles(facts)}
        return found

    def actions(self, facts, obj):
        if not facts.is_authenticated:
            return frozenset()
        table = PUBLISHED if obj.is_published else DRAFTS
        return decide(table, self.standings(facts, obj))

    def visible_filter(self, facts):
        if facts.is_admin:
            return Q()
        published = ~Q(state=StatusReport.State.DRAFT)
        runs = sorted(facts.departments_run())
        drafts = Q(state=StatusReport.State.DRAFT, department__in=runs)
        if facts.is_executive:
            return published | drafts
        received = ReportReceipt.objects.filter(recipient_id=facts.person_id).values("report_id")
        mine = Q(department__in=sorted(facts.departments_in())) | Q(pk__in=received)
        return (published & mine) | drafts


def _is_recipient(facts: RoleFacts, report: StatusReport) -> bool:
    cache = getattr(report, "_prefetched_objects_cache", {})
    if "receipts" in cache:
        return any(receipt.recipient_id == facts.person_id for receipt in cache["receipts"])
    return report.receipts.filter(recipient_id=facts.person_id).exists()


register(StatusReportRule())
