"""Record ids in paths, queries and bodies: one type, refused with a 422 naming the field when
no record could have them (not positive, or beyond the 64 bits a database key holds)."""

import pytest

from tests.api.test_api import bearer, send

TOO_BIG = 2**64
NOT_POSITIVE = [0, -3]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people/{pk}",
        "/api/v1/departments/{pk}",
        "/api/v1/time-off/{pk}",
        "/api/v1/projects/{pk}",
        "/api/v1/steps/{pk}",
        "/api/v1/requests/{pk}",
        "/api/v1/goals/{pk}",
        "/api/v1/plans/{pk}",
        "/api/v1/notes/{pk}",
    ],
)
def test_path_id_beyond_64_bits_is_422_naming_it(world, path):
    response = bearer(world.admin).get(path.format(pk=TOO_BIG))
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["pk"]


@pytest.mark.parametrize("value", ["-1.3e24", str(TOO_BIG), "0", "-1"])
@pytest.mark.parametrize(
    "path",
    ["/api/v1/projects", "/api/v1/people", "/api/v1/meetings", "/api/v1/recurring-activities"],
)
def test_query_id_that_names_no_record_is_422_naming_it(world, path, value):
    response = bearer(world.admin).get(f"{path}?department_id={value}")
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["department_id"]


@pytest.mark.parametrize("value", [TOO_BIG, -1.3e24, *NOT_POSITIVE])
def test_body_id_that_names_no_record_is_422_and_creates_nothing(world, value):
    client = bearer(world.admin)
    before = client.get("/api/v1/steps").json()["count"]
    response = send(
        client,
        "POST",
        "/api/v1/steps",
        {"title": "Print posters", "department_id": value, "effort_hours": 4},
    )
    assert response.status_code == 422
    assert "payload.department_id" in [error["field"] for error in response.json()["errors"]]
    assert client.get("/api/v1/steps").json()["count"] == before


@pytest.mark.parametrize("value", [TOO_BIG, -1.3e24])
def test_body_id_lists_are_checked_one_by_one(world, value):
    response = send(
        bearer(world.admin),
        "POST",
        "/api/v1/projects",
        {
            "name": "Launch",
            "lead_department_id": world.own.pk,
            "department_ids": [world.own.pk, value],
        },
    )
    assert response.status_code == 422
    fields = [error["field"] for error in response.json()["errors"]]
    assert "payload.department_ids.1" in fields
