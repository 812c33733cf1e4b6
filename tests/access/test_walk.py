"""Every id, every operation: a hidden record answers exactly like a missing one.

The matrix (test_matrix.py) states the promise role by role for one record of each kind. This
walk does not sample: it builds every record the matrix knows (Marketing's projects, steps,
goals, meetings, notes, feedback, 1:1s, plans, reports… and their confidential kinds), then, as a
member and a coordinator of Marketing and of Sales, sends every API operation that takes a
record id and every page that takes one (GET and POST) with the id of every record of that kind
the policy hides from them. Each answer must equal the answer for an id that names nothing, and
nothing may change. Every API list is read whole: it must hold no hidden record, and no id it
names of a related record may be one the reader cannot open.
"""

import contextlib
import json
import re

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from deptcoord.access import visible
from deptcoord.access.policy import rule_for
from deptcoord.api.router import api
from deptcoord.audit.models import AuditEntry
from deptcoord.org.facts import role_facts_for_person
from tests.access.matrix import API, EXTENSIONS, PAGES, POLICY
from tests.access.test_matrix import policy_target, target_for
from tests.factories import client_for

WALKERS = ("member", "coordinator", "other_member", "other_coordinator")

# The record kind of each API path segment that comes before an id.
API_KINDS = {
    "departments": "org.Department",
    "people": "org.Person",
    "memberships": "org.Membership",
    "time-off": "org.TimeOff",
    "goals": "goals.Goal",
    "key-results": "goals.KeyResult",
    "goal-templates": "goals.GoalTemplate",
    "template-key-results": "goals.TemplateKeyResult",
    "standards": "goals.Standard",
    "reports": "reports.StatusReport",
    "plans": "planning.PlanRun",
    "meetings": "meetings.Meeting",
    "agenda-items": "meetings.AgendaItem",
    "action-items": "meetings.ActionItem",
    "events": "meetings.Event",
    "calendar-feed": "meetings.CalendarFeedToken",
    "skills": "org.Skill",
    "role-profiles": "people.RoleProfile",
    "development-plans": "people.DevelopmentPlan",
    "development-actions": "people.DevelopmentAction",
    "feedback-levels": "people.FeedbackLevel",
    "feedback": "people.Feedback",
    "one-on-ones": "people.OneOnOne",
    "projects": "work.Project",
    "expenses": "work.Expense",
    "steps": "work.Step",
    "dependencies": "work.Dependency",
    "time-entries": "work.TimeEntry",
    "requests": "work.Request",
    "recurring-activities": "work.RecurringActivity",
    "notes": "records.Note",
    "record-links": "records.RecordLink",
    "documents": "records.Document",
    "document-versions": "records.DocumentVersion",
}

# The record kind of each page URL (namespace:name) that takes a record id.
PAGE_KINDS = {
    "org:department_detail": "org.Department",
    "org:department_edit": "org.Department",
    "org:department_toggle_active": "org.Department",
    "org:membership_add": "org.Department",
    "org:membership_role": "org.Membership",
    "org:membership_remove": "org.Membership",
    "org:person_detail": "org.Person",
    "org:person_edit": "org.Person",
    "org:person_toggle_active": "org.Person",
    "org:person_roles": "org.Person",
    "org:person_invite": "org.Person",
    "org:time_off_create": "org.Person",
    "org:time_off_delete": "org.TimeOff",
    "token_revoke": "api.AccessToken",
    "notices:notification_open": "notices.Notification",
    "meetings:feed_revoke": "meetings.CalendarFeedToken",
}
PAGE_PREFIXES = {  # the rest by the path segment before the id
    "goals/": {
        "goals": "goals.Goal",
        "key-results": "goals.KeyResult",
        "templates": "goals.GoalTemplate",
        "template-key-results": "goals.TemplateKeyResult",
        "standards": "goals.Standard",
    },
    "plan/": {"plan": "planning.PlanRun"},
    "reports/": {"reports": "reports.StatusReport"},
    "meetings/": {
        "meetings": "meetings.Meeting",
        "agenda": "meetings.AgendaItem",
        "actions": "meetings.ActionItem",
        "decisions": "meetings.Decision",
        "events": "meetings.Event",
    },
    "people/": {
        "person": "org.Person",
        "skills": "org.Skill",
        "roles": "people.RoleProfile",
        "levels": "people.FeedbackLevel",
        "plans": "people.DevelopmentPlan",
        "plan-actions": "people.DevelopmentAction",
        "feedback": "people.Feedback",
        "one-on-ones": "people.OneOnOne",
        "talking-points": "people.TalkingPoint",
        "one-on-one-actions": "people.OneOnOneActionItem",
    },
    "work/": {
        "projects": "work.Project",
        "expenses": "work.Expense",
        "steps": "work.Step",
        "links": "work.Dependency",
        "comments": "work.StepComment",
        "time": "work.TimeEntry",
        "departments": "org.Department",
        "requests": "work.Request",
        "recurring": "work.RecurringActivity",
    },
    "records/": {
        "departments": "org.Department",
        "notes": "records.Note",
        "documents": "records.Document",
        "versions": "records.DocumentVersion",
        "links": "records.RecordLink",
    },
}
# Pages whose id is not a record's primary key: an upload's uuid, a link's secret.
NOT_RECORD_IDS = {"accept_invitation", "notices:unsubscribe", "meetings:feed"}

# Related ids an API answer may carry, by the name of the field (``goal_id``, ``goal_ids``).
RELATED_KINDS = {
    "goal": "goals.Goal",
    "parent_goal": "goals.Goal",
    "key_result": "goals.KeyResult",
    "project": "work.Project",
    "step": "work.Step",
    "predecessor": "work.Step",
    "successor": "work.Step",
    "meeting": "meetings.Meeting",
    "note": "records.Note",
    "document": "records.Document",
    "report": "reports.StatusReport",
    "plan": "people.DevelopmentPlan",
    "one_on_one": "people.OneOnOne",
    "feedback": "people.Feedback",
    "request": "work.Request",
}


def _all_records(world):
    """Build every record the matrix rows name."""
    names = {row.target for row in PAGES if row.target}
    names |= {row[2] for row in API if row[2]}
    for row in POLICY:
        with contextlib.suppress(KeyError):
            policy_target(world, "admin", row)
    for name in sorted(names):
        with contextlib.suppress(KeyError):
            target_for(world, "admin", name)
    for extension in EXTENSIONS:
        if hasattr(extension, "records"):
            extension.records(world)
    # The project Sales takes part in serves Marketing's goals too, one of them private: a
    # reader of the project must not learn the ids of the goals it may not open.
    private = target_for(world, "admin", "goal_draft")
    type(private).objects.filter(pk=private.pk).update(private=True)
    shared = target_for(world, "admin", "project_shared")
    shared.goals.set([target_for(world, "admin", "goal_own"), private])


def _hidden(person, label):
    """The records of a kind the person may not see. A kind without a rule of its own (a
    template's key result) is seen through the record it belongs to."""
    model = apps.get_model(label)
    facts = role_facts_for_person(person)
    try:
        rule_for(model)
    except LookupError:
        parent = next(f for f in model._meta.get_fields() if f.many_to_one)
        owners = [r.pk for r in _hidden(person, parent.related_model._meta.label)]
        return list(model._default_manager.filter(**{f"{parent.name}__in": owners}))
    shown = visible(facts, model._default_manager.all()).values("pk")
    return list(model._default_manager.exclude(pk__in=shown).order_by("pk"))


def _missing_pk(label):
    model = apps.get_model(label)
    return (model._default_manager.order_by("-pk").values_list("pk", flat=True).first() or 0) + 999


def _fingerprint():
    """What a write would change: the audit trail (refusals aside) and every record's count."""
    counts = tuple(
        model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label.startswith(("org", "goals", "work", "meetings", "people"))
        or model._meta.app_label in ("records", "reports", "planning")
    )
    return AuditEntry.objects.exclude(kind="security").count(), counts


def _resolve(schema, node):
    while isinstance(node, dict) and "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["components"]["schemas"][name]
    return node


def _example(schema, node):
    """A small value the body's schema accepts, so the request reaches the record lookup."""
    node = _resolve(schema, node)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            options = [o for o in node[key] if _resolve(schema, o).get("type") != "null"]
            return _example(schema, options[0])
    if "enum" in node:
        return node["enum"][0]
    kind, fmt = node.get("type"), node.get("format", "")
    if kind == "object" or "properties" in node:
        props = node.get("properties", {})
        return {name: _example(schema, props[name]) for name in node.get("required", [])}
    if kind == "array":
        return []
    if kind == "boolean":
        return False
    if kind in ("integer", "number"):
        return max(1, node.get("minimum", 1))
    return {"date": "2027-01-04", "date-time": "2027-01-04T09:00:00+07:00", "time": "09:00:00"}.get(
        fmt, "x"
    )


def _body(schema, operation):
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return _example(schema, content["application/json"]["schema"])


def _api_operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield schema, path, method.upper(), operation


def _answer(client, method, path, body):
    headers = {"If-Match": "*"} if method in ("PATCH", "PUT", "DELETE") else {}
    response = client.generic(
        method,
        path,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers=headers,
    )
    return response.status_code, response.content


def test_every_api_path_with_an_id_names_its_record_kind():
    unknown = {
        path
        for _schema, path, _method, _op in _api_operations()
        if "{" in path and path.split("/")[3] not in API_KINDS
    }
    assert unknown == set()


@pytest.mark.parametrize("role", WALKERS)
def test_api_hidden_ids_answer_like_missing_ones(world, role):
    _all_records(world)
    person = getattr(world, role)
    client = client_for(person)
    before = _fingerprint()
    mismatches, walked, kinds = [], 0, set()
    for schema, path, method, operation in _api_operations():
        if "{pk}" not in path:
            continue
        label = API_KINDS[path.split("/")[3]]
        hidden = _hidden(person, label)
        if not hidden:
            continue
        body = _body(schema, operation)
        missing = _missing_pk(label)
        expected = _answer(client, method, path.format(pk=missing), body)
        for record in hidden:
            status, content = _answer(client, method, path.format(pk=record.pk), body)
            walked += 1
            kinds.add(label)
            if (status, content.replace(str(record.pk).encode(), str(missing).encode())) != (
                expected[0],
                expected[1],
            ):
                mismatches.append((method, path, record.pk, status, expected[0]))
    assert mismatches == []
    assert _fingerprint() == before, "a request about a hidden record changed data"
    # The world hides records of many kinds from everyone walking it.
    assert walked >= 40 and len(kinds) >= 8, (walked, sorted(kinds))


def _page_patterns():
    def walk(resolver, prefix="", namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern

    for route, name, pattern in walk(get_resolver()):
        if route.startswith(("api/", "accounts/", "admin/")) or name in NOT_RECORD_IDS:
            continue
        keys = set(pattern.pattern.regex.groupindex)
        if keys & {"pk", "upload_id"} and "uuid" not in route:
            yield route, name, keys


def _page_kind(route, name):
    if name in PAGE_KINDS:
        return PAGE_KINDS[name]
    for prefix, segments in PAGE_PREFIXES.items():
        if route.startswith(prefix):
            segment = re.split(r"[/^]+", route[len(prefix) :].lstrip("^"))[0]
            if segment.startswith(("<", "(")):  # the id right after the prefix: goals/<pk>/
                segment = prefix.strip("/")
            if segment in segments:
                return segments[segment]
    return None


def test_every_page_with_an_id_names_its_record_kind():
    unknown = {name for route, name, _keys in _page_patterns() if _page_kind(route, name) is None}
    assert unknown == set()


def _page_url(name, keys, pk):
    from django.urls import reverse

    kwargs = {"pk": pk}
    if "day" in keys:
        kwargs["day"] = "2027-01-05"
    if "file_format" in keys:
        kwargs["file_format"] = "csv"
    if "index" in keys:
        kwargs["index"] = 0
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("role", WALKERS)
def test_pages_hidden_ids_answer_like_missing_ones(world, role):
    _all_records(world)
    person = getattr(world, role)
    client = client_for(person)
    before = _fingerprint()
    mismatches, walked = [], 0
    for route, name, keys in _page_patterns():
        label = _page_kind(route, name)
        hidden = _hidden(person, label)
        if not hidden:
            continue
        missing = _page_url(name, keys, _missing_pk(label))
        expected = (client.get(missing).status_code, client.post(missing).status_code)
        for record in hidden:
            url = _page_url(name, keys, record.pk)
            answers = (client.get(url).status_code, client.post(url).status_code)
            walked += 1
            if answers != expected or 404 not in expected:
                mismatches.append((name, record.pk, answers, expected))
    assert mismatches == []
    assert _fingerprint() == before, "a request about a hidden record changed data"
    assert walked >= 40, walked


def _ids_in(value, field=""):
    """(field stem, id) pairs of every related id an answer names."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _ids_in(inner, key)
    elif isinstance(value, list):
        for inner in value:
            yield from _ids_in(inner, field)
    elif isinstance(value, int) and not isinstance(value, bool):
        for suffix in ("_ids", "_id"):
            if field.endswith(suffix):
                yield field.removesuffix(suffix), value


@pytest.mark.parametrize("role", WALKERS)
def test_api_lists_hold_nothing_hidden(world, role):
    _all_records(world)
    person = getattr(world, role)
    client = client_for(person)
    labels = set(RELATED_KINDS.values()) | set(API_KINDS.values())
    hidden = {label: {r.pk for r in _hidden(person, label)} for label in labels}
    leaks, read = [], 0
    for _schema, path, method, _operation in _api_operations():
        if method != "GET" or "{" in path or path.split("/")[3] not in API_KINDS:
            continue
        response = client.get(path, {"limit": 500})
        if response.status_code != 200 or "json" not in response.get("Content-Type", ""):
            continue
        read += 1
        answer = response.json()
        items = answer.get("items", answer) if isinstance(answer, dict) else answer
        own = hidden.get(API_KINDS[path.split("/")[3]], set())
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and item.get("id") in own:
                leaks.append((path, "id", item["id"]))
        for stem, pk in _ids_in(answer):
            label = RELATED_KINDS.get(stem)
            if label and pk in hidden.get(label, set()):
                leaks.append((path, stem, pk))
    assert leaks == []
    assert read >= 20, read
