"""API endpoints for department notes and the links of notes and documents."""

from django.http import HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Department
from deptcoord.records import selectors, services
from deptcoord.records.api.schemas import LinkIn, LinkOut, NoteIn, NoteOut, NotePatch
from deptcoord.records.models import Note, RecordLink

router = Router(tags=["notes"])


class NoteFilter(Schema):
    """Narrow the list to a department or a tag."""

    department_id: PrimaryKey | None = None
    tag: str | None = None


def _note(request, pk) -> Note:
    return get_visible_or_404(request.facts, selectors.note_detail_queryset(), pk=pk)


def link_rows(request, source) -> list[dict]:
    """The source's links the caller may see, as the API shows them."""
    return [
        {
            "id": row.link.pk,
            "kind": row.linkable.kind,
            "target_id": row.link.target_id,
            "name": row.name,
            "url": row.url,
        }
        for row in selectors.links_for(request.facts, source)
    ]


@router.get("/notes", response=list[NoteOut], summary="List notes")
@paginate(ListPagination)
def list_notes(request, filters: Query[NoteFilter]):
    """Notes the caller may read, pinned first, newest next."""
    notes = (
        visible(request.facts, Note.objects.all())
        .prefetch_related(selectors.records.TAGS)
        .order_by("-is_pinned", "-updated_at", "-id")
    )
    if filters.department_id is not None:
        notes = notes.filter(department_id=filters.department_id)
    if filters.tag:
        notes = notes.filter(tags__name=filters.tag.strip().lower())
    return notes


@router.post("/notes", response={201: NoteOut}, summary="Write a note")
def create_note(request, payload: NoteIn):
    """Write a note in a department the caller works in (links must be to records they see)."""
    data = payload.dict()
    department = get_visible_or_404(request.facts, Department, pk=data.pop("department_id"))
    links = [(link["kind"], link["target_id"]) for link in data.pop("links")]
    note = services.note_create(
        actor=actor_from(request, "api"), department=department, links=links, **data
    )
    return Status(201, note)


@router.get("/notes/{int:pk}", response=NoteOut, summary="Read a note")
def read_note(request, response: HttpResponse, pk: PrimaryKey):
    """One note, with its version as ETag."""
    return with_etag(response, _note(request, pk))


@router.patch("/notes/{int:pk}", response=NoteOut, summary="Change a note")
def update_note(request, response: HttpResponse, payload: NotePatch, pk: PrimaryKey):
    """Change a note's title, text, tags, pin or privacy."""
    note = _note(request, pk)
    data = {key: value for key, value in payload.dict(exclude_unset=True).items()}
    version = expected_version(request, data.pop("version", None), note.version)
    note = services.note_update(
        actor=actor_from(request, "api"), note_id=note.pk, expected_version=version, **data
    )
    return with_etag(response, _note(request, note.pk))


@router.delete("/notes/{int:pk}", response={204: None}, summary="Delete a note")
def delete_note(request, pk: PrimaryKey):
    """Delete a note (its history stays in the audit trail)."""
    note = _note(request, pk)
    version = expected_version(request, None, note.version)
    services.note_delete(
        actor=actor_from(request, "api"), note_id=note.pk, expected_version=version
    )
    return Status(204, None)


@router.get("/notes/{int:pk}/links", response=list[LinkOut], summary="List a note's links")
def list_note_links(request, pk: PrimaryKey):
    """The note's links to records the caller may see."""
    return link_rows(request, _note(request, pk))


@router.post("/notes/{int:pk}/links", response={201: LinkOut}, summary="Link a note")
def link_note(request, payload: LinkIn, pk: PrimaryKey):
    """Link the note to a goal, project, step, meeting or person the caller may see."""
    note = _note(request, pk)
    link = services.record_link_add(
        actor=actor_from(request, "api"), note_id=note.pk, **payload.dict()
    )
    row = next(row for row in link_rows(request, note) if row["id"] == link.pk)
    return Status(201, row)


@router.delete("/record-links/{int:pk}", response={204: None}, summary="Remove a link")
def remove_link(request, pk: PrimaryKey):
    """Remove a link from a note or a document the caller may change."""
    link = get_visible_or_404(
        request.facts, RecordLink.objects.select_related("note", "document"), pk=pk
    )
    require(request.facts, Action.CHANGE, link)
    services.record_link_remove(actor=actor_from(request, "api"), link_id=link.pk)
    return Status(204, None)
