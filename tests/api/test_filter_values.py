"""A list filter with a value it does not know answers 422 naming the parameter, in the
caller's language, instead of quietly answering the whole list."""

import pytest

from deptcoord.api.messages import schema_message
from tests.api.test_api import bearer

BAD_VALUES = [
    ("/api/v1/goals", "period", "x"),
    ("/api/v1/goals", "period", "2026-Q9"),
    ("/api/v1/goals", "status", "finished"),
    ("/api/v1/goals", "category", "nonsense"),
    ("/api/v1/goals", "level", "galaxy"),
    ("/api/v1/key-results", "at_risk", "maybe"),
    ("/api/v1/projects", "status", "closed"),
    ("/api/v1/steps", "status", "later"),
    ("/api/v1/requests", "box", "spam"),
    ("/api/v1/requests", "state", "lost"),
    ("/api/v1/action-items", "status", "soon"),
    ("/api/v1/people", "role", "boss"),
    ("/api/v1/reports", "state", "lost"),
    ("/api/v1/reports", "kind", "daily"),
    ("/api/v1/feedback", "kind", "rant"),
    ("/api/v1/feedback", "direction", "sideways"),
    ("/api/v1/one-on-ones", "status", "maybe"),
    ("/api/v1/development-plans", "status", "maybe"),
    ("/api/v1/events", "start", "not a date"),
    ("/api/v1/calendar", "end", "2026-13-45"),
    ("/api/v1/notifications", "unread", "perhaps"),
    ("/api/v1/search", "kind", "planet"),
    ("/api/v1/workload", "weeks", "99"),
]


@pytest.mark.parametrize(("path", "name", "value"), BAD_VALUES)
def test_an_unknown_filter_value_is_refused_naming_the_parameter(world, path, name, value):
    response = bearer(world.coordinator).get(path, {name: value, "q": "a"})
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["errors"][0]["field"] == name
    assert body["detail"].startswith(f"{name}: ")


def test_the_refusal_is_in_the_callers_language(world):
    client = bearer(world.coordinator)
    cases = {
        ("/api/v1/goals", "period", "x"): "không phải là một kỳ",
        ("/api/v1/goals", "category", "x"): "Hãy dùng một trong các giá trị",
        ("/api/v1/projects", "status", "x"): "không có giá trị “x”",
        ("/api/v1/events", "start", "x"): "Hãy nhập ngày giờ",
        ("/api/v1/key-results", "at_risk", "x"): "true hoặc false",
    }
    for (path, name, value), expected in cases.items():
        response = client.get(path, {name: value}, headers={"Accept-Language": "vi"})
        assert response.status_code == 422
        assert expected in response.json()["detail"], (path, name)
    english = client.get("/api/v1/goals", {"period": "x"}, headers={"Accept-Language": "en"})
    assert "is not a period" in english.json()["detail"]


def test_known_filter_values_still_filter(world):
    client = bearer(world.coordinator)
    for path, params in [
        ("/api/v1/goals", {"period": "all", "status": "all"}),
        ("/api/v1/goals", {"period": "2026-Q4", "status": "active", "level": "company"}),
        ("/api/v1/projects", {"status": "open"}),
        ("/api/v1/steps", {"status": "open"}),
        ("/api/v1/requests", {"box": "incoming", "state": ""}),
        ("/api/v1/people", {"role": "coordinator"}),
        ("/api/v1/search", {"q": "x", "kind": "goal"}),
    ]:
        assert client.get(path, params).status_code == 200, (path, params)


def test_schema_errors_are_told_in_the_products_own_words():
    error = {
        "type": "string_too_long",
        "loc": ("body", "payload", "title"),
        "ctx": {"max_length": 5},
    }
    assert schema_message(error) == "Use at most 5 characters."
    unknown = {"type": "something_new", "msg": "Something new went wrong"}
    assert schema_message(unknown) == "Something new went wrong"
