"""Error pages keep the layout, speak the reader's language and offer a way back; the 500
page renders with no context and no database."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

from tests.factories import client_for


@pytest.mark.django_db
def test_a_missing_page_keeps_the_menu_and_speaks_vietnamese(world):
    world.member.language = "vi"
    world.member.save(update_fields=["language"])
    response = client_for(world.member).get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="vi")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="vi"' in page
    assert "Không tìm thấy trang" in page and "Not Found" not in page
    assert 'href="/goals/"' in page  # the main menu
    assert 'href="/">' in page and "Về trang Hôm nay" in page


@pytest.mark.django_db
def test_a_hidden_record_answers_the_same_page_as_a_missing_one(world):
    response = client_for(world.guest).get(f"/records/departments/{world.own.pk}/activity/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_the_page_without_the_menu():
    response = Client().get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in page and "Back to Today" in page
    assert 'href="/goals/"' not in page


@pytest.mark.django_db
def test_a_refusal_explains_itself_in_the_readers_language(world):
    url = f"/records/departments/{world.own.pk}/activity/"
    response = client_for(world.other_coordinator).get(url, HTTP_ACCEPT_LANGUAGE="vi")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện việc này" in page and "403 Forbidden" not in page
    assert 'href="/goals/"' in page


def test_the_server_error_page_needs_neither_context_nor_database():
    # No database access is allowed in this test: the page must not need one.
    request = RequestFactory().get("/goals/")
    with translation.override("vi"):
        response = defaults.server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in page and 'href="/"' in page


def test_the_bad_request_and_forbidden_pages_render_without_a_signed_in_person():
    request = RequestFactory().get("/goals/")
    with translation.override("en"):
        bad = defaults.bad_request(request, SuspiciousOperation("bad"))
        refused = defaults.permission_denied(request, PermissionDenied())
    assert bad.status_code == 400 and "Request not understood" in bad.content.decode()
    assert refused.status_code == 403 and "You may not do this" in refused.content.decode()


@pytest.mark.django_db
def test_an_expired_form_says_so_and_that_nothing_was_saved():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/language/", {"language": "en"}, HTTP_ACCEPT_LANGUAGE="vi")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in page and "chưa có gì được lưu" in page
