"""What an uploaded file really is, and its text for search.

Pure: imports nothing from Django. A file is accepted only when its extension and its content
agree (a PDF named .docx, or a program named .txt, is refused). Office files are read as the
zip archives they are, with regular expressions over their XML (no XML parser, so no entity
tricks), and every read is bounded so that a small archive cannot expand into gigabytes.
"""

import html
import io
import re
import zipfile
from dataclasses import dataclass

MAX_TEXT = 200_000
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_PDF_PAGES = 300


@dataclass(frozen=True)
class FileType:
    """An accepted kind of file."""

    key: str
    extensions: tuple[str, ...]
    content_type: str
    label: str


TYPES = {
    file_type.key: file_type
    for file_type in (
        FileType("pdf", (".pdf",), "application/pdf", "PDF"),
        FileType(
            "docx",
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word",
        ),
        FileType(
            "xlsx",
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel",
        ),
        FileType(
            "pptx",
            (".pptx",),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PowerPoint",
        ),
        FileType("odt", (".odt",), "application/vnd.oasis.opendocument.text", "ODT"),
        FileType("txt", (".txt",), "text/plain; charset=utf-8", "TXT"),
        FileType("md", (".md", ".markdown"), "text/markdown; charset=utf-8", "Markdown"),
        FileType("csv", (".csv",), "text/csv; charset=utf-8", "CSV"),
        FileType("png", (".png",), "image/png", "PNG"),
        FileType("jpeg", (".jpg", ".jpeg"), "image/jpeg", "JPEG"),
    )
}
ACCEPTED_EXTENSIONS = tuple(ext for file_type in TYPES.values() for ext in file_type.extensions)
OFFICE_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}


def type_for_extension(filename: str) -> FileType | None:
    """The accepted type the file's name claims, or None."""
    lower = filename.lower()
    for file_type in TYPES.values():
        if lower.endswith(file_type.extensions):
            return file_type
    return None


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                return "odt" if mimetype == b"application/vnd.oasis.opendocument.text" else None
            if "[Content_Types].xml" not in names:
                return None
            for kind, marker in OFFICE_MARKERS.items():
                if marker in names:
                    return kind
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def sniff(data: bytes) -> str | None:
    """The type the content shows (by its first bytes or its structure), or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if _is_text(data):
        return "text"
    return None


def detect(filename: str, data: bytes) -> FileType | None:
    """The file's type when its name and its content agree; None otherwise."""
    claimed = type_for_extension(filename)
    if claimed is None:
        return None
    found = sniff(data)
    if found == claimed.key or (found == "text" and claimed.key in {"txt", "md", "csv"}):
        return claimed
    return None


def _read_member(archive: zipfile.ZipFile, name: str) -> str:
    with archive.open(name) as member:
        return member.read(MAX_MEMBER_BYTES).decode("utf-8", errors="replace")


def _xml_text(xml: str, tag: str, paragraph: str) -> str:
    xml = re.sub(rf"</{paragraph}>", "\n", xml)
    pieces = re.findall(rf"<{tag}(?:\s[^>]*)?>([^<]*)</{tag}>", xml)
    joined = " ".join(piece for piece in pieces if piece)
    return html.unescape(re.sub(r" ?\n ?", "\n", joined))


def _office_text(data: bytes, kind: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if kind == "docx":
            return _xml_text(_read_member(archive, "word/document.xml"), "w:t", "w:p")
        if kind == "xlsx":
            parts = [name for name in names if name == "xl/sharedStrings.xml"]
            parts += sorted(name for name in names if name.startswith("xl/worksheets/sheet"))
            return "\n".join(_xml_text(_read_member(archive, name), "t", "si") for name in parts)
        if kind == "pptx":
            slides = sorted(
                (name for name in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)),
                key=lambda name: int(re.sub(r"\D", "", name)),
            )
            return "\n".join(
                _xml_text(_read_member(archive, name), "a:t", "a:p") for name in slides
            )
        xml = _read_member(archive, "content.xml")
        xml = re.sub(r"</text:(p|h)>", "\n", xml)
        return html.unescape(re.sub(r"<[^>]+>", "", xml))


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pieces, length = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        pieces.append(text)
        length += len(text)
        if length > MAX_TEXT:
            break
    return "\n".join(pieces)


def extract_text(data: bytes, file_type: FileType) -> str:
    """The file's text for search (empty for images and for files that cannot be read)."""
    try:
        if file_type.key == "pdf":
            text = _pdf_text(data)
        elif file_type.key in {"docx", "xlsx", "pptx", "odt"}:
            text = _office_text(data, file_type.key)
        elif file_type.key in {"txt", "md", "csv"}:
            text = data.decode("utf-8-sig", errors="replace")
        else:
            text = ""
    except Exception:  # a damaged file still uploads; it is just not searchable
        text = ""
    return text.replace("\x00", "")[:MAX_TEXT]
