"""Checks on a meeting's fields before any write; every problem is named on its field."""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.formats import date_format, time_format

from deptcoord.core.validation import raise_if  # noqa: F401  (the meetings services read it here)
from deptcoord.meetings import messages
from deptcoord.meetings.models import Meeting
from deptcoord.meetings.recurrence import (
    BAD_RULE,
    NEVER_OCCURS,
    TOO_FREQUENT,
    RecurrenceError,
    Series,
    canonical_rule,
    first_start,
    local_time_problem,
    zone,
)

MAX_LENGTH = timedelta(hours=12)
RULE_MESSAGES = {
    BAD_RULE: messages.RULE_BAD,
    TOO_FREQUENT: messages.RULE_TOO_FREQUENT,
    NEVER_OCCURS: messages.RULE_NEVER_OCCURS,
}


def aware(value: datetime, zone_name: str, field: str, errors: dict) -> datetime | None:
    """A wall-clock time in the zone (or an aware time) as UTC; DST gaps and overlaps refused."""
    if value is None:
        errors.setdefault(field, []).append(messages.REQUIRED)
        return None
    if not 1900 <= value.year <= 2200:
        errors.setdefault(field, []).append(messages.OUT_OF_RANGE)
        return None
    if value.tzinfo is not None and value.utcoffset() is not None:
        return value.astimezone(UTC)
    problem = local_time_problem(value.date(), value.time(), zone_name)
    if problem:
        message = messages.TIME_MISSING if problem == "missing" else messages.TIME_AMBIGUOUS
        params = {
            "time": time_format(value.time(), "H:i"),
            "date": date_format(value.date(), "SHORT_DATE_FORMAT"),
            "zone": zone_name,
        }
        errors.setdefault(field, []).append(ValidationError(message, params=params))
        return None
    return value.replace(tzinfo=zone(zone_name)).astimezone(UTC)


def check_times(data: dict, errors: dict) -> None:
    """Zone, start, end and rule: fills ``starts_at``, ``ends_at`` and a canonical ``rrule``."""
    zone_name = data.get("time_zone") or ""
    try:
        zone(zone_name)
    except RecurrenceError:
        errors["time_zone"] = [
            ValidationError(messages.UNKNOWN_TIME_ZONE, params={"value": zone_name})
        ]
        return
    start = aware(data.pop("start", None), zone_name, "start", errors)
    end = aware(data.pop("end", None), zone_name, "end", errors)
    if start is None or end is None:
        return
    if end <= start:
        errors.setdefault("end", []).append(messages.END_BEFORE_START)
        return
    if end - start > MAX_LENGTH:
        errors.setdefault("end", []).append(messages.TOO_LONG)
        return
    data["starts_at"], data["ends_at"] = start, end
    rule = (data.get("rrule") or "").strip()
    if not rule:
        data["rrule"] = ""
        return
    series = Series(start, end, zone_name, rule)
    try:
        data["rrule"] = canonical_rule(series)
        first = first_start(series)
    except RecurrenceError as error:
        message = RULE_MESSAGES.get(error.code, messages.RULE_BAD)
        errors["rrule"] = [ValidationError(message, params={"value": rule[:100]})]
        return
    # The series starts at its first occurrence (a Monday start for "every Tuesday" moves on).
    data["starts_at"], data["ends_at"] = first, first + (end - start)


def check_link(data: dict, errors: dict) -> None:
    """The video link, when given, is a web address."""
    link = (data.get("video_link") or "").strip()
    data["video_link"] = link
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            params = {"value": link[:100]}
            errors["video_link"] = [ValidationError(messages.INVALID_LINK, params=params)]


def check_title(data: dict, errors: dict) -> None:
    """A title in at least one language."""
    data["title_en"] = (data.get("title_en") or "").strip()
    data["title_vi"] = (data.get("title_vi") or "").strip()
    if not data["title_en"] and not data["title_vi"]:
        errors["title_en"] = [messages.TITLE_REQUIRED]


def check_people(organiser, kind: str, participants, guests, errors: dict) -> tuple[list, list]:
    """Participants as (person, required) without the organiser; guests as (e-mail, name)."""
    seen, people = {organiser.pk}, []
    for person, required in participants:
        if person.pk in seen:
            continue
        if not person.is_active:
            errors.setdefault("participants", []).append(
                ValidationError(messages.PARTICIPANT_INACTIVE, params={"name": person.full_name})
            )
        seen.add(person.pk)
        people.append((person, bool(required)))
    outside, emails = [], set()
    for guest in guests:
        email, name = (guest, "") if isinstance(guest, str) else guest
        email = (email or "").strip()
        try:
            validate_email(email)
        except ValidationError:
            errors.setdefault("guests", []).append(
                ValidationError(messages.INVALID_EMAIL, params={"value": email[:100]})
            )
            continue
        if email.lower() not in emails:
            emails.add(email.lower())
            outside.append((email, (name or "").strip()[:150]))
    if kind == Meeting.Kind.ONE_ON_ONE:
        if len(people) != 1:
            errors.setdefault("participants", []).append(messages.ONE_ON_ONE_TWO_PEOPLE)
        if outside:
            errors.setdefault("guests", []).append(messages.ONE_ON_ONE_NO_GUESTS)
    elif not people and not outside:
        errors.setdefault("participants", []).append(messages.NO_PARTICIPANTS)
    return people, outside
