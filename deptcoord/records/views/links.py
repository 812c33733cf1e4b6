"""Linking notes and documents to goals, projects, steps, meetings and people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.records import selectors, services
from deptcoord.records.forms import LinkForm
from deptcoord.records.models import Document, Note, RecordLink
from deptcoord.records.views.common import SERVICE_ERRORS, report


def _add(request, source, **source_id):
    require(request.facts, Action.CHANGE, source)
    form = LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pick a record to link from the list."))
        return
    try:
        services.record_link_add(actor=actor_from(request), **form.cleaned_data, **source_id)
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Link added."))


@login_required
@require_POST
def note_link_add(request, pk):
    """Link the note to a record the person may see."""
    note = get_visible_or_404(request.facts, Note, pk=pk)
    _add(request, note, note_id=note.pk)
    return redirect("records:note_detail", pk=note.pk)


@login_required
@require_POST
def document_link_add(request, pk):
    """Link the document to a record the person may see."""
    document = get_visible_or_404(request.facts, Document, pk=pk)
    _add(request, document, document_id=document.pk)
    return redirect("records:document_detail", pk=document.pk)


@login_required
@require_POST
def link_remove(request, pk):
    """Remove a link."""
    link = get_visible_or_404(
        request.facts, RecordLink.objects.select_related("note", "document"), pk=pk
    )
    require(request.facts, Action.CHANGE, link)
    try:
        services.record_link_remove(actor=actor_from(request), link_id=link.pk)
    except SERVICE_ERRORS as error:
        report(request, error)
    else:
        messages.success(request, _("Link removed."))
    if link.note_id:
        return redirect("records:note_detail", pk=link.note_id)
    return redirect("records:document_detail", pk=link.document_id)


@login_required
def link_options(request):
    """Records matching the picker's text that the person may see (an htmx fragment)."""
    query = request.GET.get("q", "")[:100]
    candidates = selectors.link_candidates(request.facts, query)
    return render(request, "records/_link_options.html", {"candidates": candidates, "q": query})
