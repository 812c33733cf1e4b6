"""Versions over HTTP (the ETag is the record's version; If-Match guards updates) and the
types every endpoint shares."""

from typing import Annotated

from pydantic import Field

RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class PreconditionFailed(Exception):
    """An If-Match header that names a stale version."""


def etag(obj) -> str:
    """The entity tag of a versioned record."""
    return f'"{obj.version}"'


def expected_version(request, body_version: int | None, current_version: int) -> int | None:
    """The version the client edited: from If-Match (412 when stale) or the body's version."""
    header = request.headers.get("If-Match", "").strip()
    if header and header != "*":
        tags = [tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")]
        if str(current_version) not in tags:
            raise PreconditionFailed
        return current_version
    return body_version


def with_etag(response, obj):
    """Set the ETag on a ninja response object."""
    response["ETag"] = etag(obj)
    return obj
