"""Money and counts typed the way the product prints them are accepted in every form, and a
refusal shows what to type."""

import contextlib
import importlib

import pytest
from django import forms
from django.apps import apps
from django.utils import translation

from deptcoord.core.forms import ServiceForm
from deptcoord.core.validation import LocalDecimalField, LocalIntegerField
from deptcoord.meetings.forms import FindTimeForm
from deptcoord.org.models import Person
from deptcoord.work.forms import ExpenseForm


def every_service_form() -> list[type]:
    for config in apps.get_app_configs():
        if config.name.startswith("deptcoord."):
            with contextlib.suppress(ModuleNotFoundError):
                importlib.import_module(f"{config.name}.forms")
    found, todo = [], [ServiceForm]
    while todo:
        form = todo.pop()
        found.append(form)
        todo.extend(form.__subclasses__())
    return found


def test_every_number_field_of_every_form_reads_the_readers_numbers():
    plain = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in every_service_form()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField)
        and not isinstance(field, LocalDecimalField | LocalIntegerField)
        and not isinstance(field.widget, forms.HiddenInput)
    ]
    assert plain == []


EXPENSE = {"date": "2026-12-01", "category": "other", "note": ""}


@pytest.mark.parametrize("typed", ["5.000.000", "5,000,000", "5 000 000", "5000000", "5.000.000 "])
def test_money_is_accepted_as_the_product_prints_it(typed):
    with translation.override("vi"):
        form = ExpenseForm(data={**EXPENSE, "amount": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == 5_000_000


def test_a_refused_amount_says_what_to_type():
    with translation.override("vi"):
        form = ExpenseForm(data={**EXPENSE, "amount": "5 triệu"})
        assert not form.is_valid()
        assert form.errors["amount"] == [
            "“5 triệu” không phải là số. Hãy nhập như 5.000.000 hoặc 1.234,5."
        ]
    with translation.override("en"):
        form = ExpenseForm(data={**EXPENSE, "amount": "lots"})
        assert form.errors["amount"] == [
            "“lots” is not a number. Type it like 5,000,000 or 1,234.5."
        ]


@pytest.mark.parametrize(("language", "typed"), [("vi", "1.200"), ("en", "1,200"), ("vi", "1200")])
def test_whole_numbers_are_read_grouped_too(language, typed):
    field = LocalIntegerField()
    with translation.override(language):
        assert field.clean(typed) == 1200


@pytest.mark.django_db
def test_a_count_that_is_not_whole_is_refused_with_an_example():
    with translation.override("vi"):
        form = FindTimeForm(data={"duration": "1,5"}, people=Person.objects.none())
        assert not form.is_valid()
        assert form.errors["duration"] == ["“1,5” không phải là số nguyên. Hãy nhập như 1.200."]
        assert 'type="number"' not in str(form["duration"])
