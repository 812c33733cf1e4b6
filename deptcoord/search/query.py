"""The search itself: ranked, diacritic-insensitive, limited to what the person may open.

A fixed number of queries per search whatever the size of the index: the newest matches
with their kind and rank (counted and ranked in Python), then the page's rows.
SQLite ranks with BM25 over the FTS5 table, PostgreSQL with ts_rank over the generated
tsvector; titles weigh more than text on both.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
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
        return _matches(words, queryset).annotate(rank=_ts_rank(words)).order_by("-rank", "-id")
    return _matches(words, queryset).order_by("-id")


def _ts_rank(words: list[str]) -> RawSQL:
    """PostgreSQL's rank of an entry's text for the words (higher is better)."""
    return RawSQL(
        "(SELECT ts_rank(t.search_vector, to_tsquery('simple', %s)) FROM "
        "records_searchtext t WHERE t.entry_id = records_searchentry.id)",
        [make_tsquery(words)],
        output_field=FloatField(),
    )


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

    The newest ``CANDIDATES`` matches the person may open are read with their kind and rank,
    in one query that reads the full-text index once (a common word matches tens of thousands
    of records: beyond that many, ``more`` says so and the total reads "1,000+"); they are
    counted and ranked here, and only the page's rows are read in full. When one kind is
    chosen, the other kinds are counted by one more query."""
    words = query_words(query)
    known = sources()
    kind = kind if kind in known else ""
    found = Search(query=query, words=words, kind=kind, cap=CANDIDATES)
    if not words:
        return found
    visible_entries = SearchEntry.objects.filter(visible_entries_filter(facts))
    candidates = _candidates(words, visible_entries.filter(kind=kind) if kind else visible_entries)
    counts = _counts(words, visible_entries, known) if kind else {}
    counts.update(Counter(entry_kind for _pk, entry_kind, _rank in candidates))
    found.counts = {name: count for name, count in counts.items() if count and name in known}
    found.more = sum(found.counts.values()) > CANDIDATES or (
        bool(kind) and found.counts.get(kind, 0) > CANDIDATES
    )
    listed = min(len(candidates), CANDIDATES)
    paginator = Paginator(_Counted(listed), per_page)
    number = min(_page_number(page), paginator.num_pages)  # past the last page: the last one
    best_first = sorted(candidates[:CANDIDATES], key=_rank_order())
    shown = [pk for pk, _kind, _rank in best_first[(number - 1) * per_page : number * per_page]]
    found.page = Page(
        [_result(entry, words, known) for entry in _rows(shown, known)], number, paginator
    )
    return found


def _candidates(words: list[str], entries: QuerySet) -> list[tuple[int, str, float]]:
    """(key, kind, rank) of the newest ``CANDIDATES`` + 1 entries matching every word."""
    matches = _matches(words, entries)
    if connection.vendor == "sqlite":
        matches = matches.order_by("-index_row__entry").values_list("pk", "kind", "index_row__rank")
    elif connection.vendor == "postgresql":
        matches = matches.order_by("-id").annotate(rank=_ts_rank(words))
        matches = matches.values_list("pk", "kind", "rank")
    else:
        matches = (
            matches.order_by("-id").annotate(rank=Value(0.0)).values_list("pk", "kind", "rank")
        )
    return list(matches[: CANDIDATES + 1])


def _rank_order():
    """Best first: BM25 is lower for a better match on SQLite, ts_rank higher on PostgreSQL;
    the newest first among equals."""
    if connection.vendor == "sqlite":
        return lambda row: (row[2] if row[2] is not None else 0.0, -row[0])
    return lambda row: (-(row[2] or 0.0), -row[0])


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


def _rows(keys: list[int], known) -> list[SearchEntry]:
    """The page's entries, in the order given, with their texts and whether each is
    confidential: the texts are read for these rows only, so that ranking a thousand
    matches never reads their long texts."""
    entries = _with_confidential(SearchEntry.objects.filter(pk__in=keys), known).in_bulk()
    texts = SearchText.objects.defer("title_text").in_bulk(keys)
    rows = [entries[pk] for pk in keys if pk in entries]
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
