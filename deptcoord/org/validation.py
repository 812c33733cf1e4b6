"""Checks on organisation input; each failure names the field and says what to do."""

import re
import zoneinfo
from datetime import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower

from deptcoord.core.validation import NumberError, raise_if, to_decimal
from deptcoord.org import messages
from deptcoord.org.models import Department, Person

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,20}$")


def require_text(errors: dict, field: str, value) -> str:
    """A stripped non-empty text, or an error on the field."""
    text = (value or "").strip()
    if not text:
        errors.setdefault(field, []).append(messages.REQUIRED)
    return text


def check_department(*, code, name_en, name_vi, parent, instance=None) -> dict:
    """Validate a department's fields; return the cleaned values."""
    errors: dict = {}
    code = require_text(errors, "code", code).upper()
    if code and not CODE_PATTERN.match(code):
        errors.setdefault("code", []).append(messages.CODE_FORMAT)
    name_en = require_text(errors, "name_en", name_en)
    name_vi = require_text(errors, "name_vi", name_vi)
    others = Department.objects.exclude(pk=getattr(instance, "pk", None))
    if code and others.filter(code__iexact=code).exists():
        errors.setdefault("code", []).append(messages.CODE_TAKEN % {"code": code})
    siblings = others.filter(parent=parent, is_active=True)
    for field, name in (("name_en", name_en), ("name_vi", name_vi)):
        lookup = {f"{field}__iexact": name}
        if name and siblings.filter(**lookup).exists():
            errors.setdefault(field, []).append(messages.NAME_TAKEN % {"name": name})
    if parent is not None:
        if not parent.is_active:
            errors.setdefault("parent", []).append(messages.PARENT_INACTIVE)
        if instance is not None and instance.pk and is_own_ancestor(instance.pk, parent):
            errors.setdefault("parent", []).append(messages.OWN_ANCESTOR)
    raise_if(errors)
    return {"code": code, "name_en": name_en, "name_vi": name_vi, "parent": parent}


def is_own_ancestor(department_id: int, parent: Department) -> bool:
    """Whether putting the department under ``parent`` would make it its own ancestor."""
    parent_of = dict(Department.objects.values_list("id", "parent_id"))
    node = parent.pk
    seen = set()
    while node is not None and node not in seen:
        if node == department_id:
            return True
        seen.add(node)
        node = parent_of.get(node)
    return False


def check_person(data: dict, instance=None) -> dict:
    """Validate a person's fields (only those given); return the cleaned values."""
    errors: dict = {}
    cleaned = dict(data)
    if "full_name" in data:
        cleaned["full_name"] = " ".join(
            require_text(errors, "full_name", data["full_name"]).split()
        )
    if "email" in data:
        cleaned["email"] = _check_email(errors, data["email"], instance)
    if "weekly_capacity_hours" in data:
        cleaned["weekly_capacity_hours"] = _check_capacity(errors, data["weekly_capacity_hours"])
    if "timezone" in data:
        cleaned["timezone"] = _check_timezone(errors, data["timezone"])
    if "working_weekdays" in data:
        cleaned["working_weekdays"] = _check_weekdays(errors, data["working_weekdays"])
    for field in ("work_start", "work_end"):
        if data.get(field) is not None:  # a time of day in the person's own zone
            cleaned[field] = data[field].replace(tzinfo=None)
    start = cleaned.get("work_start", getattr(instance, "work_start", time(8, 30)))
    end = cleaned.get("work_end", getattr(instance, "work_end", time(17, 30)))
    if ("work_start" in data or "work_end" in data) and start and end and end <= start:
        errors.setdefault("work_end", []).append(messages.WORKDAY_ORDER)
    if "language" in data and data["language"] not in ("", "en", "vi"):
        errors.setdefault("language", []).append(messages.UNKNOWN_LANGUAGE)
    for field in ("title_en", "title_vi", "phone"):
        if field in data:
            cleaned[field] = (data[field] or "").strip()
    raise_if(errors)
    return cleaned


def _check_email(errors: dict, value, instance) -> str:
    email = require_text(errors, "email", value).lower()
    if not email:
        return email
    try:
        validate_email(email)
    except ValidationError as error:
        errors.setdefault("email", []).extend(error.messages)
        return email
    clash = (
        Person.objects.annotate(lower_email=Lower("email"))
        .filter(lower_email=email)
        .exclude(pk=getattr(instance, "pk", None))
        .first()
    )
    if clash:
        errors.setdefault("email", []).append(
            messages.EMAIL_TAKEN % {"email": email, "name": clash.full_name}
        )
    return email


def _check_capacity(errors: dict, value) -> Decimal | None:
    try:
        hours = to_decimal(value)
    except NumberError:
        errors.setdefault("weekly_capacity_hours", []).append(messages.CAPACITY_RANGE)
        return None
    if not hours.is_finite() or hours < 0 or hours > 168:
        errors.setdefault("weekly_capacity_hours", []).append(messages.CAPACITY_RANGE)
        return None
    return hours.quantize(Decimal("0.1"))


def _check_timezone(errors: dict, value) -> str:
    zone = (value or "").strip()
    if zone not in zoneinfo.available_timezones():
        errors.setdefault("timezone", []).append(messages.UNKNOWN_TIMEZONE % {"zone": zone})
    return zone


def _check_weekdays(errors: dict, value) -> str:
    digits = "".join(sorted(set(str(value or "").replace(",", "").replace(" ", ""))))
    if not digits or any(digit not in "1234567" for digit in digits):
        errors.setdefault("working_weekdays", []).append(messages.WEEKDAYS_FORMAT)
    return digits
