"""A note's page, writing, changing and deleting notes, and the Markdown preview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.org import selectors as org
from deptcoord.org.models import Department
from deptcoord.records import selectors, services
from deptcoord.records.forms import LinkForm, NewNoteForm, NoteForm
from deptcoord.records.markdown_render import render_markdown
from deptcoord.records.models import Note
from deptcoord.records.views.common import SERVICE_ERRORS, posted_version, report

NOTE_FIELDS = ["title", "body", "tags", "is_pinned", "is_private"]


@login_required
def note_detail(request, pk):
    """A note: its text rendered, its tags, links and history."""
    facts = request.facts
    note = get_visible_or_404(facts, selectors.note_detail_queryset(), pk=pk)
    can_change = can(facts, Action.CHANGE, note)
    context = {
        "note": note,
        "html": render_markdown(note.body),
        "links": selectors.links_for(facts, note),
        "link_form": LinkForm() if can_change else None,
        "history": org.history(facts, note),
        "can_change": can_change,
        "can_delete": can(facts, Action.DELETE, note),
    }
    return render(request, "records/note_detail.html", context)


@login_required
def note_create(request, pk):
    """Write a note in the department."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    departments = selectors.record_departments(facts)
    require(facts, Action.ADD_RECORD, Note(department=department))
    form = NewNoteForm(
        request.POST or None, initial={"department": department.pk}, departments=departments
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in NOTE_FIELDS}
        try:
            note = services.note_create(
                actor=actor_from(request), department=form.cleaned_data["department"], **data
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Note “%(title)s” saved.") % {"title": note.title})
            return redirect("records:note_detail", pk=note.pk)
    context = {"form": form, "department": department, "note": None}
    return render(request, "records/note_form.html", context)


@login_required
def note_edit(request, pk):
    """Change a note."""
    facts = request.facts
    note = get_visible_or_404(facts, selectors.note_detail_queryset(), pk=pk)
    require(facts, Action.CHANGE, note)
    initial = {name: getattr(note, name) for name in NOTE_FIELDS if name != "tags"}
    initial.update(tags=", ".join(note.tag_names), version=note.version)
    form = NoteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.note_update(
                actor=actor_from(request),
                note_id=note.pk,
                expected_version=form.expected_version(),
                **{name: form.cleaned_data[name] for name in NOTE_FIELDS},
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("records:note_detail", pk=note.pk)
    context = {"form": form, "department": note.department, "note": note}
    return render(request, "records/note_form.html", context)


@login_required
@require_POST
def note_delete(request, pk):
    """Delete a note."""
    facts = request.facts
    note = get_visible_or_404(facts, Note, pk=pk)
    require(facts, Action.DELETE, note)
    try:
        services.note_delete(
            actor=actor_from(request), note_id=note.pk, expected_version=posted_version(request)
        )
    except SERVICE_ERRORS as error:
        report(request, error)
        return redirect("records:note_detail", pk=note.pk)
    messages.success(request, _("Note “%(title)s” deleted.") % {"title": note.title})
    return redirect("records:department", pk=note.department_id)


@login_required
@require_POST
def note_preview(request):
    """The Markdown being written, rendered as the note will show it (an htmx fragment)."""
    html = render_markdown(request.POST.get("body", "")[:100_000])
    return render(request, "records/_preview.html", {"html": html})
