"""Money and numbers in the viewer's language: ``1.234.567 ₫`` in Vietnamese, ``₫1,234,567``
in English."""

from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language

CURRENCY_SYMBOLS = {"VND": "₫", "USD": "$", "EUR": "€", "JPY": "¥"}
CURRENCY_DECIMALS = {"VND": 0, "JPY": 0}


def format_number(value, decimals: int = 0) -> str:
    """A number grouped and punctuated for the active language."""
    if value is None or value == "":
        return ""
    return numberformat.format(
        Decimal(value),
        get_format("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=get_format("NUMBER_GROUPING"),
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def format_money(amount, currency: str = "VND") -> str:
    """An amount with its currency, placed as the active language writes it."""
    if amount is None or amount == "":
        return ""
    decimals = CURRENCY_DECIMALS.get(currency, 2)
    number = format_number(amount, decimals)
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    if (get_language() or "en").startswith("vi"):
        return f"{number}\u00a0{symbol}"
    return f"{symbol}{number}" if len(symbol) == 1 else f"{number}\u00a0{symbol}"
