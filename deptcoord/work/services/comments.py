"""Discussing a step: comments, and @mentions that notify the person named."""

import re

from django.db import transaction
from django.db.models import Q

from deptcoord.access import Action
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.notices.notifications import notify, translated
from deptcoord.org.models import Person
from deptcoord.work import messages
from deptcoord.work.models import Step, StepComment
from deptcoord.work.services.common import record_created, record_deleted
from deptcoord.work.services.notices import step_url
from deptcoord.work.validation import add, raise_if

MENTION = re.compile(r"(?<![\w.])@([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])")
COMMENT_FIELDS = ["step", "author", "body"]
LONGEST_COMMENT = 5000


def mentioned_people(body: str) -> list[Person]:
    """The active people named as @handle (the part of their e-mail before the @)."""
    handles = {handle.lower() for handle in MENTION.findall(body or "")}
    if not handles:
        return []
    wanted = Q(pk__in=[])
    for handle in handles:
        wanted |= Q(email__istartswith=f"{handle}@")
    people = Person.objects.filter(wanted, is_active=True)
    return [p for p in people if p.email.split("@", 1)[0].lower() in handles]


@transaction.atomic
def comment_post(*, actor: Actor, step: Step, body: str) -> StepComment:
    """Add a comment to a step; everyone mentioned who may see the step is notified."""
    authorize(actor, Action.COMMENT, step)
    errors: dict = {}
    body = (body or "").strip()
    if not body:
        add(errors, "body", messages.COMMENT_EMPTY)
    elif len(body) > LONGEST_COMMENT:
        add(errors, "body", messages.COMMENT_TOO_LONG)
    raise_if(errors)
    comment = StepComment.objects.create(step=step, author=actor.person, body=body)
    people = [p for p in mentioned_people(body) if p.pk != actor.person_id]
    comment.mentions.set(people)
    record_created(actor, comment, COMMENT_FIELDS, "work.comment.post", step.department_id)
    for person in people:
        notify(
            recipient=person,
            kind="work.mention",
            message=messages.MENTIONED,
            params={
                "author": actor.person,
                "step": translated(lambda: step.title),
                "excerpt": body[:140],
            },
            actor=actor.person,
            url=step_url(step) + f"#comment-{comment.pk}",
            target=step,
        )
    return comment


@transaction.atomic
def comment_delete(*, actor: Actor, comment_id: int, expected_version=None) -> None:
    """Remove a comment (its author, or an admin)."""
    comment = lock(StepComment, comment_id)
    authorize(actor, Action.DELETE, comment)
    check_version(comment, expected_version)
    record_deleted(
        actor, comment, COMMENT_FIELDS, "work.comment.delete", comment.step.department_id
    )
    comment.delete()
