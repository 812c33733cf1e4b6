"""Giving feedback (praise, advice, warnings), acknowledging and annotating warnings, and
recording every read of a confidential record."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.notices.notifications import notify
from deptcoord.org.models import Person
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.people import messages
from deptcoord.people.models import (
    ConfidentialRead,
    Feedback,
    FeedbackAnnotation,
    FeedbackLevel,
)
from deptcoord.people.services.common import (
    add,
    check_choice,
    check_text,
    raise_if,
    save_with_audit,
    short_date,
)

FEEDBACK_FIELDS = ["kind", "visibility", "subject", "author", "body", "level", "reason"]
EDITABLE = ["visibility", "body", "level", "reason"]
CONFIDENTIAL_TEXT = ("body", "reason")
MASK = "•••"


def _check(data: dict) -> dict:
    errors: dict = {}
    kind = check_choice(errors, "kind", data.get("kind"), Feedback.Kind)
    visibility = check_choice(errors, "visibility", data.get("visibility"), Feedback.Visibility)
    data["body"] = check_text(errors, "body", data.get("body"), messages.BODY_REQUIRED)
    data["reason"] = check_text(errors, "reason", data.get("reason"))
    if kind != Feedback.Kind.PRAISE and visibility == Feedback.Visibility.PUBLIC:
        add(errors, "visibility", messages.PUBLIC_ONLY_FOR_PRAISE)
    level = data.get("level")
    if kind == Feedback.Kind.WARNING:
        if not data["reason"]:
            add(errors, "reason", messages.WARNING_REASON_REQUIRED)
        if level is None or not FeedbackLevel.objects.filter(pk=level.pk, is_active=True).exists():
            add(errors, "level", messages.WARNING_LEVEL_REQUIRED)
    elif level is not None:
        add(errors, "level", messages.LEVEL_ONLY_FOR_WARNINGS)
    raise_if(errors)
    return data


@transaction.atomic
def feedback_give(
    *,
    actor: Actor,
    subject: Person,
    kind: str,
    body: str,
    visibility: str = Feedback.Visibility.PRIVATE,
    level: FeedbackLevel | None = None,
    reason: str = "",
) -> Feedback:
    """Give praise (public or private), advice or a formal warning; the subject is told."""
    # Refuse first, on the feedback as asked for; only then say what is wrong with it.
    authorize(actor, Action.GIVE_FEEDBACK, Feedback(kind=kind, subject=subject))
    errors: dict = {}
    if subject.pk == actor.person_id:
        add(errors, "subject", messages.FEEDBACK_TO_SELF)
    elif not subject.is_active:
        add(errors, "subject", messages.SUBJECT_INACTIVE % {"name": subject.full_name})
    raise_if(errors)
    data = _check(
        {"kind": kind, "visibility": visibility, "body": body, "level": level, "reason": reason}
    )
    feedback = Feedback.objects.create(subject=subject, author=actor.person, **data)
    _audit(actor, feedback, "create", diff({}, snapshot(feedback, FEEDBACK_FIELDS)))
    recheck_reach(actor, feedback)
    _tell_subject(actor, feedback)
    return feedback


def _audit(actor: Actor, feedback: Feedback, kind: str, changes: dict) -> None:
    """Record the change; a confidential text is not copied into the trail (which other roles
    may read), only the fact that it was written or changed."""
    if feedback.is_confidential:
        for field in CONFIDENTIAL_TEXT:
            if field in changes:
                changes[field] = [MASK if value else value for value in changes[field]]
    audit_record(
        actor=actor,
        kind=kind,
        action=f"people.feedback.{kind}",
        target=feedback,
        changes=changes,
        department_id=feedback.subject.primary_department_id,
    )


def _tell_subject(actor: Actor, feedback: Feedback) -> None:
    url = reverse("people:feedback_detail", kwargs={"pk": feedback.pk})
    author = actor.person.full_name if actor.person else "—"
    if feedback.kind == Feedback.Kind.WARNING:
        notify(
            recipient=feedback.subject,
            kind="people.warning_issued",
            message=messages.WARNING_ISSUED,
            params={"author": author, "level": lazy(lambda: feedback.level.name, str)()},
            url=url,
            target=feedback,
            actor=actor.person,
        )
        return
    notify(
        recipient=feedback.subject,
        kind="people.feedback_given",
        message=messages.FEEDBACK_GIVEN,
        params={"author": author, "kind": lazy(lambda: feedback.get_kind_display().lower(), str)()},
        url=url,
        target=feedback,
        actor=actor.person,
    )


@transaction.atomic
def feedback_update(*, actor: Actor, feedback_id: int, expected_version=None, **changes):
    """Correct feedback; an acknowledged warning is final (annotate it instead)."""
    feedback = lock(Feedback, feedback_id)
    authorize(actor, Action.CHANGE, feedback)
    check_version(feedback, expected_version)
    if feedback.is_acknowledged:
        raise_if(
            {
                "body": [
                    messages.ACKNOWLEDGED_IS_FINAL
                    % {"day": short_date(timezone.localtime(feedback.acknowledged_at).date())}
                ]
            }
        )
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Unknown feedback fields: {sorted(unknown)}")
    data = {field: changes.get(field, getattr(feedback, field)) for field in EDITABLE}
    data["kind"] = feedback.kind
    data = _check(data)
    data.pop("kind")
    before = snapshot(feedback, EDITABLE)
    for field, value in data.items():
        setattr(feedback, field, value)
    changes = diff(before, snapshot(feedback, EDITABLE))
    if changes:
        feedback.version += 1
        feedback.save()
        _audit(actor, feedback, "update", changes)
    return feedback


@transaction.atomic
def feedback_acknowledge(*, actor: Actor, feedback_id: int) -> Feedback:
    """The subject acknowledges a warning (once, with the time); it is final from then on."""
    feedback = lock(Feedback, feedback_id)
    authorize(actor, Action.ACKNOWLEDGE, feedback)
    if feedback.kind != Feedback.Kind.WARNING:
        raise_if({"kind": [messages.ONLY_WARNINGS_ACKNOWLEDGED]})
    if feedback.is_acknowledged:
        day = short_date(timezone.localtime(feedback.acknowledged_at).date())
        raise_if({"acknowledged_at": [messages.ALREADY_ACKNOWLEDGED % {"day": day}]})
    before = snapshot(feedback, ["acknowledged_at"])
    feedback.acknowledged_at = timezone.now()
    save_with_audit(
        actor,
        feedback,
        before,
        ["acknowledged_at"],
        "people.feedback.acknowledge",
        feedback.subject.primary_department_id,
    )
    return feedback


@transaction.atomic
def feedback_annotate(*, actor: Actor, feedback_id: int, body: str) -> FeedbackAnnotation:
    """Add an annotation to advice or a warning (the subject's side of the story, a follow-up)."""
    feedback = lock(Feedback, feedback_id)
    authorize(actor, Action.ANNOTATE, feedback)
    errors: dict = {}
    text = check_text(errors, "body", body, messages.ANNOTATION_REQUIRED)
    raise_if(errors)
    annotation = FeedbackAnnotation.objects.create(
        feedback=feedback, author=actor.person, body=text
    )
    audit_record(
        actor=actor,
        kind="update",
        action="people.feedback.annotate",
        target=feedback,
        changes={"annotation": [None, MASK if feedback.is_confidential else text]},
        department_id=feedback.subject.primary_department_id,
    )
    return annotation


def reads_record(*, actor: Actor, feedback=(), notes=(), via: str = "web") -> None:
    """Record that the actor read these confidential records (warnings, advice, private notes).

    Called by every page, API response and export that shows them; also a security event in the
    audit trail, so the trail alone tells who read what.
    """
    rows = [
        ConfidentialRead(reader=actor.person, feedback=item, via=via)
        for item in feedback
        if item.is_confidential
    ]
    rows += [ConfidentialRead(reader=actor.person, private_note=note, via=via) for note in notes]
    if not rows or actor.person is None:
        return
    ConfidentialRead.objects.bulk_create(rows)
    ids = [row.feedback_id or row.private_note_id for row in rows]
    audit_record(
        actor=actor,
        kind="security",
        action="people.confidential.read",
        target_type="people.Feedback" if rows[0].feedback_id else "people.PrivateNote",
        target_label=f"{len(rows)} confidential records",
        changes={"ids": ids, "via": via},
    )
