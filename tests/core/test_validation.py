"""Numbers typed the way each language writes them, and refused when they are not numbers."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from deptcoord.core.messages import NOT_A_NUMBER
from deptcoord.core.money import format_number
from deptcoord.core.validation import (
    AMBIGUOUS_NUMBER,
    LocalDecimalField,
    NumberError,
    parse_decimal,
)


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        ("vi", "5.000.000", "5000000"),
        ("vi", "1.234,5", "1234.5"),
        ("vi", "500.000", "500000"),
        ("vi", "12,5", "12.5"),
        ("en", "5,000,000", "5000000"),
        ("en", "1,234.5", "1234.5"),
        ("en", "1,000", "1000"),
        ("en", "12.5", "12.5"),
        *[(language, "5000000", "5000000") for language in ("en", "vi")],
        *[(language, "1234.5", "1234.5") for language in ("en", "vi")],
        *[(language, "-4", "-4") for language in ("en", "vi")],
        *[(language, "1e9", "1000000000") for language in ("en", "vi")],
        *[(language, " 5 000 000 ", "5000000") for language in ("en", "vi")],
    ],
)
def test_numbers_in_each_language(language, text, number):
    with translation.override(language):
        assert parse_decimal(text) == Decimal(number)


@pytest.mark.parametrize(
    ("language", "text", "number"),
    [
        # Written the other language's way, with only one possible reading.
        ("en", "5.000.000", "5000000"),
        ("en", "1.234,5", "1234.5"),
        ("vi", "5,000,000", "5000000"),
        ("vi", "1,234.5", "1234.5"),
    ],
)
def test_the_other_languages_way_is_read_when_it_can_mean_one_thing(language, text, number):
    with translation.override(language):
        assert parse_decimal(text) == Decimal(number)


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize(
    "text", ["", "-", "abc", "e5", "1e", "NaN", "Infinity", "1,2,3", "1.234.56", "12a", "٣", "1..2"]
)
def test_garbage_is_refused_with_a_translated_message(language, text):
    with translation.override(language):
        with pytest.raises(NumberError) as refused:
            parse_decimal(text)
        assert str(refused.value) == str(NOT_A_NUMBER % {"value": text.strip()})


def test_a_number_that_reads_two_ways_is_refused():
    with translation.override("en"), pytest.raises(NumberError) as refused:
        parse_decimal("1234,567")
    assert str(refused.value) == str(AMBIGUOUS_NUMBER % {"value": "1234,567", "example": "1,234.5"})


def test_the_refusal_is_in_vietnamese():
    with translation.override("vi"), pytest.raises(NumberError) as refused:
        parse_decimal("nhiều")
    assert str(refused.value) != "“nhiều” is not a number."


def test_currency_and_percent_signs_are_allowed_where_asked():
    with translation.override("vi"):
        assert parse_decimal("12.500.000 ₫", units=True) == 12_500_000
        assert parse_decimal("95,5 %", units=True) == Decimal("95.5")
        with pytest.raises(NumberError):
            parse_decimal("12.500.000 ₫")


@given(
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False),
    st.sampled_from(["en", "vi"]),
)
def test_a_number_as_the_product_prints_it_reads_back(number, language):
    with translation.override(language):
        assert parse_decimal(format_number(number, 2)) == number


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["en", "vi"]))
def test_whole_amounts_read_back_grouped_or_plain(amount, language):
    with translation.override(language):
        assert parse_decimal(format_number(amount)) == amount
        assert parse_decimal(str(amount)) == amount


class AmountForm(forms.Form):
    amount = LocalDecimalField(label="Amount", max_digits=16, decimal_places=2)


@pytest.mark.parametrize(
    ("language", "typed"), [("vi", "5.000.000"), ("en", "5,000,000"), ("vi", "5000000")]
)
def test_form_fields_read_the_viewers_numbers(language, typed):
    with translation.override(language):
        form = AmountForm({"amount": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["amount"] == 5_000_000


def test_form_fields_show_the_reason_on_the_field():
    with translation.override("en"):
        form = AmountForm({"amount": "lots"})
        assert not form.is_valid()
        assert form.errors["amount"] == [str(NOT_A_NUMBER % {"value": "lots"})]
