"""Documents: accepted types checked by name and content, a size limit, versions that keep the
old files, text extracted for search, and files served only through the policy."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from deptcoord.records import messages, services
from deptcoord.records.file_types import detect, extract_text
from deptcoord.records.models import Document, DocumentVersion
from tests.factories import client_for
from tests.records.helpers import (
    JPEG,
    PNG,
    actor,
    counts,
    document,
    docx,
    odt,
    pdf,
    pptx,
    xlsx,
)

SAMPLES = {
    "brief.pdf": lambda: pdf("Kế hoạch ra mắt"),
    "brief.docx": lambda: docx("Kế hoạch ra mắt"),
    "prices.xlsx": lambda: xlsx("Kế hoạch ra mắt"),
    "deck.pptx": lambda: pptx("Kế hoạch ra mắt"),
    "brief.odt": lambda: odt("Kế hoạch ra mắt"),
    "notes.txt": lambda: "Kế hoạch ra mắt".encode(),
    "notes.md": lambda: "# Kế hoạch ra mắt".encode(),
    "prices.csv": lambda: "tên,giá\nKế hoạch ra mắt,1\n".encode("utf-8-sig"),
    "photo.png": lambda: PNG,
    "photo.jpg": lambda: JPEG,
}


@pytest.mark.parametrize("filename", SAMPLES)
def test_every_accepted_type_is_recognised_and_its_text_extracted(filename):
    file_type = detect(filename, SAMPLES[filename]())
    assert file_type is not None
    text = extract_text(SAMPLES[filename](), file_type)
    if file_type.key in {"png", "jpeg"}:
        assert text == ""
    else:
        assert "Kế hoạch ra mắt" in text


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("brief.docx", b"%PDF-1.7 not a word file"),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00 a program"),
        ("photo.png", b"\xff\xd8\xff a jpeg"),
        ("brief.pdf", b"plain text"),
        ("prices.xlsx", b"PK\x03\x04 broken zip"),
    ],
)
def test_a_file_whose_content_does_not_match_its_name_is_refused(world, filename, content):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        document(world.coordinator, world.own, filename=filename, content=content)
    assert "does not contain what its name says" in str(refused.value)
    assert counts() == before


@pytest.mark.parametrize("filename", ["setup.exe", "page.html", "script.js", "archive.zip", "x"])
def test_a_forbidden_type_is_refused_with_the_accepted_list(world, filename):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        document(world.coordinator, world.own, filename=filename, content=b"hello")
    assert refused.value.message_dict["file"] == [
        str(messages.FILE_TYPE_REFUSED % {"name": filename})
    ]
    assert counts() == before


def test_a_file_over_the_limit_is_refused_and_nothing_is_saved(world, settings, tmp_path):
    settings.RECORDS_MAX_UPLOAD_MB = 1
    before = counts()
    with pytest.raises(ValidationError) as refused:
        document(world.coordinator, world.own, filename="big.txt", content=b"a" * (1024 * 1024 + 1))
    assert refused.value.message_dict["file"] == [
        str(messages.FILE_TOO_LARGE % {"size": "1.0", "limit": 1})
    ]
    assert counts() == before
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(media.rglob("*.*"))


def test_the_upload_page_says_what_is_wrong(world, settings):
    settings.RECORDS_MAX_UPLOAD_MB = 1
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(world.coordinator)
    before = counts()
    response = client.post(
        f"/records/departments/{world.own.pk}/documents/new/",
        {
            "department": world.own.pk,
            "title": "Big",
            "file": SimpleUploadedFile("big.txt", b"a" * (2 * 1024 * 1024)),
        },
    )
    assert response.status_code == 200
    assert "The file is 2.0 MB; files can be at most 1 MB" in response.content.decode()
    assert counts() == before


def test_a_new_version_keeps_the_old_one_downloadable(world):
    kept = document(world.coordinator, world.own, filename="v1.txt", content=b"first price list")
    services.document_version_add(
        actor=actor(world.coordinator),
        document_id=kept.pk,
        filename="v2.txt",
        content=b"second price list",
        comment="New discounts",
    )
    kept.refresh_from_db()
    first, second = DocumentVersion.objects.filter(document=kept).order_by("number")
    assert kept.current == second and kept.version == 2
    client = client_for(world.member)
    assert b"".join(client.get(f"/records/versions/{first.pk}/download/").streaming_content) == (
        b"first price list"
    )
    response = client.get(f"/records/versions/{second.pk}/download/")
    assert response["Content-Disposition"].startswith('attachment; filename="v2.txt"')
    assert response["X-Content-Type-Options"] == "nosniff"


def test_files_are_never_served_from_media_and_hidden_to_outsiders(world, settings):
    kept = document(world.coordinator, world.own)
    version = kept.current
    assert client_for(world.member).get(f"/media/{version.file.name}").status_code == 404
    outsider = client_for(world.other_member)
    assert outsider.get(f"/records/versions/{version.pk}/download/").status_code == 404
    assert outsider.get(f"/records/documents/{kept.pk}/").status_code == 404


def test_the_document_page_lists_versions_and_history(world):
    kept = document(world.coordinator, world.own, description="Dealer prices", tags="pricing")
    page = client_for(world.coordinator).get(f"/records/documents/{kept.pk}/").content.decode()
    assert "gia.txt" in page and "v1" in page and "pricing" in page
    assert "History" in page


def test_deleting_a_document_removes_its_files_after_commit(
    world, django_capture_on_commit_callbacks
):
    kept = document(world.coordinator, world.own)
    path = kept.current.file.path
    with django_capture_on_commit_callbacks(execute=True):
        services.document_delete(actor=actor(world.coordinator), document_id=kept.pk)
    assert not Document.objects.filter(pk=kept.pk).exists()
    import os

    assert not os.path.exists(path)


@given(st.binary(max_size=2000), st.sampled_from(["a.pdf", "a.docx", "a.txt", "a.png", "a.exe"]))
def test_any_bytes_are_either_recognised_or_refused_never_an_error(content, filename):
    file_type = detect(filename, content)
    if file_type is not None:
        assert filename.endswith(file_type.extensions)
        assert isinstance(extract_text(content, file_type), str)


@given(st.binary(min_size=1, max_size=500))
def test_binary_with_a_nul_byte_is_never_taken_for_text(content):
    assert detect("notes.txt", b"\x00" + content) is None
