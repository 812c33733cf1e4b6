"""History panels: any audit entry, whatever shape its changes were written in, as a summary
and lines a person can read. The trail is append-only, so an entry that fails to render would
break its record's page for good; nothing here raises on odd data."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

EMPTY = "—"
MAX_TEXT = 300
MAX_DEPTH = 3

SUMMARIES = {
    "auth.sign_in": gettext_lazy("Signed in."),
    "auth.sign_out": gettext_lazy("Signed out."),
    "auth.sign_in_failed": gettext_lazy("A sign-in failed."),
    "api.token.create": gettext_lazy("An API token was created."),
    "api.token.revoke": gettext_lazy("An API token was revoked."),
    "people.confidential.read": gettext_lazy("Confidential records were read."),
}


@dataclass(frozen=True)
class ChangeLine:
    """One named detail: a change from ``before`` to ``after``, or a single value."""

    field: str
    after: str
    before: str = ""
    is_change: bool = False


@dataclass(frozen=True)
class EntryView:
    """What a history panel shows for one entry."""

    summary: str = ""
    lines: list[ChangeLine] = field(default_factory=list)


def text_of(value, depth: int = 0) -> str:
    """A stored value as short plain text (related records by label, lists joined)."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if depth >= MAX_DEPTH:
        return "…"
    if isinstance(value, dict):
        if "label" in value:
            return _short(str(value["label"]))
        return _short(
            ", ".join(f"{key}: {text_of(item, depth + 1)}" for key, item in value.items())
        )
    if isinstance(value, list | tuple):
        return _short(", ".join(text_of(item, depth + 1) for item in value))
    return _short(str(value))


def _short(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def describe(entry) -> EntryView:
    """The summary and lines for an entry; an unknown shape gets a plain summary."""
    try:
        return _describe(str(entry.action or ""), entry.changes)
    except Exception:  # a stored value no rule foresaw must not break the page
        return EntryView(summary=_("Details of this entry cannot be shown."))


def _describe(action: str, changes) -> EntryView:
    if action in SUMMARIES:
        return EntryView(summary=str(SUMMARIES[action]))
    if action == "access.denied":
        wanted = changes.get("action") if isinstance(changes, dict) else None
        return EntryView(
            summary=_("Access was refused (%(action)s).") % {"action": text_of(wanted)}
        )
    if isinstance(changes, dict) and "format" in changes and _is_export(action, changes):
        return EntryView(summary=_export_summary(changes))
    if isinstance(changes, dict):
        return EntryView(lines=[_line(str(name), value) for name, value in changes.items()])
    if changes in (None, "", [], {}):
        return EntryView()
    return EntryView(summary=_("Recorded details: %(details)s") % {"details": text_of(changes)})


def _is_export(action: str, changes: dict) -> bool:
    return action.endswith("export") or set(changes) <= {"format", "rows"}


def _export_summary(changes: dict) -> str:
    file_format = text_of(changes.get("format")).upper()
    rows = changes.get("rows")
    if isinstance(rows, int) and not isinstance(rows, bool):
        return ngettext(
            "Exported %(count)s row as %(format)s.", "Exported %(count)s rows as %(format)s.", rows
        ) % {"count": rows, "format": file_format}
    return _("Exported as %(format)s.") % {"format": file_format}


def _line(name: str, value) -> ChangeLine:
    if isinstance(value, list | tuple) and len(value) == 2:
        return ChangeLine(name, text_of(value[1]), before=text_of(value[0]), is_change=True)
    return ChangeLine(name, text_of(value))
