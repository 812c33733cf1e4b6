"""The records app's data: notes, documents with their versions, links, tags and the search index."""

from deptcoord.records.models.documents import Document, DocumentVersion
from deptcoord.records.models.notes import Note, RecordLink, Tag
from deptcoord.records.models.search import SearchEntry, SearchIndexRow, SearchText

__all__ = [
    "Document",
    "DocumentVersion",
    "Note",
    "RecordLink",
    "SearchEntry",
    "SearchIndexRow",
    "SearchText",
    "Tag",
]
