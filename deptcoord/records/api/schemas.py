"""What the records API reads and writes."""

from datetime import datetime
from typing import Annotated

from django.urls import reverse
from ninja import Field

from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey

Title = Annotated[str, Field(max_length=200)]
Tags = Annotated[list[Annotated[str, Field(max_length=60)]], Field(max_length=20)]


def _tags(obj) -> list[str]:
    return sorted(tag.name for tag in obj.tags.all())


class LinkIn(Schema):
    """A record to link: its kind (goal, key_result, person, project, step, meeting…) and id."""

    kind: Annotated[str, Field(max_length=40)]
    target_id: PrimaryKey


class LinkOut(Schema):
    """A link to a record the caller may see."""

    id: int
    kind: str
    target_id: int
    name: str
    url: str


class NoteOut(Schema):
    """A department note (its text in Markdown)."""

    id: int
    department_id: int
    author_id: int
    title: str
    body: str
    tags: list[str]
    is_pinned: bool
    is_private: bool
    source: str
    created_at: datetime
    updated_at: datetime
    version: int

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return _tags(obj)


class NoteIn(Schema):
    """A new note."""

    department_id: PrimaryKey
    title: Title
    body: Annotated[str, Field(max_length=100_000)] = ""
    tags: Tags = []
    is_pinned: bool = False
    is_private: bool = False
    links: Annotated[list[LinkIn], Field(max_length=50)] = []


class NotePatch(Schema):
    """Changes to a note; ``version`` (or If-Match) guards against overwriting."""

    title: Title | None = None
    body: Annotated[str, Field(max_length=100_000)] | None = None
    tags: Tags | None = None
    is_pinned: bool | None = None
    is_private: bool | None = None
    version: int | None = None


class VersionOut(Schema):
    """One uploaded file of a document."""

    id: int
    number: int
    filename: str
    file_type: str
    size: int
    comment: str
    created_at: datetime
    download_url: str

    @staticmethod
    def resolve_download_url(obj) -> str:
        return reverse("api:download_document_version", kwargs={"pk": obj.pk})


class DocumentOut(Schema):
    """A department document with its current file."""

    id: int
    department_id: int
    author_id: int
    title: str
    description: str
    tags: list[str]
    current: VersionOut | None
    created_at: datetime
    updated_at: datetime
    version: int

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return _tags(obj)


Content = Annotated[str, Field(description="The file, base64-encoded.", max_length=40_000_000)]


class DocumentIn(Schema):
    """A new document and its first file (sent base64-encoded)."""

    department_id: PrimaryKey
    title: Title
    description: Annotated[str, Field(max_length=5000)] = ""
    tags: Tags = []
    filename: Annotated[str, Field(max_length=255)]
    content_base64: Content
    comment: Annotated[str, Field(max_length=300)] = ""


class DocumentPatch(Schema):
    """Changes to a document's details; ``version`` (or If-Match) guards against overwriting."""

    title: Title | None = None
    description: Annotated[str, Field(max_length=5000)] | None = None
    tags: Tags | None = None
    version: int | None = None


class VersionIn(Schema):
    """A new file for a document (sent base64-encoded)."""

    filename: Annotated[str, Field(max_length=255)]
    content_base64: Content
    comment: Annotated[str, Field(max_length=300)] = ""
    version: int | None = None


class SearchResultOut(Schema):
    """One search result; ``highlights`` are the matched words as written in the record, and
    ``confidential`` is true for a record kept to a few people (a private note, a 1:1), which
    the page marks with a lock."""

    kind: str
    id: int
    title: str
    url: str
    department_id: int | None
    confidential: bool
    excerpt: str
    highlights: list[str]


class SearchOut(Schema):
    """A page of search results, with the number of matches per kind."""

    query: str
    total: int
    more: bool = Field(
        False,
        description="More than 1,000 matches: the total and the counts stop at 1,000, and the "
        "results are the best of the newest 1,000.",
    )
    counts: dict[str, int]
    page: int
    pages: int
    results: list[SearchResultOut]


class ActivityOut(Schema):
    """One change in a department's activity feed."""

    id: int
    created_at: datetime
    actor: str
    kind: str
    action: str
    target_type: str
    target_id: str
    target_label: str
    changed_fields: list[str]

    @staticmethod
    def resolve_actor(obj) -> str:
        return obj.actor_name

    @staticmethod
    def resolve_changed_fields(obj) -> list[str]:
        return sorted(obj.changes) if obj.kind == "update" else []
