"""Department standards: the list, a standard's page with its chart, recording measurements."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.audit.exports import audited_export
from deptcoord.core.actor import actor_from
from deptcoord.core.imports import may_import
from deptcoord.core.service_calls import run_service
from deptcoord.goals import exports, selectors, services
from deptcoord.goals.charts import standard_chart
from deptcoord.goals.forms import MeasurementForm, StandardForm
from deptcoord.goals.models import Standard
from deptcoord.goals.services.standards import STANDARD_FIELDS
from deptcoord.goals.views.common import cleaned, people_choices, run_departments
from deptcoord.org import selectors as org

MEASUREMENT_FIELDS = ["day", "value", "note"]


def _standards_filtered(request):
    """The list's filters as read from the address, and the standards they match."""
    department = request.GET.get("department", "")
    department_id = int(department) if department.isdigit() and len(department) < 18 else None
    include_inactive = request.GET.get("inactive") == "1"
    rows = selectors.standards(
        request.facts, timezone.localdate(), department_id, include_inactive=include_inactive
    )
    return department_id, include_inactive, rows


@login_required
def standard_list(request):
    """The standards the person may see, with their latest measurement and what is due."""
    facts = request.facts
    department_id, include_inactive, rows = _standards_filtered(request)
    context = {
        "rows": rows,
        "departments": org.department_choices(facts),
        "department_id": department_id,
        "include_inactive": include_inactive,
        "can_create": run_departments(facts).exists(),
        "can_import": may_import(facts, "goals.measurements"),
        "query_string": request.GET.urlencode(),
    }
    template = (
        "goals/standard_list.html#standards-table" if request.htmx else "goals/standard_list.html"
    )
    return render(request, template, context)


@login_required
def standards_export(request, file_format):
    """The standards as filtered on screen, with their latest measurement, as CSV or XLSX."""
    _department_id, _include_inactive, rows = _standards_filtered(request)
    return audited_export(
        request,
        action="goals.standard.export",
        kind="standards",
        filename=exports.STANDARDS_FILENAME,
        headers=exports.STANDARD_COLUMNS,
        rows=exports.standard_rows(rows),
        file_format=file_format,
    )


@login_required
def standard_create(request):
    """Define a standard for a department the person runs."""
    facts = request.facts
    departments = run_departments(facts)
    if not departments.exists():
        # Nobody may define a standard outside a department: this refuses (and records it).
        require(facts, Action.CHANGE, Standard(department=None))
    initial = {
        "owner": request.person.pk,
        "metric": "percent",
        "comparison": "at_least",
        "frequency": "weekly",
        "currency": org.company().currency,
    }
    form = StandardForm(
        request.POST or None, initial=initial, people=people_choices(facts), departments=departments
    )
    if request.method == "POST" and form.is_valid():
        fields = cleaned(form, STANDARD_FIELDS)
        fields.pop("is_active", None)
        created = run_service(
            request,
            lambda: services.standard_create(
                actor=actor_from(request), department=form.cleaned_data["department"], **fields
            ),
            form=form,
        )
        if standard := created.value:
            messages.success(request, _("Standard “%(title)s” defined.") % {"title": standard})
            return redirect("goals:standard_detail", pk=standard.pk)
    return render(request, "goals/standard_form.html", {"form": form, "standard": None})


@login_required
def standard_detail(request, pk, form=None):
    """A standard: its measurements charted against the threshold, breaches marked."""
    facts = request.facts
    standard = get_visible_or_404(facts, selectors.standard_detail_queryset(), pk=pk)
    history = selectors.measurements(facts, standard)
    may_measure = can(facts, Action.MEASURE, standard)
    context = {
        "standard": standard,
        "measurements": list(reversed(history)),
        "breaches": sum(1 for measurement in history if measurement.breached),
        "chart": standard_chart(standard, history),
        "form": form
        or (MeasurementForm(initial={"day": timezone.localdate()}) if may_measure else None),
        "history": org.history(facts, standard),
        "can_change": can(facts, Action.CHANGE, standard),
    }
    return render(request, "goals/standard_detail.html", context)


@login_required
def standard_edit(request, pk):
    """Change a standard, or deactivate it."""
    facts = request.facts
    standard = get_visible_or_404(facts, Standard, pk=pk)
    require(facts, Action.CHANGE, standard)
    initial = {field: getattr(standard, field) for field in STANDARD_FIELDS}
    initial.update(owner=standard.owner_id, version=standard.version)
    form = StandardForm(request.POST or None, initial=initial, people=people_choices(facts))
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            lambda: services.standard_update(
                actor=actor_from(request),
                standard_id=standard.pk,
                expected_version=form.expected_version(),
                **cleaned(form, STANDARD_FIELDS),
            ),
            form=form,
        )
        if saved:
            messages.success(request, _("Changes saved."))
            return redirect("goals:standard_detail", pk=standard.pk)
    return render(request, "goals/standard_form.html", {"form": form, "standard": standard})


@login_required
@require_POST
def measurement_record(request, pk):
    """Record the standard's value for a period (again to correct it)."""
    facts = request.facts
    standard = get_visible_or_404(facts, Standard, pk=pk)
    require(facts, Action.MEASURE, standard)
    form = MeasurementForm(request.POST)
    if form.is_valid():
        recorded = run_service(
            request,
            lambda: services.measurement_record(
                actor=actor_from(request),
                standard_id=standard.pk,
                **cleaned(form, MEASUREMENT_FIELDS),
            ),
            form=form,
        )
        if measurement := recorded.value:
            if measurement.breached:
                messages.warning(
                    request, _("Measurement saved. It breaches the standard; the owner is told.")
                )
            else:
                messages.success(request, _("Measurement saved."))
            return redirect("goals:standard_detail", pk=standard.pk)
    return standard_detail(request, standard.pk, form=form)
