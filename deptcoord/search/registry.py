"""Search sources: each app says which of its records are searchable, and how.

An app registers a ``SearchSource`` for a model (in its ``search.py``, imported by its
``AppConfig.ready``), calls
``index_record(obj)`` from every service that creates or changes such a record and
``unindex_record(obj)`` before deleting one. ``manage.py rebuild_search_index`` rebuilds it all.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet
from django.urls import reverse

from deptcoord.access import RoleFacts, rule_for


def _value(obj, path: str):
    for name in path.split("."):
        obj = getattr(obj, name, None) if obj is not None else None
    return obj() if callable(obj) else obj


@dataclass(frozen=True)
class SearchSource:
    """How one kind of record is searched: its titles (English, Vietnamese or both), its text,
    its page and its department. Reads of the model go through the access policy.

    ``confidential`` filters the records kept to a few people (a private note, a 1:1); search
    results mark them with a lock and ``confidential_label``, as their own pages do."""

    kind: str
    model: type[Model]
    label: object
    icon: str
    title_fields: tuple[str, ...]
    url_name: str
    body_fields: tuple[str, ...] = ()
    department_field: str = "department_id"
    body: Callable[[Model], str] | None = None
    related: tuple[str, ...] = field(default=())
    confidential: Q | None = None
    confidential_label: object = None

    def titles(self, obj) -> tuple[str, str]:
        """(English title, Vietnamese title); a single title fills both."""
        values = [str(_value(obj, name) or "") for name in self.title_fields]
        english = values[0]
        vietnamese = values[1] if len(values) > 1 else english
        return english or vietnamese, vietnamese or english

    def text(self, obj) -> str:
        """The searchable text beside the title."""
        if self.body is not None:
            return self.body(obj)
        return "\n".join(str(_value(obj, name) or "") for name in self.body_fields).strip()

    def url(self, obj) -> str:
        """The record's page."""
        return reverse(self.url_name, kwargs={"pk": obj.pk})

    def department_id(self, obj) -> int | None:
        """The department the record belongs to (None for company-wide records)."""
        return _value(obj, self.department_field) if self.department_field else None

    def all_records(self) -> QuerySet:
        """Every record of the kind, with what indexing reads (for rebuilding the index)."""
        records = self.model._default_manager.order_by("pk")
        return records.select_related(*self.related) if self.related else records


_sources: dict[str, SearchSource] = {}


def register_source(source: SearchSource) -> SearchSource:
    """Make a kind of record searchable."""
    _sources[source.kind] = source
    return source


def sources() -> dict[str, SearchSource]:
    """Every registered source, by kind."""
    return dict(_sources)


def source_for(obj) -> SearchSource | None:
    """The source of a record, or None when its kind is not searchable."""
    for source in _sources.values():
        if isinstance(obj, source.model):
            return source
    return None


def visible_entries_filter(facts: RoleFacts, kinds=None) -> Q:
    """A filter on search entries keeping only records the person may open (a kind the person
    sees entirely, as an administrator does, needs no lookup in its table)."""
    allowed = Q(pk__in=[])
    if not facts.is_authenticated:
        return allowed
    for kind, source in _sources.items():
        if kinds is not None and kind not in kinds:
            continue
        condition = rule_for(source.model).visible_filter(facts)
        if not condition:
            allowed |= Q(kind=kind)
        else:
            ids = source.model._default_manager.filter(condition).values("pk")
            allowed |= Q(kind=kind, object_id__in=ids)
    return allowed
