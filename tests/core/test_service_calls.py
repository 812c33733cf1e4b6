"""How pages show a service's refusal: on the form's fields, or as messages, with the status
that fits; a denial is not swallowed."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from deptcoord.core.forms import ServiceForm
from deptcoord.core.service_calls import run_service
from deptcoord.core.versioning import STALE_VERSION, StaleVersionError


class TitleForm(ServiceForm):
    title = forms.CharField()


def _request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _refuse(error):
    def call():
        raise error

    return call


def test_a_done_call_gives_its_value():
    outcome = run_service(_request(), lambda: 42)
    assert outcome and outcome.value == 42 and outcome.status == 200


def test_field_errors_land_on_the_fields():
    form = TitleForm({"title": "x"})
    assert form.is_valid()
    outcome = run_service(
        _request(), _refuse(ValidationError({"title": ["Too short."]})), form=form
    )
    assert not outcome and outcome.status == 400
    assert form.errors["title"] == ["Too short."]


def test_a_stale_version_is_said_at_the_top_of_the_form_with_409():
    form = TitleForm({"title": "x"})
    assert form.is_valid()
    outcome = run_service(_request(), _refuse(StaleVersionError(3)), form=form)
    assert outcome.status == 409
    assert form.non_field_errors() == [str(STALE_VERSION)]


def test_without_a_form_the_refusal_becomes_messages():
    request = _request()
    run_service(request, _refuse(ValidationError(["First.", "Second."])))
    assert [str(message) for message in get_messages(request)] == ["First.", "Second."]


def test_a_denial_stays_a_denial():
    with pytest.raises(PermissionDenied):
        run_service(_request(), _refuse(PermissionDenied()))
