"""The published contract: a valid OpenAPI document, one schema per component name, every
refusal documented with its body, and what the API answers matches what it declares."""

import json
from enum import StrEnum

import jsonschema
import pytest
from django.test import Client
from ninja import Router, Schema
from openapi_spec_validator import validate
from pydantic import create_model

from deptcoord.api.openapi import ContractAPI, SchemaNameCollision
from deptcoord.api.router import api
from tests.api.test_api import bearer, send

PATHS = "/api/v1"


@pytest.fixture(scope="module")
def contract() -> dict:
    return json.loads(Client().get(f"{PATHS}/openapi.json").content)


def operations(contract):
    for path, methods in contract["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def resolve(contract, schema: dict) -> dict:
    while "$ref" in schema:
        schema = contract["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def body_schema(contract, path, method) -> dict:
    operation = contract["paths"][path][method]
    return resolve(contract, operation["requestBody"]["content"]["application/json"]["schema"])


def answer_schema(contract, path, method, status) -> dict:
    """The declared body of one answer, as a standalone JSON Schema."""
    content = contract["paths"][path][method]["responses"][str(status)]["content"]
    return {**content["application/json"]["schema"], "components": contract["components"]}


def conforms(contract, response, path, method) -> None:
    """The response is one the operation declares, with the body it declares."""
    schema = answer_schema(contract, path, method, response.status_code)
    jsonschema.validate(
        response.json(),
        schema,
        cls=jsonschema.Draft202012Validator,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def test_the_served_contract_is_valid_openapi(contract):
    validate(contract)
    assert contract["info"]["description"].count("\n") > 5
    assert "goals" in contract["info"]["description"]


def published(*bodies) -> dict:
    """The contract of an API with one operation per body, each in a router of its own (as
    each app has)."""
    contract = ContractAPI(urls_namespace=f"contract-test-{id(bodies)}")
    for number, body in enumerate(bodies):
        router = Router()

        @router.post("/", response={201: None}, operation_id=f"create_{number}")
        def create(request, payload: body):
            return 201, None

        contract.add_router(f"/{number}", router)
    return contract.get_openapi_schema(path_prefix="")


def test_two_different_schemas_of_one_name_cannot_both_be_published():
    # Two apps each with a GoalIn, the second taking more fields.
    first = create_model("GoalIn", __base__=Schema, title=(str, ...))
    second = create_model("GoalIn", __base__=Schema, title=(str, ...), weight=(int, ...))
    assert "GoalIn" in published(first, first)["components"]["schemas"]
    with pytest.raises(SchemaNameCollision, match="GoalIn"):
        published(first, second)
    # Two models whose choices are both called Kind.
    leave = create_model(
        "LeaveIn", __base__=Schema, kind=(StrEnum("Kind", {"LEAVE": "leave"}), ...)
    )
    launch = create_model(
        "EventIn", __base__=Schema, kind=(StrEnum("Kind", {"LAUNCH": "launch"}), ...)
    )
    with pytest.raises(SchemaNameCollision, match="Kind"):
        published(leave, launch)


def test_the_real_contract_names_each_schema_once():
    # Generating it would raise SchemaNameCollision; the choices are named after their model.
    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert schemas["TimeOffKind"]["enum"][0] == "leave"
    assert "launch" in schemas["EventKind"]["enum"]
    assert "Kind" not in schemas and "Status" not in schemas


def test_each_operation_documents_its_own_body(contract):
    decision = body_schema(contract, "/api/v1/reports/{pk}/decision", "post")
    assert {"decision", "comment", "version"} <= set(decision["properties"])
    plan = body_schema(contract, "/api/v1/development-plans", "post")
    assert {"person_id", "period_start", "goal"} <= set(plan["properties"])
    minutes = body_schema(contract, "/api/v1/meetings/{pk}/decisions", "post")
    assert {"occurrence", "text"} <= set(minutes["properties"])


def test_every_operation_documents_its_refusals_with_the_error_body(contract):
    for path, method, operation in operations(contract):
        responses = operation["responses"]
        assert "401" in responses, (method, path)
        if operation["parameters"] or "requestBody" in operation:
            assert "422" in responses, (method, path)
        if "{pk}" in path:
            assert "404" in responses, (method, path)
        if method in ("patch", "put", "delete"):
            assert {"409", "412", "428"} <= set(responses), (method, path)
            assert "If-Match" in {p["name"] for p in operation["parameters"]}
        for status, answer in responses.items():
            if status >= "400":
                assert answer["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"
                }


def test_answers_match_their_declared_schemas(world, contract):
    head = bearer(world.head)
    path = f"{PATHS}/people/{{pk}}"
    person = head.get(f"{PATHS}/people/{world.member.pk}")
    assert person.json()["work_start"] == "08:30:00"
    conforms(contract, person, path, "get")  # a wall-clock time is no RFC 3339 "time"
    conforms(contract, head.get(f"{PATHS}/people/999999"), path, "get")
    stale = send(
        head,
        "PATCH",
        f"{PATHS}/people/{world.member.pk}",
        {"title_en": "x"},
        **{"If-Match": '"99"'},
    )
    assert stale.status_code == 412
    conforms(contract, stale, path, "patch")
    bad = send(head, "PATCH", f"{PATHS}/people/{world.member.pk}", {"work_start": "25:00"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"].endswith("work_start")
    conforms(contract, bad, path, "patch")
    anonymous = Client().get(f"{PATHS}/people/{world.member.pk}")
    assert anonymous.status_code == 401
    conforms(contract, anonymous, path, "get")


def test_an_address_naming_no_operation_answers_the_json_404(world, contract):
    response = bearer(world.head).delete(f"{PATHS}/goals/null,null")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    conforms(contract, response, "/api/v1/goals/{pk}", "delete")
