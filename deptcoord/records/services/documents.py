"""Keeping department documents: uploading, new versions (the old ones stay), changes, deletion.

A file is checked before anything is written: its size against ``RECORDS_MAX_UPLOAD_MB``, its
name against the accepted types and its content against its name. Files are stored under
a random name and served only through the document's download page, which asks the policy.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.records import messages
from deptcoord.records.file_types import FileType, detect, extract_text, type_for_extension
from deptcoord.records.models import Document, DocumentVersion
from deptcoord.records.services.common import (
    check_department,
    clean_tags,
    clean_title,
    record_changed,
    record_created,
    record_deleted,
    set_tags,
)
from deptcoord.records.services.links import add_links
from deptcoord.search.indexing import index_record, unindex_record

DOCUMENT_FIELDS = ["department", "title", "description", "tag_names", "current"]


def check_file(filename: str, content: bytes, size: int | None = None) -> FileType:
    """The file's type, or a refusal saying what is wrong with it. ``size`` is the size of the
    whole upload when only its beginning was read (a page reads no more than the limit)."""
    if not filename or content is None:
        raise ValidationError({"file": [messages.FILE_REQUIRED]})
    limit = settings.RECORDS_MAX_UPLOAD_MB
    size = max(size or 0, len(content))
    if size > limit * 1024 * 1024:
        size = f"{size / (1024 * 1024):.1f}"
        raise ValidationError({"file": [messages.FILE_TOO_LARGE % {"size": size, "limit": limit}]})
    if not content:
        raise ValidationError({"file": [messages.FILE_EMPTY]})
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    claimed = type_for_extension(name)
    if claimed is None:
        raise ValidationError({"file": [messages.FILE_TYPE_REFUSED % {"name": name}]})
    found = detect(name, content)
    if found is None:
        message = messages.FILE_CONTENT_MISMATCH % {"name": name, "type": claimed.label}
        raise ValidationError({"file": [message]})
    return found


def _add_version(
    actor: Actor, document: Document, filename: str, content: bytes, file_type, comment: str
) -> DocumentVersion:
    number = (
        document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    version = DocumentVersion(
        document=document,
        number=number,
        storage_key=uuid.uuid4().hex,
        filename=filename.replace("\\", "/").rsplit("/", 1)[-1][:255],
        file_type=file_type.key,
        size=len(content),
        text=extract_text(content, file_type),
        uploaded_by=actor.person or document.author,
        comment=(comment or "")[:300],
    )
    version.file.save(version.filename, ContentFile(content), save=False)
    version.save()
    return version


@transaction.atomic
def document_create(
    *,
    actor: Actor,
    department,
    title: str,
    filename: str,
    content: bytes,
    description: str = "",
    tags=(),
    comment: str = "",
    links=(),
    author=None,
    size: int | None = None,
) -> Document:
    """Keep a file as a department document (its first version); ``author`` defaults to the
    actor."""
    author = author or actor.person
    authorize(actor, Action.ADD_RECORD, Document(department=department, author=author))
    check_department(department)
    title = clean_title(title, messages.DOCUMENT_TITLE_REQUIRED)
    tag_names = clean_tags(tags)
    file_type = check_file(filename, content, size)
    document = Document.objects.create(
        department=department, author=author, title=title, description=description or ""
    )
    document.current = _add_version(actor, document, filename, content, file_type, comment)
    document.save(update_fields=["current"])
    set_tags(document, tag_names)
    add_links(actor, document, links)
    record_created(actor, document, DOCUMENT_FIELDS, "records.document.create")
    index_record(document)
    recheck_reach(actor, document, Action.VIEW)
    return document


@transaction.atomic
def document_version_add(
    *,
    actor: Actor,
    document_id: int,
    filename: str,
    content: bytes,
    comment: str = "",
    expected_version: int | None = None,
    size: int | None = None,
) -> DocumentVersion:
    """Upload a new file for a document; earlier versions stay downloadable."""
    document = lock(Document, document_id)
    authorize(actor, Action.CHANGE, document)
    check_version(document, expected_version)
    file_type = check_file(filename, content, size)
    before = snapshot(document, DOCUMENT_FIELDS)
    document.current = _add_version(actor, document, filename, content, file_type, comment)
    record_changed(actor, document, before, DOCUMENT_FIELDS, "records.document.new_version")
    index_record(document)
    return document.current


@transaction.atomic
def document_update(
    *, actor: Actor, document_id: int, expected_version: int | None, **changes
) -> Document:
    """Change a document's title, description or tags."""
    document = lock(Document, document_id)
    authorize(actor, Action.CHANGE, document)
    check_version(document, expected_version)
    unknown = set(changes) - {"title", "description", "tags"}
    if unknown:
        raise TypeError(f"Unknown document fields: {sorted(unknown)}")
    title = clean_title(changes.get("title", document.title), messages.DOCUMENT_TITLE_REQUIRED)
    tag_names = clean_tags(changes.get("tags", document.tag_names))
    before = snapshot(document, DOCUMENT_FIELDS)
    document.title = title
    document.description = changes.get("description", document.description) or ""
    set_tags(document, tag_names)
    if record_changed(actor, document, before, DOCUMENT_FIELDS, "records.document.update"):
        index_record(document)
    recheck_reach(actor, document, Action.VIEW)
    return document


@transaction.atomic
def document_delete(*, actor: Actor, document_id: int, expected_version: int | None = None) -> None:
    """Delete a document with all its versions; the files go once the deletion is committed."""
    document = lock(Document, document_id)
    authorize(actor, Action.DELETE, document)
    check_version(document, expected_version)
    record_deleted(actor, document, DOCUMENT_FIELDS, "records.document.delete")
    unindex_record(document)
    files = [version.file.name for version in document.versions.all()]
    storage = DocumentVersion._meta.get_field("file").storage
    document.current = None
    document.save(update_fields=["current"])
    document.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
