"""Importing a skills matrix: a preview with row errors saves nothing; a clean file assesses."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from deptcoord.core.models import ImportUpload
from deptcoord.people.models import Assessment
from deptcoord.people.selectors.skills import latest_levels
from tests.factories import client_for


def upload(client, text: str):
    file = SimpleUploadedFile("skills.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("people:matrix_import"), {"file": file})


def test_a_preview_shows_row_errors_and_saves_nothing(world, catalogue):
    client = client_for(world.coordinator)
    text = (
        "email,SEO,Quảng cáo số,Juggling\n"
        f"{world.member.email},3,7,\n"
        f"{world.other_member.email},2,2,\n"
    )
    page = upload(client, text).content.decode()
    assert "is not a level" in page
    assert "is not a skill in the catalogue" in page
    assert "No one you may assess" in page  # Sales is not the coordinator's
    assert not Assessment.objects.exists()


def test_a_clean_file_becomes_coordinator_assessments(world, catalogue):
    client = client_for(world.coordinator)
    upload(client, f"email,SEO,Quảng cáo số\n{world.member.email},3,4\n{world.peer.email},,2\n")
    assert not Assessment.objects.exists()  # the preview only
    stored = ImportUpload.objects.get(kind="people.skills")
    response = client.post(reverse("people:matrix_import_confirm", kwargs={"pk": stored.pk}))
    assert response.status_code == 302
    rows = Assessment.objects.order_by("id").values_list("person_id", "skill_id", "level", "kind")
    levels = latest_levels(rows)
    assert levels[world.member.pk] == {catalogue.seo.pk: 3, catalogue.ads.pk: 4}
    assert levels[world.peer.pk] == {catalogue.ads.pk: 2}
    assert {kind for *_rest, kind in rows} == {"coordinator"}


def test_the_export_reads_back_as_an_import(world, catalogue):
    client = client_for(world.coordinator)
    upload(client, f"email,SEO\n{world.member.email},2\n")
    stored = ImportUpload.objects.get(kind="people.skills")
    client.post(reverse("people:matrix_import_confirm", kwargs={"pk": stored.pk}))
    exported = client.get(reverse("people:matrix_export", kwargs={"file_format": "csv"}))
    text = exported.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("email,full_name,role_profile,")
    assert f"{world.member.email},Member,Digital marketer,,2" in text
    page = upload(client, text).content.decode()
    assert "Errors: 0" in page
