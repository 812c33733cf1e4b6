"""The search itself: ranked, diacritic-insensitive, limited to what the person may open.

One query per search whatever the size of the index: the page of results, each row carrying
the number of matches per kind (window sums over every match), which also gives the total.
SQLite ranks with BM25 over the FTS5 table, PostgreSQL with ts_rank over the generated
tsvector; titles weigh more than text on both.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL

from deptcoord.access import RoleFacts
from deptcoord.search.models import SearchEntry, SearchText
from deptcoord.search.registry import sources, visible_entries_filter
from deptcoord.search.text_search import Segment, excerpt, fts5_query, highlight, query_words
from deptcoord.search.text_search import tsquery as make_tsquery

PER_PAGE = 20
# The newest matches a search ranks and counts: a common word matches tens of thousands of
# records, and ranking them all made an executive's search the slowest page at company size.
CANDIDATES = 1_000


@dataclass
class Result:
    """One search result: the entry, its kind, and its title and excerpt highlighted."""

    entry: SearchEntry
    kind_label: object
    icon: str
    title: list[Segment]
    excerpt: list[Segment]
    confidential_label: object = None

    @property
    def confidential(self) -> bool:
        """Whether the record is kept to a few people (shown with a lock)."""
        return self.confidential_label is not None


@dataclass
class Search:
    """What a search found: words searched, counts per kind, the page of results."""

    query: str
    words: list[str]
    kind: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    page: object = None
    more: bool = False  # more matches than were counted: each count is "at least"
    cap: int = 0  # how many matches were counted at most

    @property
    def total(self) -> int:
        """Matches over every kind (at most ``CANDIDATES`` + 1 were counted)."""
        return sum(self.counts.values())


class _Counted:
    """A result list whose size is already known (the paginator does not count again)."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total


def matching(words: list[str], queryset: QuerySet) -> QuerySet:
    """Entries matching every word (the last also as the start of a word), best first."""
    vendor = connection.vendor
    if vendor == "sqlite":
        return _matches(words, queryset).order_by("index_row__rank", "-id")
    if vendor == "postgresql":
        text = make_tsquery(words)
        return (
            _matches(words, queryset)
            .annotate(
                rank=RawSQL(
                    "(SELECT ts_rank(t.search_vector, to_tsquery('simple', %s)) FROM "
                    "records_searchtext t WHERE t.entry_id = records_searchentry.id)",
                    [text],
                    output_field=FloatField(),
                )
            )
            .order_by("-rank", "-id")
        )
    return _matches(words, queryset).order_by("-id")


def newest_matching(words: list[str], queryset: QuerySet, limit: int) -> QuerySet:
    """The keys of the newest ``limit`` entries matching every word, unranked: on SQLite the
    full-text index hands its matches over newest first, so reading stops at ``limit``."""
    matches = _matches(words, queryset)
    if connection.vendor == "sqlite":
        matches = matches.order_by("-index_row__entry")
    else:
        matches = matches.order_by("-id")
    return matches.values("pk")[:limit]


def _matches(words: list[str], queryset: QuerySet) -> QuerySet:
    vendor = connection.vendor
    if vendor == "sqlite":
        return queryset.filter(index_row__document__matches=fts5_query(words))
    if vendor == "postgresql":
        # The matching entries come from the GIN index first (a correlated EXISTS would test
        # every entry the person may see, one by one).
        hits = RawSQL(
            "SELECT t.entry_id FROM records_searchtext t "
            "WHERE t.search_vector @@ to_tsquery('simple', %s)",
            [make_tsquery(words)],
        )
        return queryset.filter(pk__in=hits)
    for word in words:  # other databases: a plain scan
        queryset = queryset.filter(
            Q(text__title_text__contains=word) | Q(text__body_text__contains=word)
        )
    return queryset


def _with_counts(queryset: QuerySet, kinds) -> QuerySet:
    """Each row also carries, per kind, how many entries match in all (``n_<kind>``)."""
    return queryset.annotate(
        **{
            f"n_{kind}": Window(
                Sum(
                    Case(
                        When(kind=kind, then=Value(1)),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                )
            )
            for kind in kinds
        }
    )


def _with_confidential(queryset: QuerySet, kinds) -> QuerySet:
    """Each row also says whether its record is confidential (``is_confidential``), inside the
    same query: a lookup per row of the page, never another query."""
    cases = [
        When(
            kind=kind,
            then=Exists(
                source.model._default_manager.filter(source.confidential).filter(
                    pk=OuterRef("object_id")
                )
            ),
        )
        for kind, source in kinds.items()
        if source.confidential is not None
    ]
    flag = (
        Case(*cases, default=Value(False), output_field=BooleanField())
        if cases
        else Value(False, output_field=BooleanField())
    )
    return queryset.annotate(is_confidential=flag)


def search(
    facts: RoleFacts, query: str, kind: str = "", page: int = 1, per_page: int = PER_PAGE
) -> Search:
    """Search everything the person may open; ``words`` is empty when the query has none.

    The newest ``CANDIDATES`` matches the person may open are ranked, counted and paged (a
    common word matches tens of thousands of records: beyond that many, ``more`` says so and
    the total reads "1,000+"). One query for a search over every kind (the counts ride along
    with the rows), two when one kind is chosen or the page asked for lies past the end."""
    words = query_words(query)
    known = sources()
    kind = kind if kind in known else ""
    found = Search(query=query, words=words, kind=kind, cap=CANDIDATES)
    if not words:
        return found
    visible_entries = SearchEntry.objects.filter(visible_entries_filter(facts))
    candidates = newest_matching(
        words, visible_entries.filter(kind=kind) if kind else visible_entries, CANDIDATES + 1
    )
    shown = _with_counts(matching(words, SearchEntry.objects.filter(pk__in=candidates)), known)
    shown = _with_confidential(shown, known)
    number = _page_number(page)
    rows = _rows(shown, number, per_page)
    counts = {} if rows and not kind else _counts(words, visible_entries, known)
    if rows:  # the counts that ride along with the rows (a chosen kind's own, from its matches)
        counts.update({name: getattr(rows[0], f"n_{name}") for name in ([kind] if kind else known)})
    elif kind:
        counts[kind] = SearchEntry.objects.filter(pk__in=candidates).count()
    found.counts = {name: count for name, count in counts.items() if count}
    found.more = sum(counts.values()) > CANDIDATES or counts.get(kind, 0) > CANDIDATES
    listed = min(found.counts.get(kind, 0) if kind else found.total, CANDIDATES)
    paginator = Paginator(_Counted(listed), per_page)
    if not rows and listed:  # past the last page: show the last one
        number = paginator.num_pages
        rows = _rows(shown, number, per_page)
    found.page = Page([_result(entry, words, known) for entry in rows], number, paginator)
    return found


def _counts(words: list[str], visible_entries: QuerySet, known) -> dict[str, int]:
    """How many of the newest ``CANDIDATES`` + 1 matches there are of each kind."""
    everything = newest_matching(words, visible_entries, CANDIDATES + 1)
    totals = (
        SearchEntry.objects.filter(pk__in=everything)
        .order_by()
        .values("kind")
        .annotate(total=Count("id"))
    )
    return {row["kind"]: row["total"] for row in totals if row["kind"] in known}


def _page_number(page) -> int:
    try:
        return max(1, min(int(page), 10_000))
    except (TypeError, ValueError):
        return 1


def _rows(entries: QuerySet, number: int, per_page: int) -> list[SearchEntry]:
    """A page of entries with their texts: the texts are read for these rows only, apart, so
    that ranking thousands of matches never reads their long texts."""
    offset = (number - 1) * per_page
    rows = list(entries[offset : offset + per_page])
    texts = SearchText.objects.defer("title_text").in_bulk([row.pk for row in rows])
    for row in rows:
        row.text = texts.get(row.pk) or SearchText(entry=row)
    return rows


def _result(entry: SearchEntry, words: list[str], known) -> Result:
    source = known[entry.kind]
    return Result(
        entry=entry,
        kind_label=source.label,
        icon=source.icon,
        title=highlight(entry.title, words),
        excerpt=excerpt(entry.text.body, words, normalised=entry.text.body_text)
        if entry.text.body
        else [],
        confidential_label=source.confidential_label
        if getattr(entry, "is_confidential", False)
        else None,
    )


QUICK_FIND_LIMIT = 20


def quick_find(facts: RoleFacts, query: str, kinds, limit: int = QUICK_FIND_LIMIT) -> list[Result]:
    """The best few records of the given kinds whose titles or text match every word, among
    those the person may open (for jumping to a record by name): one query, at most ``limit``
    rows, no counts and no excerpts."""
    words = query_words(query)
    known = {kind: source for kind, source in sources().items() if kind in kinds}
    if not words or not known:
        return []
    entries = matching(
        words, SearchEntry.objects.filter(visible_entries_filter(facts, known), kind__in=known)
    )
    return [
        Result(
            entry=entry,
            kind_label=known[entry.kind].label,
            icon=known[entry.kind].icon,
            title=highlight(entry.title, words),
            excerpt=[],
        )
        for entry in entries[: max(1, min(limit, QUICK_FIND_LIMIT))]
    ]
