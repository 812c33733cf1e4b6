"""Keeping the search index in step with the records: called by the services that write them."""

from django.db import transaction

from deptcoord.search.models import SearchEntry, SearchText
from deptcoord.search.registry import SearchSource, source_for, sources
from deptcoord.search.text_search import normalise

MAX_BODY = 200_000


def _fields(source: SearchSource, obj) -> tuple[dict, dict]:
    """The entry's fields and its text's fields."""
    title_en, title_vi = source.titles(obj)
    title_vi = "" if title_vi == title_en else title_vi
    body = source.text(obj)[:MAX_BODY]
    entry = {
        "department_id": source.department_id(obj),
        "title_en": title_en[:300],
        "title_vi": title_vi[:300],
        "url": source.url(obj),
    }
    text = {
        "body": body,
        "title_text": normalise(f"{title_en} {title_vi}"),
        "body_text": normalise(body),
    }
    return entry, text


def index_record(obj) -> None:
    """Add or refresh the record's search entry (does nothing for kinds that are not searched)."""
    source = source_for(obj)
    if source is None:
        return
    fields, text = _fields(source, obj)
    entry, _created = SearchEntry.objects.update_or_create(
        kind=source.kind, object_id=obj.pk, defaults=fields
    )
    SearchText.objects.update_or_create(entry=entry, defaults=text)


def unindex_record(obj) -> None:
    """Remove the record's search entry (call it before the record is deleted)."""
    source = source_for(obj)
    if source is not None:
        SearchEntry.objects.filter(kind=source.kind, object_id=obj.pk).delete()


def index_new_records(objects) -> int:
    """Index records that have no entry yet, in bulk (e.g. a whole generated company);
    returns how many entries were added."""
    batch = []
    for obj in objects:
        source = source_for(obj)
        if source is not None:
            batch.append((source.kind, obj.pk, *_fields(source, obj)))
    return _store(batch)


@transaction.atomic
def rebuild_index(batch_size: int = 1000) -> dict[str, int]:
    """Rebuild every entry from the records themselves; returns how many entries per kind."""
    SearchEntry.objects.all().delete()
    counts = {}
    for kind, source in sources().items():
        batch, count = [], 0
        for obj in source.all_records().iterator(chunk_size=batch_size):
            batch.append((kind, obj.pk, *_fields(source, obj)))
            if len(batch) >= batch_size:
                count += _store(batch)
                batch = []
        counts[kind] = count + _store(batch)
    return counts


def _store(batch: list) -> int:
    entries = SearchEntry.objects.bulk_create(
        SearchEntry(kind=kind, object_id=pk, **fields) for kind, pk, fields, _text in batch
    )
    SearchText.objects.bulk_create(
        SearchText(entry=entry, **text) for entry, (*_row, text) in zip(entries, batch, strict=True)
    )
    return len(entries)
