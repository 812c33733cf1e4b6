"""The search itself: ranked, diacritic-insensitive, limited to what the person may open.

Two queries per search whatever the size of the index: the number of matches per kind (which
also gives the total) and the page of results. SQLite ranks with BM25 over the FTS5 table,
PostgreSQL with ts_rank over the generated tsvector; titles weigh more than text on both.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Count, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from deptcoord.access import RoleFacts
from deptcoord.records.models import SearchEntry
from deptcoord.records.search.registry import sources, visible_entries_filter
from deptcoord.records.text_search import Segment, excerpt, fts5_query, highlight, query_words
from deptcoord.records.text_search import tsquery as make_tsquery

PER_PAGE = 20


@dataclass
class Result:
    """One search result: the entry, its kind, and its title and excerpt highlighted."""

    entry: SearchEntry
    kind_label: object
    icon: str
    title: list[Segment]
    excerpt: list[Segment]


@dataclass
class Search:
    """What a search found: words searched, counts per kind, the page of results."""

    query: str
    words: list[str]
    kind: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    page: object = None

    @property
    def total(self) -> int:
        """Matches over every kind."""
        return sum(self.counts.values())


class _Counted:
    """A result list whose size is already known (so the paginator does not count again)."""

    def __init__(self, queryset: QuerySet, total: int):
        self.queryset, self.total = queryset, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        return list(self.queryset[item])


def matching(words: list[str], queryset: QuerySet) -> QuerySet:
    """Entries matching every word (the last also as the start of a word), best first."""
    vendor = connection.vendor
    if vendor == "sqlite":
        return queryset.filter(index_row__document__matches=fts5_query(words)).order_by(
            "index_row__rank", "-id"
        )
    if vendor == "postgresql":
        text = make_tsquery(words)
        return (
            queryset.alias(
                hit=RawSQL(
                    "records_searchentry.search_vector @@ to_tsquery('simple', %s)",
                    [text],
                    output_field=BooleanField(),
                )
            )
            .filter(hit=True)
            .annotate(
                rank=RawSQL(
                    "ts_rank(records_searchentry.search_vector, to_tsquery('simple', %s))",
                    [text],
                    output_field=FloatField(),
                )
            )
            .order_by("-rank", "-id")
        )
    for word in words:  # other databases: a plain scan, titles first
        queryset = queryset.filter(Q(title_text__contains=word) | Q(body_text__contains=word))
    return queryset.order_by("-id")


def search(
    facts: RoleFacts, query: str, kind: str = "", page: int = 1, per_page: int = PER_PAGE
) -> Search:
    """Search everything the person may open; ``words`` is empty when the query has none."""
    words = query_words(query)
    known = sources()
    kind = kind if kind in known else ""
    found = Search(query=query, words=words, kind=kind)
    if not words:
        return found
    entries = matching(words, SearchEntry.objects.filter(visible_entries_filter(facts)))
    counts = entries.order_by().values("kind").annotate(total=Count("id"))
    found.counts = {row["kind"]: row["total"] for row in counts if row["kind"] in known}
    if kind:
        entries = entries.filter(kind=kind)
    total = found.counts.get(kind, 0) if kind else found.total
    paginator = Paginator(_Counted(entries.defer("title_text"), total), per_page)
    found.page = paginator.get_page(page)
    found.page.object_list = [_result(entry, words, known) for entry in found.page.object_list]
    return found


def _result(entry: SearchEntry, words: list[str], known) -> Result:
    source = known[entry.kind]
    return Result(
        entry=entry,
        kind_label=source.label,
        icon=source.icon,
        title=highlight(entry.title, words),
        excerpt=excerpt(entry.body, words, normalised=entry.body_text) if entry.body else [],
    )
