"""Writing, changing and deleting department notes (meetings file their decisions here too)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.records import messages
from deptcoord.records.models import Note
from deptcoord.records.services.common import (
    check_department,
    clean_tags,
    clean_title,
    record_changed,
    record_created,
    record_deleted,
    set_tags,
)
from deptcoord.records.services.links import add_links
from deptcoord.search.indexing import index_record, unindex_record

NOTE_FIELDS = ["department", "title", "body", "tag_names", "is_pinned", "is_private", "source"]
MAX_BODY = 100_000


def _clean(title: str, body: str, tags) -> tuple[str, str, list[str]]:
    title = clean_title(title, messages.TITLE_REQUIRED)
    body = (body or "").replace("\r\n", "\n")
    if len(body) > MAX_BODY:
        raise ValidationError({"body": [messages.BODY_TOO_LONG]})
    return title, body, clean_tags(tags)


@transaction.atomic
def note_create(
    *,
    actor: Actor,
    department,
    title: str,
    body: str = "",
    tags=(),
    is_pinned: bool = False,
    is_private: bool = False,
    source: str = Note.Source.WRITTEN,
    author=None,
    links=(),
) -> Note:
    """Write a note in a department the actor works in. ``source`` says where it came from
    (a meeting files its decisions with ``Note.Source.MEETING_DECISION``); ``author`` defaults
    to the actor; ``links`` are records to link, as (model instance) or (kind, id)."""
    author = author or actor.person
    authorize(actor, Action.ADD_RECORD, Note(department=department, author=author))
    check_department(department)
    title, body, tag_names = _clean(title, body, tags)
    if source not in Note.Source.values:
        raise ValidationError({"source": [messages.REQUIRED]})
    note = Note.objects.create(
        department=department,
        author=author,
        title=title,
        body=body,
        is_pinned=is_pinned,
        is_private=is_private,
        source=source,
    )
    set_tags(note, tag_names)
    add_links(actor, note, links)
    record_created(actor, note, NOTE_FIELDS, "records.note.create")
    index_record(note)
    recheck_reach(actor, note, Action.VIEW)
    return note


@transaction.atomic
def note_update(*, actor: Actor, note_id: int, expected_version: int | None, **changes) -> Note:
    """Change a note's title, text, tags, pin or privacy."""
    note = lock(Note, note_id)
    authorize(actor, Action.CHANGE, note)
    check_version(note, expected_version)
    allowed = {"title", "body", "tags", "is_pinned", "is_private"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Unknown note fields: {sorted(unknown)}")
    title, body, tag_names = _clean(
        changes.get("title", note.title),
        changes.get("body", note.body),
        changes.get("tags", note.tag_names),
    )
    before = snapshot(note, NOTE_FIELDS)
    note.title, note.body = title, body
    note.is_pinned = changes.get("is_pinned", note.is_pinned)
    note.is_private = changes.get("is_private", note.is_private)
    set_tags(note, tag_names)
    if record_changed(actor, note, before, NOTE_FIELDS, "records.note.update"):
        index_record(note)
    recheck_reach(actor, note, Action.VIEW)
    return note


@transaction.atomic
def note_delete(*, actor: Actor, note_id: int, expected_version: int | None = None) -> None:
    """Delete a note (its history stays in the audit trail)."""
    note = lock(Note, note_id)
    authorize(actor, Action.DELETE, note)
    check_version(note, expected_version)
    record_deleted(actor, note, NOTE_FIELDS, "records.note.delete")
    unindex_record(note)
    note.delete()
