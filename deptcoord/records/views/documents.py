"""A document's page with its versions, uploading documents and new versions, downloads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, require
from deptcoord.core.actor import actor_from
from deptcoord.org import selectors as org
from deptcoord.org.models import Department
from deptcoord.records import selectors, services
from deptcoord.records.file_types import TYPES
from deptcoord.records.forms import DocumentForm, LinkForm, NewDocumentForm, VersionForm
from deptcoord.records.models import Document, DocumentVersion
from deptcoord.records.views.common import SERVICE_ERRORS, posted_version, report, uploaded

DOCUMENT_FIELDS = ["title", "description", "tags"]


@login_required
def document_detail(request, pk, version_form=None):
    """A document: its current file, earlier versions, links and history."""
    facts = request.facts
    document = get_visible_or_404(facts, selectors.document_detail_queryset(), pk=pk)
    can_change = can(facts, Action.CHANGE, document)
    context = {
        "document": document,
        "versions": selectors.versions(facts, document),
        "links": selectors.links_for(facts, document),
        "link_form": LinkForm() if can_change else None,
        "version_form": version_form
        or (VersionForm(initial={"version": document.version}) if can_change else None),
        "history": org.history(facts, document),
        "can_change": can_change,
        "can_delete": can(facts, Action.DELETE, document),
        "types": TYPES,
    }
    return render(request, "records/document_detail.html", context)


@login_required
def document_create(request, pk):
    """Upload a document to the department."""
    facts = request.facts
    department = get_visible_or_404(facts, Department, pk=pk)
    require(facts, Action.ADD_RECORD, Document(department=department))
    form = NewDocumentForm(
        request.POST or None,
        request.FILES or None,
        initial={"department": department.pk},
        departments=selectors.record_departments(facts),
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(
                actor=actor_from(request),
                department=form.cleaned_data["department"],
                **uploaded(form),
                **{name: form.cleaned_data[name] for name in DOCUMENT_FIELDS},
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Document “%(title)s” uploaded.") % {"title": document})
            return redirect("records:document_detail", pk=document.pk)
    context = {
        "form": form,
        "department": department,
        "document": None,
        "max_mb": settings.RECORDS_MAX_UPLOAD_MB,
    }
    return render(request, "records/document_form.html", context)


@login_required
def document_edit(request, pk):
    """Change a document's title, description and tags."""
    facts = request.facts
    document = get_visible_or_404(facts, selectors.document_detail_queryset(), pk=pk)
    require(facts, Action.CHANGE, document)
    initial = {
        "title": document.title,
        "description": document.description,
        "tags": ", ".join(document.tag_names),
        "version": document.version,
    }
    form = DocumentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(
                actor=actor_from(request),
                document_id=document.pk,
                expected_version=form.expected_version(),
                **{name: form.cleaned_data[name] for name in DOCUMENT_FIELDS},
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("records:document_detail", pk=document.pk)
    context = {"form": form, "department": document.department, "document": document}
    return render(request, "records/document_form.html", context)


@login_required
@require_POST
def document_upload(request, pk):
    """Upload a new version of the document's file (the earlier ones stay)."""
    facts = request.facts
    document = get_visible_or_404(facts, Document, pk=pk)
    require(facts, Action.CHANGE, document)
    form = VersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.document_version_add(
                actor=actor_from(request),
                document_id=document.pk,
                **uploaded(form),
                comment=form.cleaned_data["comment"],
                expected_version=form.expected_version(),
            )
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(
                request, _("Version %(number)s uploaded.") % {"number": version.number}
            )
            return redirect("records:document_detail", pk=document.pk)
    return document_detail(request, document.pk, version_form=form)


@login_required
@require_POST
def document_delete(request, pk):
    """Delete a document with all its versions."""
    facts = request.facts
    document = get_visible_or_404(facts, Document, pk=pk)
    require(facts, Action.DELETE, document)
    try:
        services.document_delete(
            actor=actor_from(request),
            document_id=document.pk,
            expected_version=posted_version(request),
        )
    except SERVICE_ERRORS as error:
        report(request, error)
        return redirect("records:document_detail", pk=document.pk)
    messages.success(request, _("Document “%(title)s” deleted.") % {"title": document.title})
    url = reverse("records:department", kwargs={"pk": document.department_id})
    return redirect(f"{url}?kind=documents")


def file_response(version: DocumentVersion) -> FileResponse:
    """The stored file as a download, with its original name and a safe content type."""
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    file_type = TYPES.get(version.file_type)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=version.filename,
        content_type=file_type.content_type if file_type else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def version_download(request, pk):
    """Download one version's file, for people who may read the document."""
    version = get_visible_or_404(
        request.facts, DocumentVersion.objects.select_related("document"), pk=pk
    )
    return file_response(version)
