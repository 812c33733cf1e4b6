"""Search, the activity feed, the department's records, their downloads and the API lists run
a fixed number of queries, with ten records as with 1,000."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deptcoord.audit.models import AuditEntry, AuditHead
from deptcoord.records.models import Note, Tag
from deptcoord.search.models import SearchEntry, SearchText
from deptcoord.search.text_search import normalise
from tests.factories import client_for


def grow(world, count: int) -> None:
    """Notes in bulk (every fifth private, tagged), their search entries and audit entries."""
    tag = Tag.objects.get_or_create(name="launch")[0]
    notes = Note.objects.bulk_create(
        Note(
            department=world.own if number % 3 else world.other,
            author=world.coordinator,
            title=f"Kế hoạch {number}",
            body="Chiến dịch ra mắt",
            is_private=number % 5 == 0,
        )
        for number in range(count)
    )
    Note.tags.through.objects.bulk_create(Note.tags.through(note=note, tag=tag) for note in notes)
    entries = SearchEntry.objects.bulk_create(
        SearchEntry(
            kind="note",
            object_id=note.pk,
            department_id=note.department_id,
            title_en=note.title,
            url=f"/records/notes/{note.pk}/",
        )
        for note in notes
    )
    SearchText.objects.bulk_create(
        SearchText(
            entry=entry,
            body=note.body,
            title_text=normalise(note.title),
            body_text=normalise(note.body),
        )
        for entry, note in zip(entries, notes, strict=True)
    )
    start = (AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    AuditEntry.objects.bulk_create(
        AuditEntry(
            id=start + index,
            created_at="2026-11-20T08:00:00Z",
            kind="update",
            action="records.note.update",
            target_type="records.Note",
            target_id=str(note.pk),
            target_label=note.title,
            department_id=note.department_id,
            changes={"title": ["a", "b"]},
            previous_hash="0" * 64,
            entry_hash=f"{start + index:064d}",
        )
        for index, note in enumerate(notes)
    )
    # The entries written next (a download's own) follow these ones.
    AuditHead.objects.update_or_create(pk=1, defaults={"last_entry_id": start + count - 1})


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


URLS = [
    "/records/?q=ke+hoach",
    "/records/?q=chien+dich&kind=note",
    "/records/departments/{own}/",
    "/records/departments/{own}/?tag=launch",
    "/records/departments/{own}/activity/",
    "/records/departments/{own}/activity/?page=2",
    "/records/departments/{own}/records.xlsx?tag=launch",
    "/records/departments/{own}/activity.csv",
    "/api/v1/search?q=ke+hoach",
    "/api/v1/notes",
    "/api/v1/departments/{own}/activity",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("role", ["member", "coordinator", "admin"])
def test_fixed_number_of_queries(world, url, role):
    url = url.format(own=world.own.pk)
    client = client_for(world.person(role))
    grow(world, 10)
    client.get(url)  # warm the caches (content types, session)
    few = queries(client, url)
    grow(world, 990)
    assert queries(client, url) == few
