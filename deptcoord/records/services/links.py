"""Linking notes and documents to other records: only records the actor may see."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from deptcoord.access import Action, can
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import lock
from deptcoord.records import messages
from deptcoord.records.models import Document, Note, RecordLink
from deptcoord.search.linkables import linkable_for_model, linkables


def _target(actor: Actor, kind: str, target_id):
    linkable = linkables().get(kind)
    if linkable is None:
        raise ValidationError({"target": [messages.LINK_UNKNOWN]})
    try:
        target = linkable.model._default_manager.get(pk=int(target_id))
    except (linkable.model.DoesNotExist, TypeError, ValueError, OverflowError):
        raise ValidationError({"target": [messages.LINK_NOT_FOUND]}) from None
    if actor.via != "system" and not can(actor.facts, Action.VIEW, target):
        raise ValidationError({"target": [messages.LINK_NOT_FOUND]})
    return target


def _link(actor: Actor, source, target) -> RecordLink:
    field = "note" if isinstance(source, Note) else "document"
    content_type = ContentType.objects.get_for_model(type(target))
    if RecordLink.objects.filter(
        **{field: source}, target_type=content_type, target_id=target.pk
    ).exists():
        raise ValidationError({"target": [messages.LINK_EXISTS]})
    link = RecordLink.objects.create(
        **{field: source}, target_type=content_type, target_id=target.pk
    )
    audit_record(
        actor=actor,
        kind="update",
        action=f"records.{field}.link",
        target=source,
        changes={"link": [None, {"id": target.pk, "label": str(target)}]},
        department_id=source.department_id,
    )
    return link


def add_links(actor: Actor, source, targets) -> None:
    """Link a new record to others: model instances, or (kind, id) pairs."""
    for target in targets or ():
        if isinstance(target, tuple):
            target = _target(actor, *target)
        elif linkable_for_model(type(target)) is None:
            raise ValidationError({"target": [messages.LINK_UNKNOWN]})
        elif actor.via != "system" and not can(actor.facts, Action.VIEW, target):
            raise ValidationError({"target": [messages.LINK_NOT_FOUND]})
        _link(actor, source, target)


def _source(model, source_id: int):
    return lock(model, source_id)


@transaction.atomic
def record_link_add(
    *, actor: Actor, kind: str, target_id: int, note_id=None, document_id=None
) -> RecordLink:
    """Link a note (or a document) the actor may change to a record the actor may see."""
    source = _source(Note, note_id) if note_id else _source(Document, document_id)
    authorize(actor, Action.CHANGE, source)
    return _link(actor, source, _target(actor, kind, target_id))


@transaction.atomic
def record_link_remove(*, actor: Actor, link_id: int) -> None:
    """Remove a link from a note or a document the actor may change."""
    link = RecordLink.objects.select_related("note", "document", "target_type").get(pk=link_id)
    source = link.source
    authorize(actor, Action.CHANGE, source)
    field = "note" if link.note_id else "document"
    audit_record(
        actor=actor,
        kind="update",
        action=f"records.{field}.unlink",
        target=source,
        changes={"link": [{"id": link.target_id, "label": str(link)}, None]},
        department_id=source.department_id,
    )
    link.delete()
