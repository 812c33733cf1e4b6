"""Keeping the search index in step with the records: called by the services that write them."""

from django.db import transaction

from deptcoord.records.models import SearchEntry
from deptcoord.records.search.registry import SearchSource, source_for, sources
from deptcoord.records.text_search import normalise

MAX_BODY = 200_000


def _fields(source: SearchSource, obj) -> dict:
    title_en, title_vi = source.titles(obj)
    title_vi = "" if title_vi == title_en else title_vi
    body = source.text(obj)[:MAX_BODY]
    return {
        "department_id": source.department_id(obj),
        "title_en": title_en[:300],
        "title_vi": title_vi[:300],
        "url": source.url(obj),
        "body": body,
        "title_text": normalise(f"{title_en} {title_vi}"),
        "body_text": normalise(body),
    }


def index_record(obj) -> None:
    """Add or refresh the record's search entry (does nothing for kinds that are not searched)."""
    source = source_for(obj)
    if source is None:
        return
    SearchEntry.objects.update_or_create(
        kind=source.kind, object_id=obj.pk, defaults=_fields(source, obj)
    )


def unindex_record(obj) -> None:
    """Remove the record's search entry (call it before the record is deleted)."""
    source = source_for(obj)
    if source is not None:
        SearchEntry.objects.filter(kind=source.kind, object_id=obj.pk).delete()


@transaction.atomic
def rebuild_index(batch_size: int = 1000) -> dict[str, int]:
    """Rebuild every entry from the records themselves; returns how many entries per kind."""
    SearchEntry.objects.all().delete()
    counts = {}
    for kind, source in sources().items():
        batch, count = [], 0
        for obj in source.all_records().iterator(chunk_size=batch_size):
            batch.append(SearchEntry(kind=kind, object_id=obj.pk, **_fields(source, obj)))
            if len(batch) >= batch_size:
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
        counts[kind] = count + len(batch)
    return counts
