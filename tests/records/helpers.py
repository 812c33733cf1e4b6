"""Building records for tests through the services, and sample files of every accepted type."""

import io
import zipfile

from deptcoord.audit.models import AuditEntry
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.records import services
from deptcoord.records.models import Document, DocumentVersion, Note
from deptcoord.search.models import SearchEntry


def actor(person) -> Actor:
    """The person as the acting user."""
    return Actor(person=person, facts=role_facts_for_person(person))


def note(author, department, title="Kế hoạch ra mắt", body="Launch plan", **fields) -> Note:
    """A note written by ``author`` in ``department``."""
    return services.note_create(
        actor=actor(author), department=department, title=title, body=body, **fields
    )


def document(author, department, title="Bảng giá", filename="gia.txt", content=None, **fields):
    """A document uploaded by ``author`` (a small text file by default)."""
    return services.document_create(
        actor=actor(author),
        department=department,
        title=title,
        filename=filename,
        content=content if content is not None else "Giá bán lẻ SM Home".encode(),
        **fields,
    )


def zip_file(members: dict[str, str]) -> bytes:
    """A zip archive with these members (how office files are built)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def docx(text: str) -> bytes:
    """A minimal Word document saying ``text``."""
    return zip_file(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f'<w:document><w:body><w:p><w:r><w:t xml:space="preserve">{text}'
            "</w:t></w:r></w:p></w:body></w:document>",
        }
    )


def xlsx(text: str) -> bytes:
    """A real Excel workbook with ``text`` in A1."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = text
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pptx(text: str) -> bytes:
    """A minimal PowerPoint deck with ``text`` on its slide."""
    return zip_file(
        {
            "[Content_Types].xml": "<Types/>",
            "ppt/presentation.xml": "<p:presentation/>",
            "ppt/slides/slide1.xml": f"<p:sld><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:sld>",
        }
    )


def odt(text: str) -> bytes:
    """A minimal OpenDocument text."""
    return zip_file(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": f"<office:document-content><text:p>{text}</text:p>"
            "</office:document-content>",
        }
    )


def pdf(text: str) -> bytes:
    """A PDF saying ``text`` (rendered by WeasyPrint)."""
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def trail() -> list:
    """Every data change in the audit trail (security events aside)."""
    return list(AuditEntry.objects.exclude(kind="security").values_list("id", flat=True))


def counts() -> tuple:
    """How many records, versions and search entries exist (to prove nothing changed)."""
    return (
        Note.objects.count(),
        Document.objects.count(),
        DocumentVersion.objects.count(),
        SearchEntry.objects.count(),
        len(trail()),
    )
