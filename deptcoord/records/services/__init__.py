"""Every write of the records app: notes, documents and their versions, links, tags."""

from deptcoord.records.services.documents import (
    document_create,
    document_delete,
    document_update,
    document_version_add,
)
from deptcoord.records.services.links import record_link_add, record_link_remove
from deptcoord.records.services.notes import note_create, note_delete, note_update

__all__ = [
    "document_create",
    "document_delete",
    "document_update",
    "document_version_add",
    "note_create",
    "note_delete",
    "note_update",
    "record_link_add",
    "record_link_remove",
]
