"""HTTP helpers every API module shares: the one primary-key type, and versions over HTTP
(the ETag is the record's version; If-Match guards updates)."""

from datetime import time
from typing import Annotated

from pydantic import Field, WithJsonSchema

from deptcoord.core.versioning import NO_VERSION_SENT

# Database keys are signed 64-bit integers; a larger or non-positive id names no record and is
# refused as bad input (422 naming the field) before it reaches the database.
MAX_PRIMARY_KEY = 2**63 - 1
PrimaryKey = Annotated[int, Field(ge=1, le=MAX_PRIMARY_KEY)]

# A time of day on the wall clock (working hours), written "08:30:00". JSON Schema's "time"
# format is RFC 3339's full-time, which needs a UTC offset these times do not have, so the
# contract describes them by their pattern.
LocalTime = Annotated[
    time,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
            "description": "A time of day on the wall clock, HH:MM[:SS].",
            "examples": ["08:30:00"],
        }
    ),
]


class PreconditionFailed(Exception):
    """An If-Match header that names a stale version."""


def etag(obj) -> str:
    """The entity tag of a versioned record."""
    return f'"{obj.version}"'


def expected_version(request, body_version: int | None, current_version: int):
    """The version the client edited: from If-Match (412 when stale) or the body's version.

    An update or delete must send one of the two (the service answers 428 after its access
    check): a blind write would silently overwrite someone else's change. ``If-Match: *`` is an
    explicit "whatever the version". The services compare again under the row lock; a change
    in between is answered as stale (412 when the version came in If-Match).
    """
    header = request.headers.get("If-Match", "").strip()
    if header == "*":
        return None
    if header:
        tags = [tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")]
        if str(current_version) not in tags:
            raise PreconditionFailed
        return current_version
    if body_version is None and request.method in ("PATCH", "PUT", "DELETE"):
        return NO_VERSION_SENT
    return body_version


def with_etag(response, obj):
    """Set the ETag on a ninja response object."""
    response["ETag"] = etag(obj)
    return obj
