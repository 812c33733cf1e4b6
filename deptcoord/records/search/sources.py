"""The records searched today: goals, key results, notes and documents (other apps add theirs
with ``register_source``)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.goals.models import Goal, KeyResult
from deptcoord.records.markdown_render import markdown_text
from deptcoord.records.models import Document, Note
from deptcoord.records.search.registry import SearchSource, register_source


def _document_text(document: Document) -> str:
    text = document.current.text if document.current_id else ""
    return f"{document.description}\n{text}".strip()


register_source(
    SearchSource(
        kind="goal",
        model=Goal,
        label=_("Goal"),
        icon="bi-bullseye",
        title_fields=("title_en", "title_vi"),
        body_fields=("description",),
        url_name="goals:goal_detail",
    )
)
register_source(
    SearchSource(
        kind="key_result",
        model=KeyResult,
        label=_("Key result"),
        icon="bi-graph-up-arrow",
        title_fields=("title_en", "title_vi"),
        body_fields=("goal.title_en", "goal.title_vi"),
        url_name="goals:key_result_detail",
        department_field="goal.department_id",
        related=("goal",),
    )
)
register_source(
    SearchSource(
        kind="note",
        model=Note,
        label=_("Note"),
        icon="bi-journal-text",
        title_fields=("title",),
        body=lambda note: markdown_text(note.body),
        url_name="records:note_detail",
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
