"""API endpoints for department documents, their versions and downloads."""

import base64
import binascii

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from deptcoord.access import get_visible_or_404, visible
from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey, expected_version, with_etag
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Department
from deptcoord.records import messages, selectors, services
from deptcoord.records.api.notes import link_rows
from deptcoord.records.api.schemas import (
    DocumentIn,
    DocumentOut,
    DocumentPatch,
    LinkIn,
    LinkOut,
    VersionIn,
    VersionOut,
)
from deptcoord.records.models import Document, DocumentVersion
from deptcoord.records.views.documents import file_response

router = Router(tags=["documents"])


class DocumentFilter(Schema):
    """Narrow the list to a department or a tag."""

    department_id: PrimaryKey | None = None
    tag: str | None = None


def _document(request, pk) -> Document:
    return get_visible_or_404(request.facts, selectors.document_detail_queryset(), pk=pk)


def _decoded(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError({"content_base64": [messages.FILE_REQUIRED]}) from None


@router.get("/documents", response=list[DocumentOut], summary="List documents")
@paginate(ListPagination)
def list_documents(request, filters: Query[DocumentFilter]):
    """Documents the caller may read, newest first."""
    documents = (
        visible(request.facts, Document.objects.all())
        .select_related("current")
        .prefetch_related(selectors.records.TAGS)
        .order_by("-updated_at", "-id")
    )
    if filters.department_id is not None:
        documents = documents.filter(department_id=filters.department_id)
    if filters.tag:
        documents = documents.filter(tags__name=filters.tag.strip().lower())
    return documents


@router.post("/documents", response={201: DocumentOut}, summary="Upload a document")
def create_document(request, payload: DocumentIn):
    """Keep a file as a department document; the file is checked by size, name and content."""
    data = payload.dict()
    department = get_visible_or_404(request.facts, Department, pk=data.pop("department_id"))
    content = _decoded(data.pop("content_base64"))
    document = services.document_create(
        actor=actor_from(request, "api"), department=department, content=content, **data
    )
    return Status(201, _document(request, document.pk))


@router.get("/documents/{int:pk}", response=DocumentOut, summary="Read a document")
def read_document(request, response: HttpResponse, pk: PrimaryKey):
    """One document with its current file, and its version as ETag."""
    return with_etag(response, _document(request, pk))


@router.patch("/documents/{int:pk}", response=DocumentOut, summary="Change a document")
def update_document(request, response: HttpResponse, payload: DocumentPatch, pk: PrimaryKey):
    """Change a document's title, description or tags."""
    document = _document(request, pk)
    data = payload.dict(exclude_unset=True)
    version = expected_version(request, data.pop("version", None), document.version)
    services.document_update(
        actor=actor_from(request, "api"),
        document_id=document.pk,
        expected_version=version,
        **data,
    )
    return with_etag(response, _document(request, document.pk))


@router.delete("/documents/{int:pk}", response={204: None}, summary="Delete a document")
def delete_document(request, pk: PrimaryKey):
    """Delete a document with all its versions."""
    document = _document(request, pk)
    version = expected_version(request, None, document.version)
    services.document_delete(
        actor=actor_from(request, "api"), document_id=document.pk, expected_version=version
    )
    return Status(204, None)


@router.get(
    "/documents/{int:pk}/versions", response=list[VersionOut], summary="List a document's files"
)
def list_versions(request, pk: PrimaryKey):
    """Every uploaded file of the document, newest first."""
    return list(selectors.versions(request.facts, _document(request, pk)))


@router.post(
    "/documents/{int:pk}/versions", response={201: VersionOut}, summary="Upload a new version"
)
def add_version(request, payload: VersionIn, pk: PrimaryKey):
    """Upload a new file for the document; the earlier ones stay."""
    document = _document(request, pk)
    data = payload.dict()
    version = expected_version(request, data.pop("version", None), document.version)
    created = services.document_version_add(
        actor=actor_from(request, "api"),
        document_id=document.pk,
        content=_decoded(data.pop("content_base64")),
        expected_version=version,
        **data,
    )
    return Status(201, created)


@router.get(
    "/document-versions/{int:pk}/download",
    summary="Download a file",
    url_name="download_document_version",
    response={200: None},
)
def download_version(request, pk: PrimaryKey):
    """The file itself, as an attachment."""
    version = get_visible_or_404(
        request.facts, DocumentVersion.objects.select_related("document"), pk=pk
    )
    return file_response(version)


@router.get("/documents/{int:pk}/links", response=list[LinkOut], summary="List a document's links")
def list_document_links(request, pk: PrimaryKey):
    """The document's links to records the caller may see."""
    return link_rows(request, _document(request, pk))


@router.post("/documents/{int:pk}/links", response={201: LinkOut}, summary="Link a document")
def link_document(request, payload: LinkIn, pk: PrimaryKey):
    """Link the document to a goal, project, step, meeting or person the caller may see."""
    document = _document(request, pk)
    link = services.record_link_add(
        actor=actor_from(request, "api"), document_id=document.pk, **payload.dict()
    )
    row = next(row for row in link_rows(request, document) if row["id"] == link.pk)
    return Status(201, row)
