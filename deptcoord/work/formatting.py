"""Hours as people read them (money is written by ``deptcoord.core.money``)."""

from decimal import Decimal

from django.utils.formats import number_format


def hours(value) -> str:
    """Hours without needless decimals: 8, 7.5."""
    plain = format(Decimal(value or 0).normalize(), "f")
    return number_format(Decimal(plain), decimal_pos=None)
