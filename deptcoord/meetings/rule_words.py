"""A series' repeat rule (RFC 5545 RRULE) in words, in the reader's language: "Weekly on Tuesday,
6 times" / "Hằng tuần vào thứ Ba, 6 lần".

It reads the rules the product writes (daily, weekly, monthly and yearly, with an interval,
weekdays, an ordinal weekday or a day of the month, a count or an end date). Any other rule is
shown as typed, labelled, rather than described wrongly; a stored rule never breaks a page.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

WORKING_WEEK = ("MO", "TU", "WE", "TH", "FR")
KNOWN_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}


class Unreadable(ValueError):
    """The rule holds something this module does not put into words."""


def _weekday(code: str) -> str:
    names = {
        "MO": pgettext("weekday inside a sentence", "Monday"),
        "TU": pgettext("weekday inside a sentence", "Tuesday"),
        "WE": pgettext("weekday inside a sentence", "Wednesday"),
        "TH": pgettext("weekday inside a sentence", "Thursday"),
        "FR": pgettext("weekday inside a sentence", "Friday"),
        "SA": pgettext("weekday inside a sentence", "Saturday"),
        "SU": pgettext("weekday inside a sentence", "Sunday"),
    }
    if code not in names:
        raise Unreadable(code)
    return names[code]


def _ordinal(position: int, day: str) -> str:
    phrases = {
        1: _("the first %(day)s"),
        2: _("the second %(day)s"),
        3: _("the third %(day)s"),
        4: _("the fourth %(day)s"),
        5: _("the fifth %(day)s"),
        -1: _("the last %(day)s"),
    }
    if position not in phrases:
        raise Unreadable(str(position))
    return phrases[position] % {"day": day}


def _listed(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C" in the reader's language."""
    if len(items) == 1:
        return items[0]
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _number(text: str, low: int, high: int) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise Unreadable(text)
    return int(text)


def _frequency(freq: str, interval: int) -> str:
    if interval == 1:
        words = {
            "DAILY": _("Daily"),
            "WEEKLY": _("Weekly"),
            "MONTHLY": _("Monthly"),
            "YEARLY": _("Yearly"),
        }
    else:
        words = {
            "DAILY": ngettext("Every %(n)s day", "Every %(n)s days", interval),
            "WEEKLY": ngettext("Every %(n)s week", "Every %(n)s weeks", interval),
            "MONTHLY": ngettext("Every %(n)s month", "Every %(n)s months", interval),
            "YEARLY": ngettext("Every %(n)s year", "Every %(n)s years", interval),
        }
    if freq not in words:
        raise Unreadable(freq)
    return words[freq] % {"n": interval}


def _days(freq: str, byday: str) -> str:
    """The weekdays of ``BYDAY`` (``TU,TH``, or ``2TU`` / ``-1FR`` in a monthly rule)."""
    names = []
    for item in byday.split(","):
        code, position = item[-2:], item[:-2]
        if not position:
            names.append(_weekday(code))
        elif freq == "MONTHLY" and position.lstrip("+-").isdigit():
            names.append(_ordinal(int(position.replace("+", "")), _weekday(code)))
        else:
            raise Unreadable(item)
    return _listed(names)


def _until(text: str) -> str:
    digits = text[:8]
    if not digits.isdigit():
        raise Unreadable(text)
    day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    return _("until %(date)s") % {"date": date_format(day, "SHORT_DATE_FORMAT")}


def _parts(rule: str) -> dict[str, str]:
    parts = {}
    for piece in rule.strip().removeprefix("RRULE:").split(";"):
        if not piece.strip():
            continue
        name, equals, value = piece.partition("=")
        name = name.strip().upper()
        if not equals or name not in KNOWN_PARTS or name in parts:
            raise Unreadable(piece)
        parts[name] = value.strip().upper()
    return parts


def _describe(rule: str) -> str:
    parts = _parts(rule)
    freq = parts.get("FREQ", "")
    interval = _number(parts.get("INTERVAL", "1"), 1, 999)
    byday = parts.get("BYDAY", "")
    if freq == "WEEKLY" and interval == 1 and tuple(byday.split(",")) == WORKING_WEEK:
        words = _("Every working day, Monday to Friday")
    else:
        words = _frequency(freq, interval)
        if byday:
            words = _("%(repeats)s on %(days)s") % {"repeats": words, "days": _days(freq, byday)}
        if "BYMONTHDAY" in parts:
            days = [str(_number(day, 1, 31)) for day in parts["BYMONTHDAY"].split(",")]
            words = _("%(repeats)s on day %(days)s") % {
                "repeats": words,
                "days": _listed(days),
            }
    if "COUNT" in parts:
        count = _number(parts["COUNT"], 1, 100000)
        words = _("%(repeats)s, %(limit)s") % {
            "repeats": words,
            "limit": ngettext("%(count)s time", "%(count)s times", count) % {"count": count},
        }
    elif "UNTIL" in parts:
        words = _("%(repeats)s, %(limit)s") % {"repeats": words, "limit": _until(parts["UNTIL"])}
    return words


def rule_in_words(rule: str | None) -> str:
    """The rule in words ("" for none); a rule it cannot read is shown as typed, labelled."""
    if not rule or not rule.strip():
        return ""
    try:
        return _describe(rule)
    except (Unreadable, ValueError, OverflowError):
        return _("Repeats by the rule %(rule)s") % {"rule": rule.strip()}
