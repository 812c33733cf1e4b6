"""What the records services share: audit entries, tags and the checks on titles."""

from django.core.exceptions import ValidationError

from deptcoord.audit import services as audit
from deptcoord.core.actor import Actor
from deptcoord.records import messages
from deptcoord.records.models import Tag

MAX_TAGS = 10
MAX_TAG_LENGTH = 40


def record_created(actor: Actor, obj, fields: list[str], action: str) -> None:
    """Record a new record in the audit trail, in its department's trail."""
    audit.record_created(actor, obj, fields, action, obj.department_id)


def record_changed(actor: Actor, obj, before: dict, fields: list[str], action: str) -> dict:
    """Save a changed record with a new version and its audit entry; return the changes."""
    return audit.save_with_audit(actor, obj, before, fields, action, obj.department_id)


def record_deleted(actor: Actor, obj, fields: list[str], action: str) -> None:
    """Record what a deleted record was, in its department's trail."""
    audit.record_deleted(actor, obj, fields, action, obj.department_id)


def clean_tags(values) -> list[str]:
    """Tags as stored: trimmed, lower case, inner spaces single, no repeats, at most ten."""
    if isinstance(values, str):
        values = values.split(",")
    names: list[str] = []
    for value in values or []:
        name = " ".join(str(value).lower().strip().lstrip("#").split())
        if not name or name in names:
            continue
        if len(name) > MAX_TAG_LENGTH:
            raise ValidationError({"tags": [messages.TAG_TOO_LONG % {"tag": name}]})
        names.append(name)
    if len(names) > MAX_TAGS:
        raise ValidationError({"tags": [messages.TOO_MANY_TAGS]})
    return sorted(names)


def set_tags(obj, names: list[str]) -> None:
    """Give the record exactly these tags (creating the ones new to the company)."""
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    missing = [Tag(name=name) for name in names if name not in existing]
    Tag.objects.bulk_create(missing, ignore_conflicts=True)
    if missing:
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    obj.tags.set([existing[name] for name in names])


def clean_title(title: str, required_message) -> str:
    """A title trimmed, present and short enough."""
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": [required_message]})
    if len(title) > 200:
        raise ValidationError({"title": [messages.TITLE_TOO_LONG]})
    return title


def check_department(department) -> None:
    """Records are filed in active departments only."""
    if department is None:
        raise ValidationError({"department": [messages.REQUIRED]})
    if not department.is_active:
        raise ValidationError({"department": [messages.DEPARTMENT_INACTIVE]})
