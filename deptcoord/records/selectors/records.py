"""Reads of notes, documents, their tags, versions and links."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.org import selectors as org
from deptcoord.records.models import Document, DocumentVersion, Note, RecordLink, Tag
from deptcoord.search.linkables import Linkable, linkables
from deptcoord.search.query import search
from deptcoord.search.registry import sources
from deptcoord.search.text_search import query_words

TAGS = Prefetch("tags", queryset=Tag.objects.order_by("name"))


def record_departments(facts: RoleFacts) -> QuerySet:
    """Departments where the person may file notes and documents (for choice lists)."""
    departments = org.departments_allowing(facts, Action.VIEW)
    allowed = [
        department.pk
        for department in departments
        if can(facts, Action.ADD_RECORD, Note(department=department))
    ]
    return departments.filter(pk__in=allowed)


def department_notes(facts: RoleFacts, department, tag: str = "") -> QuerySet:
    """The department's notes the person may read, pinned first, newest next."""
    notes = (
        visible(facts, Note.objects.filter(department=department))
        .select_related("author")
        .prefetch_related(TAGS)
        .order_by("-is_pinned", "-updated_at", "-id")
    )
    return notes.filter(tags__name=tag) if tag else notes


def department_documents(facts: RoleFacts, department, tag: str = "") -> QuerySet:
    """The department's documents the person may read, newest first."""
    documents = (
        visible(facts, Document.objects.filter(department=department))
        .select_related("author", "current")
        .prefetch_related(TAGS)
        .order_by("-updated_at", "-id")
    )
    return documents.filter(tags__name=tag) if tag else documents


def department_tags(facts: RoleFacts, department) -> list[Tag]:
    """The tags used on the department's visible notes and documents, with how often."""
    notes = visible(facts, Note.objects.filter(department=department)).values("pk")
    documents = visible(facts, Document.objects.filter(department=department)).values("pk")
    tags = Tag.objects.annotate(
        note_uses=Count("notes", filter=Q(notes__in=notes), distinct=True),
        document_uses=Count("documents", filter=Q(documents__in=documents), distinct=True),
    )
    used = list(tags.filter(Q(note_uses__gt=0) | Q(document_uses__gt=0)).order_by("name"))
    for tag in used:
        tag.uses = tag.note_uses + tag.document_uses
    return used


def note_detail_queryset() -> QuerySet:
    """Notes with what their page shows."""
    return Note.objects.select_related("department", "author").prefetch_related(TAGS)


def document_detail_queryset() -> QuerySet:
    """Documents with what their page shows."""
    return Document.objects.select_related("department", "author", "current").prefetch_related(TAGS)


def versions(facts: RoleFacts, document: Document) -> QuerySet:
    """The document's versions, newest first."""
    return (
        visible(facts, DocumentVersion.objects.filter(document=document))
        .select_related("uploaded_by")
        .order_by("-number")
    )


@dataclass(frozen=True)
class LinkRow:
    """A link as the viewer sees it: the linked record's kind, name and page."""

    link: RecordLink
    linkable: Linkable
    name: str
    url: str


def links_for(facts: RoleFacts, source) -> list[LinkRow]:
    """The source's links to records the viewer may see (the others are left out), loaded in
    one query per kind of linked record."""
    field = "note" if isinstance(source, Note) else "document"
    links = list(RecordLink.objects.filter(**{field: source}).select_related("target_type"))
    by_model = defaultdict(list)
    for link in links:
        by_model[link.target_type.model_class()].append(link)
    kinds = {linkable.model: linkable for linkable in linkables().values()}
    rows = []
    for model, group in by_model.items():
        linkable = kinds.get(model)
        if linkable is None:
            continue
        targets = linkable.visible(facts).in_bulk([link.target_id for link in group])
        for link in group:
            if link.target_id in targets:
                target = targets[link.target_id]
                rows.append(LinkRow(link, linkable, linkable.name(target), linkable.url(target)))
    return sorted(rows, key=lambda row: row.link.pk)


@dataclass(frozen=True)
class Candidate:
    """A record the link picker offers."""

    kind: str
    label: object
    icon: str
    target_id: int
    name: str


def link_candidates(facts: RoleFacts, query: str, per_kind: int = 6) -> list[Candidate]:
    """Records the person may see whose names match, for the link picker: searched through the
    index for searchable kinds (diacritics ignored), by name for the others."""
    words = query_words(query)
    if not words:
        return []
    candidates = []
    found = search(facts, query, per_page=per_kind * 3)
    indexed = {linkable.kind for linkable in linkables().values()} & set(found.counts)
    catalogue = linkables()
    for result in found.page.object_list if found.page else []:
        if result.entry.kind in indexed:
            linkable = catalogue[result.entry.kind]
            candidates.append(
                Candidate(
                    linkable.kind,
                    linkable.label,
                    linkable.icon,
                    result.entry.object_id,
                    result.entry.title,
                )
            )
    searched = set(sources())
    for linkable in catalogue.values():
        if linkable.kind in searched:
            continue
        for target in linkable.matching(facts, words)[:per_kind]:
            candidates.append(
                Candidate(linkable.kind, linkable.label, linkable.icon, target.pk, str(target))
            )
    return candidates
