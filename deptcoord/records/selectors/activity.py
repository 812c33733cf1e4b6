"""The department activity feed: what changed in the department, from the audit trail, showing
only entries about records the viewer may open now."""

from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import connection
from django.db.models import BigIntegerField, CharField, Func, Q, QuerySet
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse

from deptcoord.access import RoleFacts, rule_for, visible
from deptcoord.audit.models import AuditEntry

# The page of each kind of record, by model label; other apps add theirs with ``record_page``.
RECORD_PAGES = {
    "goals.Goal": "goals:goal_detail",
    "goals.KeyResult": "goals:key_result_detail",
    "goals.Standard": "goals:standard_detail",
    "goals.GoalTemplate": "goals:template_detail",
    "records.Note": "records:note_detail",
    "records.Document": "records:document_detail",
    "org.Department": "org:department_detail",
    "org.Person": "org:person_detail",
}


def record_page(label: str, url_name: str) -> None:
    """Link feed entries about records of this model (``app.Model``) to their page."""
    RECORD_PAGES[label] = url_name


@cache
def _ruled_models() -> tuple:
    ruled = []
    for model in apps.get_models():
        try:
            rule_for(model)
        except LookupError:
            continue
        if model._meta.pk.get_internal_type() in {"AutoField", "BigAutoField"}:
            ruled.append(model)
    return tuple(ruled)


class TargetKey(Func):
    """An entry's ``target_id`` as a number (None when it holds anything but digits), compared
    on SQLite with the records' own keys: a kind the viewer sees whole is then looked up
    through its primary key, where comparing as text made SQLite first write out every key of
    the table as text (100,000 steps for an executive)."""

    template = (
        "(CASE WHEN %(expressions)s GLOB '*[^0-9]*' THEN NULL "
        "ELSE CAST(%(expressions)s AS integer) END)"
    )
    output_field = BigIntegerField()
    arity = 1


def _visible_targets(facts: RoleFacts, labels) -> Q:
    """The entries about records the viewer may open. SQLite compares the keys as numbers;
    PostgreSQL hashes the table's keys as text faster than it turns each entry's key into a
    number."""
    allowed = Q(pk__in=[])
    for model in _ruled_models():
        label = model._meta.label
        if label not in labels:
            continue
        records = visible(facts, model._default_manager.all())
        if connection.vendor == "sqlite":
            allowed |= Q(target_type=label, target_key__in=records.values("pk"))
        else:
            keys = records.annotate(text_id=Cast("pk", CharField())).values("text_id")
            allowed |= Q(target_type=label, target_id__in=keys)
    return allowed


def activity(facts: RoleFacts, department) -> QuerySet:
    """The department's changes, newest first, about records the viewer may open (one query
    whatever their number: every kind's visibility is a subquery). Only the kinds of record
    the department's entries are about are checked, which keeps the query small."""
    entries = AuditEntry.objects.filter(department_id=department.pk).exclude(
        kind=AuditEntry.Kind.SECURITY
    )
    labels = set(entries.order_by().values_list("target_type", flat=True).distinct())
    feed = (
        entries.alias(target_key=TargetKey("target_id"))
        if connection.vendor == "sqlite"
        else entries
    )
    return feed.filter(_visible_targets(facts, labels)).order_by("-id")


@dataclass(frozen=True)
class ActivityRow:
    """One line of the feed: the entry and the page of its record (when it has one)."""

    entry: AuditEntry
    url: str


def activity_rows(entries) -> list[ActivityRow]:
    """Feed lines for a page of entries, each linked to its record's page."""
    rows = []
    for entry in entries:
        url = ""
        url_name = RECORD_PAGES.get(entry.target_type)
        if url_name and entry.target_id.isdigit():
            try:
                url = reverse(url_name, kwargs={"pk": int(entry.target_id)})
            except NoReverseMatch:
                url = ""
        rows.append(ActivityRow(entry, url))
    return rows
