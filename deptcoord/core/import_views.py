"""The pages of the import flow, shared by every kind: the upload with its preview, and the
confirmation that applies it."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as __
from django.utils.translation import gettext_lazy as _

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.core.imports import (
    import_kind,
    import_upload_apply,
    import_upload_create,
    split_kind,
)
from deptcoord.core.models import ImportUpload
from deptcoord.core.service_calls import run_service
from deptcoord.core.spreadsheets import template_response

TEMPLATE_FORMATS = ("csv", "xlsx")


class ImportForm(forms.Form):
    """Upload a CSV or XLSX file for preview."""

    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".csv,.xlsx"}),
    )


def import_upload_page(request, kind: str, *, template: str, context: dict, scope: str = ""):
    """The upload page of a kind: the form, and after a POST the preview of every row.

    ``template`` has an ``import-result`` partial, which answers htmx posts.
    """
    entry = import_kind(kind)
    require(request.facts, Action.IMPORT, entry.target(request.facts, scope))
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {**context, "form": form, **_column_help(entry, scope)}
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        content = file.read(settings.IMPORT_MAX_BYTES + 1)
        outcome = run_service(
            request,
            lambda: import_upload_create(
                actor=actor_from(request),
                kind=kind,
                scope=scope,
                filename=file.name,
                content=content,
            ),
            form=form,
        )
        if outcome:
            context["upload"], context["report"] = outcome.value
    name = f"{template}#import-result" if request.htmx else template
    return render(request, name, context)


def import_confirm_page(request, upload_id, *, kinds: set[str], template: str, context_for):
    """Apply a previewed upload of one of ``kinds``; its uploader alone may.

    Done: back to the kind's page with a summary. A row that has become bad: the preview
    again. Already applied (a confirm sent twice): the upload page with that message, and
    status 409.
    ``context_for(name, scope)`` gives the page's own context.
    """
    by_kind = Q(kind__in=kinds)
    for name in kinds:
        by_kind |= Q(kind__startswith=f"{name}:")
    upload = get_visible_or_404(request.facts, ImportUpload.objects.filter(by_kind), pk=upload_id)
    name, scope = split_kind(upload.kind)
    entry = import_kind(name)
    require(request.facts, Action.IMPORT, entry.target(request.facts, scope))
    outcome = run_service(
        request, lambda: import_upload_apply(actor=actor_from(request), upload_id=upload.pk)
    )
    if outcome and outcome.value[1].saved:
        messages.success(request, entry.done_message % outcome.value[1].summary)
        return redirect(entry.done_url(scope))
    context = {**context_for(name, scope), "form": ImportForm(), **_column_help(entry, scope)}
    if outcome:
        context["upload"], context["report"] = outcome.value
    return render(request, template, context, status=200 if outcome else 409)


def _column_help(entry, scope: str) -> dict:
    """What the upload page says about the columns, and the links to the blank templates."""
    query = f"?{urlencode({'scope': scope})}" if scope else ""
    return {
        "columns": entry.columns,
        "column_labels": {column: entry.label(column) for column in entry.columns},
        "column_help": [
            (column, entry.label(column), column in entry.required) for column in entry.columns
        ],
        "template_urls": {
            file_format: reverse("import_template", args=[entry.name, file_format]) + query
            for file_format in TEMPLATE_FORMATS
        },
    }


@login_required
def import_template(request, kind: str, file_format: str):
    """A blank file for a kind of import, in the reader's language: the column names, an
    example row, and the codes each column accepts."""
    try:
        entry = import_kind(kind)
    except LookupError:
        raise Http404 from None
    if file_format not in TEMPLATE_FORMATS:
        raise Http404
    scope = request.GET.get("scope", "")
    require(request.facts, Action.IMPORT, entry.target(request.facts, scope))
    notes = [
        __("Required columns: %(columns)s")
        % {"columns": ", ".join(entry.label(c) for c in entry.columns if c in entry.required)},
        __("The second row is an example: replace it, or leave it as it is and it is skipped."),
        __("A column may be named in English or Vietnamese, or by its code (%(example)s).")
        % {"example": entry.columns[0]},
    ]
    for column, values in entry.allowed(request.facts, scope).items():
        notes.append(
            __("%(column)s accepts: %(values)s")
            % {"column": entry.label(column), "values": ", ".join(str(v) for v in values)}
        )
    return template_response(
        entry.name.replace(".", "-") + "-" + __("template"),
        [entry.label(column) for column in entry.columns],
        [entry.example.get(column, "") for column in entry.columns],
        notes,
        file_format,
    )
