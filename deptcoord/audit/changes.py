"""Snapshots of a record's fields and the field-by-field difference between two of them."""

from datetime import date, datetime, time
from decimal import Decimal

from django.db import models


def _plain(value):
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    """The named fields of a record as JSON-ready values (related records as id and label)."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """Fields whose value changed, as ``{field: [before, after]}``."""
    names = sorted(set(before) | set(after))
    return {
        name: [before.get(name), after.get(name)]
        for name in names
        if before.get(name) != after.get(name)
    }
