"""Amounts and hours as people read them: 12.500.000 ₫ in Vietnamese, VND 12,500,000 in English."""

from decimal import Decimal

from django.utils.formats import number_format

SYMBOLS = {"VND": "₫", "USD": "$", "EUR": "€"}
NO_DECIMALS = {"VND", "JPY", "KRW"}


def money(amount, currency: str = "VND") -> str:
    """An amount in its currency, grouped for the active language."""
    amount = Decimal(amount or 0)
    places = 0 if currency in NO_DECIMALS else 2
    text = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    symbol = SYMBOLS.get(currency)
    if currency == "VND":
        return f"{text} {symbol}"
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def hours(value) -> str:
    """Hours without needless decimals: 8, 7.5."""
    plain = format(Decimal(value or 0).normalize(), "f")
    return number_format(Decimal(plain), decimal_pos=None)
