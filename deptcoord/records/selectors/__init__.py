"""Every read of the records app, already narrowed by the access policy."""

from deptcoord.records.selectors.activity import activity, activity_rows
from deptcoord.records.selectors.records import (
    department_documents,
    department_notes,
    department_tags,
    document_detail_queryset,
    link_candidates,
    links_for,
    note_detail_queryset,
    record_departments,
    versions,
)

__all__ = [
    "activity",
    "activity_rows",
    "department_documents",
    "department_notes",
    "department_tags",
    "document_detail_queryset",
    "link_candidates",
    "links_for",
    "note_detail_queryset",
    "record_departments",
    "versions",
]
