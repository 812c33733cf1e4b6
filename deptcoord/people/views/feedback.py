"""Feedback pages: the list, giving feedback, a piece of feedback (acknowledging, annotating,
who read it), and the recognition wall."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.service_calls import show_denial
from deptcoord.org import selectors as org
from deptcoord.org.views.common import paginate
from deptcoord.people import exports, selectors, services
from deptcoord.people import messages as people_messages
from deptcoord.people.access import feedback_kinds_given, may_give_feedback
from deptcoord.people.forms import FeedbackEditForm, FeedbackForm, TextForm
from deptcoord.people.models import Feedback
from deptcoord.people.views.common import SERVICE_ERRORS, cleaned, may, report

FEEDBACK_FIELDS = ["kind", "visibility", "body", "level", "reason"]
EDIT_FIELDS = ["visibility", "body", "level", "reason"]


def _number(text) -> int | None:
    return int(text) if str(text).isdigit() and len(str(text)) < 18 else None


def _feedback_filtered(request):
    """The list's filters as read from the address, and the feedback they match."""
    kind = request.GET.get("kind", "")
    direction = request.GET.get("direction", "")
    person_id = _number(request.GET.get("person", ""))
    rows = selectors.feedback_list(
        request.facts, kind=kind, person_id=person_id, direction=direction
    )
    return kind, direction, rows


@login_required
def feedback_list(request):
    """Feedback the viewer may see: received, given, and (for those who run a department or HR)
    their people's. Confidential texts open only on their own page, where each read is
    recorded."""
    kind, direction, rows = _feedback_filtered(request)
    page = paginate(request, rows)
    context = {
        "rows": page,
        "page": page,
        "kind": kind,
        "direction": direction,
        "kinds": Feedback.Kind.choices,
        "can_give": may_give_feedback(request.facts),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "people/feedback_list.html", context)


@login_required
def feedback_export(request, file_format):
    """The feedback as filtered on screen, as CSV or XLSX; like the list, without the text of
    advice and warnings."""
    _kind, _direction, rows = _feedback_filtered(request)
    return audited_export(
        request,
        action="people.feedback.export",
        kind="feedback",
        filename=exports.FEEDBACK_FILENAME,
        headers=exports.FEEDBACK_COLUMNS,
        rows=exports.feedback_rows(rows),
        file_format=file_format,
    )


@login_required
def feedback_create(request):
    """Give a colleague praise, advice or a formal warning."""
    facts = request.facts
    require(facts, Action.VIEW, org.company())
    kind = request.GET.get("kind", Feedback.Kind.PRAISE)
    initial = {
        "kind": kind if kind in Feedback.Kind.values else Feedback.Kind.PRAISE,
        "subject": _number(request.GET.get("subject", "")),
        "visibility": Feedback.Visibility.PUBLIC
        if kind == Feedback.Kind.PRAISE
        else Feedback.Visibility.PRIVATE,
    }
    form = FeedbackForm(
        request.POST or None,
        initial=initial,
        people=org.people(facts).exclude(pk=request.person.pk),
        levels=selectors.levels(facts),
        kinds=feedback_kinds_given(facts),
    )
    if request.method == "POST" and form.is_valid():
        try:
            feedback = services.feedback_give(
                actor=actor_from(request),
                subject=form.cleaned_data["subject"],
                **cleaned(form, FEEDBACK_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        except PermissionDenied as refusal:
            show_denial(form, refusal, people_messages.FEEDBACK_NOT_YOURS, "subject")
        else:
            messages.success(
                request,
                _("Feedback saved; %(name)s is told.") % {"name": feedback.subject.full_name},
            )
            return redirect("people:feedback_detail", pk=feedback.pk)
    return render(request, "people/feedback_form.html", {"form": form, "feedback": None})


@login_required
def feedback_detail(request, pk, annotation_form=None):
    """One piece of feedback with its annotations; reading a confidential one is recorded, and
    its subject and HR see who read it."""
    facts = request.facts
    feedback = get_visible_or_404(facts, selectors.feedback_detail_queryset(), pk=pk)
    services.reads_record(actor=actor_from(request), feedback=[feedback])
    may_annotate = may(request, Action.ANNOTATE, feedback)
    context = {
        "feedback": feedback,
        "annotations": list(feedback.annotations.all()),
        "can_change": may(request, Action.CHANGE, feedback) and not feedback.is_acknowledged,
        "can_acknowledge": may(request, Action.ACKNOWLEDGE, feedback)
        and not feedback.is_acknowledged,
        "annotation_form": annotation_form or (TextForm() if may_annotate else None),
        "can_see_reads": may(request, Action.VIEW_READS, feedback),
        "reads": selectors.reads(facts, feedback),
        "history": org.history(facts, feedback),
    }
    return render(request, "people/feedback_detail.html", context)


@login_required
def feedback_edit(request, pk):
    """Correct feedback; an acknowledged warning is final."""
    facts = request.facts
    feedback = get_visible_or_404(facts, Feedback, pk=pk)
    require(facts, Action.CHANGE, feedback)
    initial = {field: getattr(feedback, field) for field in EDIT_FIELDS}
    initial.update(level=feedback.level_id, version=feedback.version)
    form = FeedbackEditForm(request.POST or None, initial=initial, levels=selectors.levels(facts))
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_update(
                actor=actor_from(request),
                feedback_id=feedback.pk,
                expected_version=form.expected_version(),
                **cleaned(form, EDIT_FIELDS),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:feedback_detail", pk=feedback.pk)
    elif request.method == "GET":
        services.reads_record(actor=actor_from(request), feedback=[feedback])
    return render(request, "people/feedback_form.html", {"form": form, "feedback": feedback})


@login_required
@require_POST
def feedback_acknowledge(request, pk):
    """The subject acknowledges a warning; it is final from then on."""
    feedback = get_visible_or_404(request.facts, Feedback, pk=pk)
    require(request.facts, Action.ACKNOWLEDGE, feedback)
    try:
        services.feedback_acknowledge(actor=actor_from(request), feedback_id=feedback.pk)
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Warning acknowledged."))
    return redirect("people:feedback_detail", pk=feedback.pk)


@login_required
@require_POST
def feedback_annotate(request, pk):
    """Add an annotation to advice or a warning."""
    feedback = get_visible_or_404(request.facts, Feedback, pk=pk)
    require(request.facts, Action.ANNOTATE, feedback)
    form = TextForm(request.POST)
    if form.is_valid():
        try:
            services.feedback_annotate(
                actor=actor_from(request), feedback_id=feedback.pk, body=form.cleaned_data["body"]
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Annotation added."))
            return redirect("people:feedback_detail", pk=feedback.pk)
    return feedback_detail(request, feedback.pk, annotation_form=form)


def _wall_department(request) -> int | None:
    return _number(request.GET.get("department", ""))


@login_required
def wall(request):
    """The recognition wall: public praise, for one department or the whole company."""
    department_id = _wall_department(request)
    context = {
        "praise": selectors.wall(request.facts, department_id),
        "departments": org.department_choices(request.facts),
        "department_id": department_id,
        "can_give": may_give_feedback(request.facts),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "people/wall.html", context)


@login_required
def wall_export(request, file_format):
    """All public praise of the wall's department (or the whole company), as CSV or XLSX."""
    praise = selectors.wall_praise(request.facts, _wall_department(request))
    return audited_export(
        request,
        action="people.praise.export",
        kind="praise",
        filename=exports.WALL_FILENAME,
        headers=exports.WALL_COLUMNS,
        rows=exports.wall_rows(praise),
        file_format=file_format,
    )
