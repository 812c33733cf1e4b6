"""What the lists of steps share (a project's, a department's, "my steps"): the controls of
each row (status, assignee and due date changed in place), and changing the selected steps
at once. Both call the same services as the step's own page and the API."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deptcoord.access import Action, get_visible_or_404, report_refusal
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import SERVICE_ERRORS, error_messages
from deptcoord.org.models import Person
from deptcoord.work import selectors, services
from deptcoord.work.access import step_rights
from deptcoord.work.models import Step
from deptcoord.work.services.steps import KEEP

NOBODY = "none"  # the assignee choice that leaves a step unassigned
LAYOUTS = {"project", "department", "mine"}


def prepare_rows(facts, steps) -> list[Step]:
    """The steps with what their row offers: ``can_change`` (assignee, due date),
    ``can_progress`` (status) and ``people`` (whom it may be given to), in a fixed number of
    queries whatever the number of rows."""
    steps = list(steps)
    rights = step_rights(facts, steps)
    people = selectors.assignable_people(step.department_id for step in steps)
    written: dict[int, str] = {}  # each department's <option>s, written once for all its rows
    for step in steps:
        allowed = rights.get(step.pk, frozenset())
        step.can_change = Action.CHANGE in allowed
        step.can_progress = Action.UPDATE_PROGRESS in allowed
        members = people.get(step.department_id, [])
        # Lent by a request, or no longer a member: still offered, first.
        lent = bool(step.assignee_id) and all(person.pk != step.assignee_id for person in members)
        step.people = [step.assignee, *members] if lent else list(members)
        if step.can_change:
            if step.department_id not in written:
                written[step.department_id] = _options(members)
            step.people_options = _assignee_options(step, written[step.department_id], lent)
    return steps


def _options(people) -> str:
    return format_html_join(
        "", '<option value="{}">{}</option>', ((person.pk, person.full_name) for person in people)
    )


def _assignee_options(step: Step, members: str, lent: bool) -> str:
    """A row's assignee <option>s with its assignee selected. A list of hundreds of rows repeats
    its departments' few dozen names, so each department's are written once and reused."""
    if lent:
        members = _options([step.assignee]) + members
    if not step.assignee_id:
        return members
    mark = f'<option value="{step.assignee_id}">'
    # The names went through format_html_join; only the attribute is added here.
    return mark_safe(members.replace(mark, f'<option value="{step.assignee_id}" selected>', 1))


def list_context(steps: list[Step], layout: str) -> dict:
    """What the list's controls need beside the rows: the statuses, whom the bulk change may
    give steps to, and whether any row can be changed at all."""
    people: dict[int, Person] = {}
    for step in steps:
        if step.can_change:
            for person in step.people:
                people.setdefault(person.pk, person)
    return {
        "layout": layout if layout in LAYOUTS else "project",
        "statuses": Step.Status.choices,
        "bulk_people": [  # (id, name) for the options tag
            (person.pk, person.full_name)
            for person in sorted(people.values(), key=lambda person: (person.full_name, person.pk))
        ],
        "selectable": any(step.can_change or step.can_progress for step in steps),
        "can_reassign": bool(people),
    }


def _selected(request) -> list[tuple[int, int | None]]:
    pairs = []
    for value in request.POST.getlist("step")[:1000]:
        pk, _sep, version = value.partition(":")
        if pk.isdigit() and len(pk) < 10:
            pairs.append((int(pk), int(version) if version.isdigit() and len(version) < 10 else 0))
    return pairs


def bulk_change(request) -> dict:
    """Apply the bulk form to the selected steps; what the list shows about it afterwards
    (after a refusal, the steps stay selected and the form keeps what was chosen)."""
    pairs = _selected(request)
    chosen = {name: request.POST.get(name, "")[:20] for name in ("status", "assignee", "due")}
    changes = {}
    if request.POST.get("status"):
        changes["status"] = request.POST["status"]
    assignee = request.POST.get("assignee", "")
    if assignee == NOBODY:
        changes["assignee"] = None
    elif assignee:
        try:
            changes["assignee"] = get_visible_or_404(request.facts, Person, pk=assignee)
        except Http404:
            return _refused(
                pairs, [_("That person is not in the list. Choose another one.")], chosen
            )
    if request.POST.get("due"):
        changes["due"] = request.POST["due"]
    try:
        steps = services.steps_bulk_update(
            actor=actor_from(request),
            items=pairs,
            status=changes.get("status", KEEP),
            assignee=changes.get("assignee", KEEP),
            due=changes.get("due", KEEP),
        )
    except SERVICE_ERRORS as error:
        return _refused(pairs, error_messages(error), chosen)
    except PermissionDenied as refusal:
        report_refusal(refusal)
        reason = str(getattr(refusal, "message", "")) or _("You may not do this.")
        return _refused(pairs, [reason], chosen)
    except Http404:
        reason = _("One of the selected steps no longer exists. Reload the list.")
        return _refused(pairs, [reason], chosen)
    count = len(steps)
    return {
        "bulk_done": ngettext("Updated %(count)s step.", "Updated %(count)s steps.", count)
        % {"count": count}
    }


def _refused(pairs, reasons, chosen) -> dict:
    return {
        "bulk_refused": reasons,
        "selected": {pk for pk, _version in pairs},
        "chosen": chosen,
    }


def inline_change(request, step: Step) -> list[str]:
    """Change one field of a step from its row; the reasons when it was refused."""
    field = request.POST.get("field", "")
    version = request.POST.get("version", "")
    expected = int(version) if version.isdigit() and len(version) < 10 else None
    value = request.POST.get(field, "")
    actor = actor_from(request)
    try:
        if field == "status":
            services.step_progress(
                actor=actor, step_id=step.pk, expected_version=expected, status=value
            )
        elif field == "assignee":
            person = None
            if value and value != NOBODY:
                person = get_visible_or_404(request.facts, Person, pk=value)
            services.step_update(
                actor=actor, step_id=step.pk, expected_version=expected, assignee=person
            )
        elif field == "due":
            services.step_update(
                actor=actor, step_id=step.pk, expected_version=expected, due=value or None
            )
        else:
            return [_("Choose the status, the assignee or the due date.")]
    except SERVICE_ERRORS as error:
        return error_messages(error)
    except Http404:
        return [_("That person is not in the list. Choose another one.")]
    except PermissionDenied as refusal:
        report_refusal(refusal)
        return [_("You may not change this on this step.")]
    return []
