"""Who may see and do what with department notes and documents (registered with the policy).

A department's notes and documents are read by its people, and by the people of its teams
(as with department goals); those who run the department change any of them, their authors
change their own, executives and admins read them all. A note marked private is read only by
those who run the department, its author and admins. Search entries and links are seen with
the record they stand for.
"""

from django.db.models import Q

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, decide, register, rule_for
from deptcoord.org.access import company_wide, department_standings
from deptcoord.org.tree import departments_above
from deptcoord.records.models import Document, DocumentVersion, Note, RecordLink

A = Action
READ = frozenset({A.VIEW, A.VIEW_HISTORY})
RUN = READ | {A.CHANGE, A.DELETE}
RUNNERS = (Role.HEAD, Role.COORDINATOR)
DEPARTMENT_ROLES = (*RUNNERS, Role.MEMBER)

RECORDS_TABLE: dict = {}
company_wide(RECORDS_TABLE, Role.ADMIN, RUN | {A.ADD_RECORD})
company_wide(RECORDS_TABLE, Role.EXECUTIVE, READ)
for _role in RUNNERS:
    RECORDS_TABLE[(_role, Relation.OWN_DEPARTMENT)] = RUN | {A.ADD_RECORD}
RECORDS_TABLE[(Role.MEMBER, Relation.OWN_DEPARTMENT)] = READ | {A.ADD_RECORD}
RECORDS_TABLE[(Role.MEMBER, Relation.INVITED)] = frozenset({A.VIEW})
for _role in DEPARTMENT_ROLES:
    RECORDS_TABLE[(_role, Relation.OWN)] = RUN

PRIVATE_TABLE = {
    standing: actions
    for standing, actions in RECORDS_TABLE.items()
    if standing[0] in (Role.ADMIN, *RUNNERS) or standing[1] == Relation.OWN
}


def _own_roles(facts: RoleFacts) -> set[Role]:
    best = facts.best_department_role()
    return {best} if best else facts.company_roles()


class DepartmentRecordRule(Rule):
    """A note or a document of one department (see the module's docstring)."""

    table = RECORDS_TABLE

    def standings(self, facts, obj):
        if facts.is_guest():
            return set()
        standings = department_standings(facts, [obj.department_id])
        if obj.pk is not None and obj.author_id == facts.person_id:
            standings |= {(role, Relation.OWN) for role in _own_roles(facts)}
        if not facts.role_in(obj.department_id) and obj.department_id in departments_above(facts):
            standings.add((Role.MEMBER, Relation.INVITED))
        return standings

    def actions(self, facts, obj):
        if not facts.is_authenticated:
            return frozenset()
        table = PRIVATE_TABLE if getattr(obj, "is_private", False) else self.table
        return decide(table, self.standings(facts, obj))

    def visible_filter(self, facts):
        return records_filter(facts, private=self.model is Note)


def records_filter(facts: RoleFacts, prefix: str = "", private: bool = True) -> Q:
    """The notes (``private``) or documents the person may see, as a filter."""

    def where(**lookups) -> Q:
        return Q(**{prefix + name: value for name, value in lookups.items()})

    if not facts.is_authenticated or facts.is_guest():
        return where(pk__in=[])
    if facts.is_admin or (facts.is_executive and not private):
        return Q()
    readable = sorted(facts.departments_in() | departments_above(facts))
    shared = where(is_private=False) if private else Q()
    visible = where(author_id=facts.person_id) | (shared & where(department__in=readable))
    if private:
        visible |= where(department__in=sorted(facts.departments_run()))
    if facts.is_executive:
        visible |= shared
    return visible


class NoteRule(DepartmentRecordRule):
    """Department notes, some private to those who run the department."""

    model = Note


class DocumentRule(DepartmentRecordRule):
    """Department documents."""

    model = Document


DOCUMENT_RULE = register(DocumentRule())


class DocumentVersionRule(Rule):
    """A document's files are read with the document."""

    model = DocumentVersion

    def actions(self, facts, obj):
        return (
            frozenset({A.VIEW})
            if A.VIEW in DOCUMENT_RULE.actions(facts, obj.document)
            else frozenset()
        )

    def visible_filter(self, facts):
        return records_filter(facts, "document__", private=False)


register(NoteRule())
register(DocumentVersionRule())


class RecordLinkRule(Rule):
    """A link is seen and removed with the note or document it starts from."""

    model = RecordLink

    def actions(self, facts, obj):
        source_actions = rule_for(type(obj.source)).actions(facts, obj.source)
        return source_actions & frozenset({A.VIEW, A.CHANGE})

    def visible_filter(self, facts):
        return Q(note__in=Note.objects.filter(records_filter(facts)).values("pk")) | Q(
            document__in=Document.objects.filter(records_filter(facts, private=False)).values("pk")
        )


register(RecordLinkRule())
