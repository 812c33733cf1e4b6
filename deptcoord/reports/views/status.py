"""Status report pages: the list, a new report, the report (draft, submit, receipts, comments,
decision), its PDF and workbook, and the executives' company roll-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404
from deptcoord.audit.exports import audited_export
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import actor_from
from deptcoord.core.versioning import StaleVersionError
from deptcoord.org import selectors as org
from deptcoord.records.markdown_render import render_markdown
from deptcoord.reports import exports, presenting, services
from deptcoord.reports.forms import (
    CommentForm,
    DecisionForm,
    NarrativeForm,
    ReportCreateForm,
    SubmitForm,
)
from deptcoord.reports.models import StatusReport
from deptcoord.reports.selectors import status as selectors
from deptcoord.reports.services.status import last_week

SAVED = _("The narrative is saved.")
SUBMITTED = _("The report is submitted and sent to its recipients.")
ACKNOWLEDGED = _("You acknowledged the report.")
COMMENTED = _("Your comment is posted.")
DECIDED = _("Your decision is recorded and the author is told.")
DELETED = _("The draft is deleted.")


def _number(text) -> int | None:
    return int(text) if text and str(text).isdigit() else None


def _reports_filtered(request):
    chosen = {
        "department": _number(request.GET.get("department")),
        "state": request.GET.get("state", ""),
        "kind": request.GET.get("kind", ""),
    }
    found = selectors.reports(
        request.facts,
        department_id=chosen["department"],
        state=chosen["state"],
        kind=chosen["kind"],
    )
    return chosen, found


@login_required
def report_list(request):
    """The reports the person may see, filtered by department, state and kind."""
    facts = request.facts
    chosen, found = _reports_filtered(request)
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "departments": org.departments_allowing(facts, Action.VIEW).order_by("code"),
        "states": StatusReport.State.choices,
        "kinds": StatusReport.Kind.choices,
        "chosen": chosen,
        "can_create": selectors.departments_to_report(facts).exists(),
        "can_rollup": selectors.may_see_rollup(facts),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "reports/report_list.html", context)


@login_required
def reports_export(request, file_format):
    """The reports as filtered on screen, as CSV or XLSX."""
    _chosen, found = _reports_filtered(request)
    rows = exports.report_rows(found)
    return audited_export(
        request,
        action="reports.report.export",
        kind="reports",
        filename=exports.REPORTS_FILENAME,
        headers=exports.REPORT_COLUMNS,
        rows=rows,
        file_format=file_format,
    )


@login_required
def report_create(request):
    """Start a report for a department and period."""
    departments = selectors.departments_to_report(request.facts)
    if not departments.exists():
        raise PermissionDenied
    start, end = last_week(timezone.localdate())
    initial = {"period_start": start, "period_end": end, "kind": StatusReport.Kind.WEEKLY}
    primary = request.facts.primary_department_id
    chosen = next((d for d in departments if d.pk == primary), None)
    if chosen is not None or len(departments) == 1:
        initial["department"] = chosen or departments[0]
    form = ReportCreateForm(request.POST or None, initial=initial, departments=departments)
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                actor=actor_from(request),
                department=form.cleaned_data["department"],
                kind=form.cleaned_data["kind"],
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            )
        except ValidationError as error:
            form.apply_service_error(error)
            existing = getattr(error, "existing", None)
        else:
            return redirect("reports:detail", report.pk)
    return render(request, "reports/report_form.html", {"form": form, "existing": existing})


def _report(request, pk) -> StatusReport:
    return get_visible_or_404(request.facts, selectors.report_detail_queryset(), pk=pk)


def _context(request, report: StatusReport, **forms) -> dict:
    facts = request.facts
    shown = presenting.figures(report)
    may = {
        action: can(facts, action, report)
        for action in (
            Action.CHANGE,
            Action.SUBMIT,
            Action.ACKNOWLEDGE,
            Action.COMMENT,
            Action.DECIDE,
            Action.DELETE,
        )
    }
    receipts = selectors.receipts(report)
    mine = next((r for r in receipts if r.recipient_id == facts.person_id), None)
    people = selectors.recipient_choices(report)
    chosen = [receipt.recipient_id for receipt in receipts]
    return {
        "report": report,
        "figures": shown,
        "narrative_html": render_markdown(report.narrative),
        "may": {str(key): value for key, value in may.items()},
        "receipts": receipts,
        "my_receipt": mine,
        "comments": selectors.comments(report),
        "history": org.history(facts, report) if can(facts, Action.VIEW_HISTORY, report) else [],
        "narrative_form": forms.get("narrative_form")
        or NarrativeForm(initial={"narrative": report.narrative, "version": report.version}),
        "submit_form": forms.get("submit_form")
        or SubmitForm(initial={"recipients": chosen, "version": report.version}, people=people),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "decision_form": forms.get("decision_form")
        or DecisionForm(initial={"version": report.version}),
    }


@login_required
def report_detail(request, pk):
    """A report: its figures and narrative, and what the viewer may do with it."""
    report = _report(request, pk)
    if report.is_published and request.person is not None:
        services.report_mark_read(report=report, person=request.person)
    return render(request, "reports/report_detail.html", _context(request, report))


def _rerender(request, report, status=200, **forms):
    return render(
        request, "reports/report_detail.html", _context(request, report, **forms), status=status
    )


def _post(request, report, form, name, service, done, to=None):
    """Run a report's form through its service and go back to the report (``to``, or its
    page), or show the form again with the service's reasons."""
    if form.is_valid():
        try:
            service(actor_from(request), form)
        except (ValidationError, StaleVersionError) as error:
            form.apply_service_error(error)
        else:
            messages.success(request, done)
            return redirect(to or report.get_absolute_url())
    return _rerender(request, report, **{name: form})


@login_required
@require_POST
def report_edit(request, pk):
    """Save a draft's narrative."""
    report = _report(request, pk)

    def save(actor, form):
        services.report_update(
            actor=actor,
            report_id=report.pk,
            expected_version=form.expected_version(),
            narrative=form.cleaned_data["narrative"],
        )

    return _post(request, report, NarrativeForm(request.POST), "narrative_form", save, SAVED)


@login_required
@require_POST
def report_submit(request, pk):
    """Freeze the figures and send the report."""
    report = _report(request, pk)
    form = SubmitForm(request.POST, people=selectors.recipient_choices(report))

    def submit(actor, form):
        services.report_submit(
            actor=actor,
            report_id=report.pk,
            expected_version=form.expected_version(),
            recipient_ids=[person.pk for person in form.cleaned_data["recipients"]],
        )

    return _post(request, report, form, "submit_form", submit, SUBMITTED)


@login_required
@require_POST
def report_acknowledge(request, pk):
    """A recipient acknowledges the report."""
    report = _report(request, pk)
    try:
        services.report_acknowledge(actor=actor_from(request), report_id=report.pk)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, ACKNOWLEDGED)
    return redirect("reports:detail", report.pk)


@login_required
@require_POST
def report_comment(request, pk):
    """Comment on the report."""
    report = _report(request, pk)

    def comment(actor, form):
        services.report_comment(actor=actor, report_id=report.pk, body=form.cleaned_data["body"])

    to = f"{report.get_absolute_url()}#comments"
    return _post(request, report, CommentForm(request.POST), "comment_form", comment, COMMENTED, to)


@login_required
@require_POST
def report_decide(request, pk):
    """Accept the report or send it back for revision."""
    report = _report(request, pk)

    def decide(actor, form):
        services.report_decide(
            actor=actor,
            report_id=report.pk,
            expected_version=form.expected_version(),
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
        )

    return _post(request, report, DecisionForm(request.POST), "decision_form", decide, DECIDED)


@login_required
@require_POST
def report_delete(request, pk):
    """Delete a draft."""
    report = _report(request, pk)
    try:
        services.report_delete(actor=actor_from(request), report_id=report.pk)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("reports:detail", report.pk)
    messages.success(request, DELETED)
    return redirect("reports:list")


def _filename(report: StatusReport, extension: str) -> str:
    return f"report-{report.department.code}-{report.period_start:%Y%m%d}-{report.period_end:%Y%m%d}.{extension}"


def _record_download(request, report: StatusReport, file_format: str) -> None:
    audit_record(
        actor=actor_from(request),
        kind="security",
        action="reports.report.export",
        target=report,
        changes={"format": file_format},
        department_id=report.department_id,
    )


def pdf_response(request, report: StatusReport) -> HttpResponse:
    """The report's PDF as a download (recorded as a security event)."""
    context = _context(request, report)
    context["request"] = request
    body = presenting.pdf(report, context)
    _record_download(request, report, "pdf")
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "pdf")}"'
    return response


def xlsx_response(request, report: StatusReport) -> HttpResponse:
    """The report's workbook as a download (recorded as a security event)."""
    body = presenting.workbook(report, presenting.figures(report))
    _record_download(request, report, "xlsx")
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "xlsx")}"'
    return response


@login_required
def report_pdf(request, pk):
    """The report as a PDF."""
    return pdf_response(request, _report(request, pk))


@login_required
def report_xlsx(request, pk):
    """The report as an XLSX workbook."""
    return xlsx_response(request, _report(request, pk))


@login_required
def rollup(request):
    """Every department side by side (executives and admins)."""
    if not selectors.may_see_rollup(request.facts):
        raise PermissionDenied
    rows = selectors.rollup(request.facts)
    return render(request, "reports/rollup.html", {"rows": rows})
