"""The records' search sources: notes and documents."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from deptcoord.records.markdown_render import markdown_text
from deptcoord.records.models import Document, Note
from deptcoord.search.registry import SearchSource, register_source


def _document_text(document: Document) -> str:
    text = document.current.text if document.current_id else ""
    return f"{document.description}\n{text}".strip()


register_source(
    SearchSource(
        kind="note",
        model=Note,
        label=_("Note"),
        icon="bi-journal-text",
        title_fields=("title",),
        body=lambda note: markdown_text(note.body),
        url_name="records:note_detail",
        confidential=Q(is_private=True),
        confidential_label=_("Head and coordinators only"),
    )
)
register_source(
    SearchSource(
        kind="document",
        model=Document,
        label=_("Document"),
        icon="bi-file-earmark-text",
        title_fields=("title",),
        body=_document_text,
        url_name="records:document_detail",
        related=("current",),
    )
)
