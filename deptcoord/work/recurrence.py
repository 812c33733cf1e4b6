"""Recurrence rules (RFC 5545 RRULE) for recurring activities: parse and list occurrences.

Pure: no Django; dates in, dates out.
"""

from __future__ import annotations

from datetime import date, datetime, time

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr

ALLOWED_FREQUENCIES = frozenset({DAILY, WEEKLY, MONTHLY, YEARLY})
MAX_OCCURRENCES = 400


class RecurrenceError(ValueError):
    """A rule that cannot be read, or that comes back more often than once a day."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _clean(rule: str) -> str:
    text = (rule or "").strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return text


def parse_rule(rule: str, first: date):
    """The dateutil rule for ``rule`` starting on ``first``; RecurrenceError when it is not
    a rule or comes back more than once a day."""
    text = _clean(rule)
    if not text or "\n" in text:
        raise RecurrenceError("unreadable")
    try:
        parsed = rrulestr(text, dtstart=datetime.combine(first, time()))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise RecurrenceError("unreadable") from None
    if getattr(parsed, "_freq", None) not in ALLOWED_FREQUENCIES:
        raise RecurrenceError("too_often")
    return parsed


def occurrences(rule: str, first: date, start: date, end: date) -> list[date]:
    """The days the rule falls on between ``start`` and ``end`` inclusive (capped)."""
    if end < start:
        return []
    parsed = parse_rule(rule, first)
    found: list[date] = []
    for moment in parsed.between(
        datetime.combine(start, time()), datetime.combine(end, time()), inc=True
    ):
        found.append(moment.date())
        if len(found) >= MAX_OCCURRENCES:
            break
    return found
