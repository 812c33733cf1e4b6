"""Rows of a department's records as spreadsheets: its notes, its documents and what changed."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.spreadsheets import moment_cell
from deptcoord.records.templatetags.records import markdown_excerpt

NOTE_COLUMNS = [
    "id",
    "title",
    "excerpt",
    "tags",
    "pinned",
    "private",
    "source",
    "author_email",
    "created_at",
    "updated_at",
]
DOCUMENT_COLUMNS = [
    "id",
    "title",
    "description",
    "tags",
    "file_name",
    "file_type",
    "size_bytes",
    "version",
    "author_email",
    "created_at",
    "updated_at",
]
ACTIVITY_COLUMNS = ["when", "who", "kind", "record_type", "record_id", "record", "changed_fields"]
NOTES_FILENAME = _("notes")
DOCUMENTS_FILENAME = _("documents")
ACTIVITY_FILENAME = _("activity")


def _tags(record) -> str:
    return ", ".join(tag.name for tag in record.tags.all())


def note_rows(notes) -> list[list]:
    """One row per note, with the excerpt the list shows (the whole text stays on its page)."""
    return [
        [
            note.pk,
            note.title,
            markdown_excerpt(note.body),
            _tags(note),
            "yes" if note.is_pinned else "",
            "yes" if note.is_private else "",
            note.source,
            note.author.email,
            moment_cell(note.created_at),
            moment_cell(note.updated_at),
        ]
        for note in notes
    ]


def document_rows(documents) -> list[list]:
    """One row per document, with its current version's file."""
    rows = []
    for document in documents:
        current = document.current
        rows.append(
            [
                document.pk,
                document.title,
                document.description,
                _tags(document),
                current.filename if current else "",
                current.file_type if current else "",
                current.size if current else "",
                current.number if current else "",
                document.author.email,
                moment_cell(document.created_at),
                moment_cell(document.updated_at),
            ]
        )
    return rows


def _changed_fields(entry) -> str:
    """The names of the fields a change touched, as the feed shows them (never their values)."""
    if entry.kind != "update" or not entry.changes:
        return ""
    return ", ".join(str(name) for name in entry.changes)


def activity_rows(entries) -> list[list]:
    """One row per change in the department's feed."""
    return [
        [
            moment_cell(entry.created_at),
            entry.actor_name,
            entry.kind,
            entry.target_type,
            entry.target_id,
            entry.target_label,
            _changed_fields(entry),
        ]
        for entry in entries
    ]
