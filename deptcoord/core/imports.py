"""The one spreadsheet import flow: upload, preview, then apply once.

Each app registers its kinds of import (columns, the rows' importer, the record the person
needs ``Action.IMPORT`` on). The preview runs the very import inside a transaction and rolls it
back, so what the preview promises is exactly what the import does; nothing is saved unless
every row is valid. Applying locks the upload, so a confirm sent twice imports once.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, Relation, Role, RoleFacts, Rule, can, decide
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.models import ImportUpload
from deptcoord.core.spreadsheets import SpreadsheetError, read_rows

ALREADY_APPLIED = _(
    "This file has already been imported; its rows are saved. To import it again, upload it again."
)
ROW_ACTIONS = ("create", "update", "unchanged")


@dataclass
class RowOutcome:
    """What the import does with one row: create, update, unchanged, or the row's errors."""

    number: int
    label: str
    action: str = "unchanged"
    errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ImportReport:
    """The outcome of every row and whether the import was saved."""

    rows: list[RowOutcome]
    saved: bool = False

    @property
    def error_rows(self) -> list[RowOutcome]:
        """The rows that stop the import."""
        return [row for row in self.rows if row.errors]

    @property
    def counts(self) -> dict[str, int]:
        """Rows per action, for the preview's summary."""
        return {action: self.count(action) for action in ROW_ACTIONS}

    @property
    def summary(self) -> dict[str, int]:
        """The counts a message after the import reads: created, updated, unchanged (and
        ``count``, the rows created)."""
        created = self.count("create")
        return {
            "created": created,
            "updated": self.count("update"),
            "unchanged": self.count("unchanged"),
            "count": created,
        }

    def count(self, action: str) -> int:
        """How many rows end in the given action."""
        return sum(1 for row in self.rows if row.action == action and not row.errors)


class _Rollback(Exception):
    """Raised to undo a preview, or an import with bad rows."""


def run_rows(fill: Callable[[ImportReport], None], *, commit: bool) -> ImportReport:
    """Let ``fill`` import rows into a fresh report inside a transaction; keep the result only
    when ``commit`` and every row is valid."""
    report = ImportReport(rows=[])
    try:
        with transaction.atomic():
            fill(report)
            if not commit or report.error_rows:
                raise _Rollback
    except _Rollback:
        return report
    report.saved = True
    return report


def row_errors(error: ValidationError, columns: Mapping[str, str] = {}) -> list[tuple[str, str]]:
    """A service's refusal as (column, message) pairs; ``columns`` renames fields to columns."""
    if not hasattr(error, "error_dict"):
        return [("", str(message)) for message in error.messages]
    return [
        (columns.get(name, name), str(message))
        for name, problems in error.error_dict.items()
        for item in problems
        for message in item.messages
    ]


@dataclass(frozen=True)
class ImportKind:
    """One kind of import an app offers.

    ``run(actor=, rows=, commit=, scope=)`` imports the rows; ``target(facts, scope)`` is the
    record (already checked visible) on which the person needs ``Action.IMPORT``; ``importers``
    is the policy table for kinds whose target is the upload itself (no record of their own).
    """

    name: str
    columns: list[str]
    required: set[str]
    run: Callable[..., ImportReport]
    target: Callable[[RoleFacts, str], Model]
    done_message: str
    done_url: Callable[[str], str]
    importers: Mapping[tuple[Role, Relation], frozenset[Action]] = field(default_factory=dict)
    # The columns' names in the reader's language (a header may use them instead of the codes),
    # a row of example values for the blank template, and the codes a column accepts.
    labels: Mapping[str, object] = field(default_factory=dict)
    example: Mapping[str, str] = field(default_factory=dict)
    allowed: Callable[[RoleFacts, str], Mapping[str, list[str]]] = lambda facts, scope: {}

    def label(self, column: str) -> str:
        """The column's name in the active language (the code when it has none)."""
        return str(self.labels.get(column, column))

    def headers(self) -> dict[str, str]:
        """Each header a file may use for a column, in either language, to the column's code."""
        found = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for column, label in self.labels.items():
                    found[str(label)] = column
        found.update({column: column for column in self.columns})
        return found

    def is_example(self, values: Mapping[str, str]) -> bool:
        """Whether a row is the template's example, left in the file (it is skipped)."""
        return bool(self.example) and all(
            values.get(column, "") == str(value) for column, value in self.example.items()
        )


_kinds: dict[str, ImportKind] = {}


def register_import_kind(kind: ImportKind) -> ImportKind:
    """Offer a kind of import (called from the app's ``ready``)."""
    _kinds[kind.name] = kind
    return kind


def import_kind(name: str) -> ImportKind:
    """The registered kind (KeyError, a LookupError, for an unknown one)."""
    return _kinds[name]


def stored_kind(name: str, scope: str = "") -> str:
    """The kind as an upload stores it: ``work.plan:12`` for the plan of project 12."""
    return f"{name}:{scope}" if scope else name


def split_kind(stored: str) -> tuple[str, str]:
    """The kind's name and scope of a stored upload."""
    name, _colon, scope = stored.partition(":")
    return name, scope


def upload_target(name: str) -> ImportUpload:
    """The record ``Action.IMPORT`` is checked on for a kind without a record of its own."""
    return ImportUpload(kind=name)


def may_import(facts: RoleFacts, kind: str, scope: str = "") -> bool:
    """Whether the person may import this kind (for showing the import button)."""
    return can(facts, Action.IMPORT, import_kind(kind).target(facts, scope))


class ImportUploadRule(Rule):
    """Uploads are seen only by the person who uploaded them; importing a kind that has no
    record of its own follows the kind's ``importers`` table (roles held anywhere)."""

    model = ImportUpload

    def standings(self, facts, obj):
        standings = {(role, Relation.OTHER_DEPARTMENT) for role in facts.company_roles()}
        best = facts.best_department_role()
        if best is not None:
            standings.add((best, Relation.OTHER_DEPARTMENT))
        return standings

    def actions(self, facts, obj):
        if not facts.is_authenticated:
            return frozenset()
        kind = _kinds.get(split_kind(obj.kind)[0])
        if kind is None:
            return frozenset()
        return decide(kind.importers, self.standings(facts, obj))

    def visible_filter(self, facts):
        return Q(uploaded_by_id=facts.person_id) if facts.is_authenticated else Q(pk__in=[])


def _rows(kind: ImportKind, upload: ImportUpload) -> list:
    try:
        rows = read_rows(
            bytes(upload.content),
            upload.filename,
            kind.required,
            settings.IMPORT_MAX_BYTES,
            headers=kind.headers(),
            label=kind.label,
        )
    except SpreadsheetError as error:
        raise ValidationError({"file": [str(error)]}) from None
    return [row for row in rows if not kind.is_example(row.values)]


def import_upload_create(
    *, actor: Actor, kind: str, filename: str, content: bytes, scope: str = ""
) -> tuple[ImportUpload, ImportReport]:
    """Keep an uploaded spreadsheet for import and preview it (nothing is imported yet)."""
    entry = import_kind(kind)
    authorize(actor, Action.IMPORT, entry.target(actor.facts, scope))
    upload = ImportUpload(
        kind=stored_kind(kind, scope),
        filename=filename[:255],
        content=content,
        uploaded_by_id=actor.person_id,
    )
    rows = _rows(entry, upload)
    upload.save(force_insert=True)
    return upload, entry.run(actor=actor, rows=rows, commit=False, scope=scope)


@transaction.atomic
def import_upload_apply(*, actor: Actor, upload_id) -> tuple[ImportUpload, ImportReport]:
    """Import a previewed upload: every row or, if any row has become bad, none.

    The upload stays locked until the rows are saved and it is marked applied, so a second
    confirm waits, then is refused with ``ALREADY_APPLIED``.
    """
    upload = ImportUpload.objects.select_for_update().get(
        pk=upload_id, uploaded_by_id=actor.person_id
    )
    if upload.applied_at is not None:
        raise ValidationError(ALREADY_APPLIED, code="already_applied")
    name, scope = split_kind(upload.kind)
    entry = import_kind(name)
    authorize(actor, Action.IMPORT, entry.target(actor.facts, scope))
    report = entry.run(actor=actor, rows=_rows(entry, upload), commit=True, scope=scope)
    if report.saved:
        upload.applied_at = timezone.now()
        upload.save(update_fields=["applied_at"])
        _notify_applied(actor, upload, report)
    return upload, report


_applied_listeners: list[Callable[[Actor, ImportUpload, ImportReport], None]] = []


def on_import_applied(listener: Callable[[Actor, ImportUpload, ImportReport], None]) -> None:
    """Subscribe to applied imports, inside their transaction (the audit trail records them)."""
    _applied_listeners.append(listener)


def _notify_applied(actor: Actor, upload: ImportUpload, report: ImportReport) -> None:
    for listener in _applied_listeners:
        listener(actor, upload, report)
