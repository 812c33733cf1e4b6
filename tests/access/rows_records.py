"""Access-matrix rows for notes, documents, their files and links, search and activity feeds.

The records: a Marketing note by the peer (own), one by the member (mine), a Marketing note
private to those who run it (private), a Sales note (other); a Marketing document with one file
and a link from the own note to the peer. They are created without services, so building them
writes nothing to the audit trail.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from deptcoord.org.models import Person
from deptcoord.records.models import Document, DocumentVersion, Note, RecordLink
from tests.access.matrix import EVERYONE, RUNNERS, STAFF, page, rows

READERS = {"admin", "executive", "head", "coordinator", "member"}
NOT_READERS = EVERYONE - READERS
WRITERS = RUNNERS | {"member"}
PRIVATE_READERS = {"admin", "head", "coordinator"}
DETAILS = READERS | {"hr"}


def _note(department, author, title, **fields) -> Note:
    return Note.objects.create(
        department=department, author=author, title=title, body="Text", **fields
    )


def _document(world) -> tuple[Document, DocumentVersion]:
    document = Document.objects.create(department=world.own, author=world.peer, title="Brief")
    version = DocumentVersion(
        document=document,
        number=1,
        storage_key="brief",
        filename="brief.txt",
        file_type="txt",
        size=5,
        uploaded_by=world.peer,
    )
    version.file.save("brief.txt", ContentFile(b"Brief"), save=False)
    version.save()
    document.current = version
    document.save()
    return document, version


def _build(world) -> dict:
    own = _note(world.own, world.peer, "Launch brief")
    document, version = _document(world)
    return {
        "note_own": own,
        "note_mine": _note(world.own, world.member, "My notes"),
        "note_private": _note(world.own, world.coordinator, "Pay review", is_private=True),
        "note_other": _note(world.other, world.other_member, "Retail plan"),
        "document_own": document,
        "version_own": version,
        "record_link_own": RecordLink.objects.create(
            note=own, target_type=ContentType.objects.get_for_model(Person), target_id=world.peer.pk
        ),
    }


def records(world) -> dict:
    """The records of this world, built once."""
    if not hasattr(world, "records_records"):
        world.records_records = _build(world)
    return world.records_records


NAMES = ("note_", "document_", "version_", "record_link_")


def target(world, role, name):
    """The record a records row is about (None for names that are not records')."""
    return records(world).get(name) if name.startswith(NAMES) else None


POLICY = [
    *rows(
        "note",
        "note_own",
        {
            "view": READERS,
            "view_history": READERS,
            "change": RUNNERS,
            "delete": RUNNERS,
            "add_record": WRITERS,
        },
    ),
    *rows("note", "note_mine", {"view": READERS, "change": WRITERS, "delete": WRITERS}),
    *rows("note", "note_private", {"view": PRIVATE_READERS, "change": PRIVATE_READERS}),
    *rows(
        "note",
        "note_other",
        {
            "view": {"admin", "executive", "other_coordinator"},
            "change": {"admin", "other_coordinator"},
        },
    ),
    *rows(
        "document",
        "document_own",
        {"view": READERS, "change": RUNNERS, "delete": RUNNERS, "add_record": WRITERS},
    ),
    *rows("document_version", "version_own", {"view": READERS, "change": set()}),
    *rows("record_link", "record_link_own", {"view": READERS, "change": RUNNERS}),
]

PAGES = [
    page("records:search", ok=EVERYONE),
    page("records:jump", ok=EVERYONE, data={"q": "launch"}),
    page("records:department", "own", ok=STAFF, hidden={"guest"}),
    page("records:department_export", "own", ok=STAFF, hidden={"guest"}, file_format="xlsx"),
    page("records:activity", "own", ok=DETAILS, hidden={"guest"}),
    page("records:activity_export", "own", ok=DETAILS, hidden={"guest"}, file_format="csv"),
    page("records:note_create", "own", ok=WRITERS, hidden={"guest"}),
    page("records:document_create", "own", ok=WRITERS, hidden={"guest"}),
    page("records:note_preview", method="POST", ok=EVERYONE, data={"body": "**launch**"}),
    page("records:note_detail", "note_own", ok=READERS, hidden=NOT_READERS),
    page(
        "records:note_detail",
        "note_private",
        ok=PRIVATE_READERS,
        hidden=EVERYONE - PRIVATE_READERS,
    ),
    page("records:note_edit", "note_own", ok=RUNNERS, hidden=NOT_READERS),
    page("records:note_delete", "note_own", method="POST", ok=RUNNERS, hidden=NOT_READERS),
    page(
        "records:note_link_add",
        "note_own",
        method="POST",
        ok=RUNNERS,
        hidden=NOT_READERS,
        data={"pick": "person:1"},
    ),
    page("records:document_detail", "document_own", ok=READERS, hidden=NOT_READERS),
    page("records:document_edit", "document_own", ok=RUNNERS, hidden=NOT_READERS),
    page(
        "records:document_upload",
        "document_own",
        method="POST",
        ok=RUNNERS,
        hidden=NOT_READERS,
        data={"comment": "no file"},
    ),
    page("records:document_delete", "document_own", method="POST", ok=RUNNERS, hidden=NOT_READERS),
    page(
        "records:document_link_add",
        "document_own",
        method="POST",
        ok=RUNNERS,
        hidden=NOT_READERS,
        data={"pick": "person:1"},
    ),
    page("records:download", "version_own", ok=READERS, hidden=NOT_READERS),
    page("records:link_remove", "record_link_own", method="POST", ok=RUNNERS, hidden=NOT_READERS),
    page("records:link_options", ok=EVERYONE),
]


def _new_note(world) -> dict:
    return {"department_id": world.own.pk, "title": "Launch FAQ", "tags": ["launch"]}


def _new_document(world) -> dict:
    return {
        "department_id": world.own.pk,
        "title": "Price list",
        "filename": "prices.csv",
        "content_base64": "bmFtZSxwcmljZQpTTSBIb21lLDE5OTAwMDAK",
    }


def _link_peer(world) -> dict:
    return {"kind": "person", "target_id": world.peer.pk}


NEW_VERSION = {"filename": "brief.md", "content_base64": "IyBCcmllZiB2Mgo=", "comment": "v2"}

API = [
    ("GET", "/api/v1/search", "", EVERYONE, (), None),
    ("GET", "/api/v1/departments/{id}/activity", "own", DETAILS, {"guest"}, None),
    ("GET", "/api/v1/notes", "", EVERYONE, (), None),
    ("POST", "/api/v1/notes", "", WRITERS, {"guest"}, _new_note),
    ("GET", "/api/v1/notes/{id}", "note_own", READERS, NOT_READERS, None),
    ("PATCH", "/api/v1/notes/{id}", "note_own", RUNNERS, NOT_READERS, {"is_pinned": True}),
    ("DELETE", "/api/v1/notes/{id}", "note_own", RUNNERS, NOT_READERS, None),
    ("GET", "/api/v1/notes/{id}/links", "note_own", READERS, NOT_READERS, None),
    ("POST", "/api/v1/notes/{id}/links", "note_mine", WRITERS, NOT_READERS, _link_peer),
    ("DELETE", "/api/v1/record-links/{id}", "record_link_own", RUNNERS, NOT_READERS, None),
    ("GET", "/api/v1/documents", "", EVERYONE, (), None),
    ("POST", "/api/v1/documents", "", WRITERS, {"guest"}, _new_document),
    ("GET", "/api/v1/documents/{id}", "document_own", READERS, NOT_READERS, None),
    (
        "PATCH",
        "/api/v1/documents/{id}",
        "document_own",
        RUNNERS,
        NOT_READERS,
        {"description": "For the launch"},
    ),
    ("DELETE", "/api/v1/documents/{id}", "document_own", RUNNERS, NOT_READERS, None),
    ("GET", "/api/v1/documents/{id}/versions", "document_own", READERS, NOT_READERS, None),
    ("POST", "/api/v1/documents/{id}/versions", "document_own", RUNNERS, NOT_READERS, NEW_VERSION),
    ("GET", "/api/v1/document-versions/{id}/download", "version_own", READERS, NOT_READERS, None),
    ("GET", "/api/v1/documents/{id}/links", "document_own", READERS, NOT_READERS, None),
    ("POST", "/api/v1/documents/{id}/links", "document_own", RUNNERS, NOT_READERS, _link_peer),
]
