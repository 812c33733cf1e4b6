"""The records app's data: notes, documents with their versions, links and tags."""

from deptcoord.records.models.documents import Document, DocumentVersion
from deptcoord.records.models.notes import Note, RecordLink, Tag

__all__ = [
    "Document",
    "DocumentVersion",
    "Note",
    "RecordLink",
    "Tag",
]
