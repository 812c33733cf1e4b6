"""Money in the viewer's language, the same in pages, messages and exports."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from deptcoord.core.money import format_money


@pytest.mark.parametrize(
    ("language", "amount", "currency", "text"),
    [
        ("vi", 12_500_000, "VND", "12.500.000\u00a0₫"),
        ("en", 12_500_000, "VND", "₫12,500,000"),
        ("vi", Decimal("1234.5"), "USD", "1.234,50\u00a0$"),
        ("en", Decimal("1234.5"), "USD", "$1,234.50"),
        ("en", 1000, "SGD", "1,000.00\u00a0SGD"),
        ("vi", None, "VND", ""),
    ],
)
def test_money_in_each_language(language, amount, currency, text):
    with translation.override(language):
        assert format_money(amount, currency) == text


@pytest.mark.parametrize(("language", "text"), [("vi", "12.500.000\u00a0₫"), ("en", "₫12,500,000")])
def test_the_money_filter_writes_what_the_formatter_writes(language, text):
    template = Template("{% load deptcoord %}{{ amount|money:currency }}")
    with translation.override(language):
        rendered = template.render(Context({"amount": 12_500_000, "currency": "VND"}))
    assert rendered == text


def test_there_is_one_money_filter():
    from deptcoord.work.templatetags import work

    assert "money" not in work.register.filters
