"""Hours as people read them (money is written by ``deptcoord.core.money``)."""

from decimal import Decimal

from django.utils.formats import number_format


def hours(value) -> str:
    """Hours without needless decimals: 8, 7.5."""
    if isinstance(value, float):  # through its shortest text: 10.9, not 10.9000000000000003…
        value = str(round(value, 2))
    plain = format(Decimal(value or 0).normalize(), "f")
    return number_format(Decimal(plain), decimal_pos=None)
