"""An action item becomes a work step of its assignee's department, and follows it when done.

The meeting creates the step on behalf of the person taking minutes: whoever may take minutes
may hand an action to a participant of another department, as agreed in the meeting. The step's
audit entry still names that person.
"""

from dataclasses import replace

from django.utils import translation
from django.utils.formats import date_format

from deptcoord.core.actor import Actor
from deptcoord.core.language import language_of
from deptcoord.meetings.models import ActionItem
from deptcoord.work.models import Step
from deptcoord.work.services import step_create, step_update


def _on_behalf(actor: Actor) -> Actor:
    return replace(actor, via="system")


def _origin(actor: Actor, item: ActionItem) -> str:
    """Where the step comes from: the meeting and its day, as the person taking minutes
    writes them."""
    with translation.override(language_of(actor.person or item.meeting.organiser)):
        return f"{item.meeting.title} ({date_format(item.occurrence, 'SHORT_DATE_FORMAT')})"


def step_for_action(actor: Actor, item: ActionItem) -> Step | None:
    """Create the step for a new action item (none when the assignee has no department)."""
    department = item.assignee.primary_department
    if department is None:
        return None
    step = step_create(
        actor=_on_behalf(actor),
        department=department,
        title_en=item.title,
        title_vi=item.title,
        assignee=item.assignee,
        due=item.due_date,
        start=item.occurrence if item.due_date else None,
        description=_origin(actor, item),
    )
    ActionItem.objects.filter(pk=item.pk).update(step=step)
    item.step = step
    return step


def step_follow_action(actor: Actor, item: ActionItem) -> None:
    """Mark the step done (or open again) with its action item."""
    if item.step_id is None:
        return
    status = Step.Status.DONE if item.status == ActionItem.Status.DONE else Step.Status.TODO
    step = Step.objects.get(pk=item.step_id)
    if (step.status == Step.Status.DONE) == (status == Step.Status.DONE):
        return
    step_update(
        actor=_on_behalf(actor),
        step_id=step.pk,
        expected_version=None,
        status=status,
        progress=100 if status == Step.Status.DONE else step.progress,
    )
