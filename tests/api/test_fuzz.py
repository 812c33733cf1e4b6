"""API fuzzing: requests generated from the OpenAPI schema never crash the server, and every
answer matches the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from deptcoord.api.router import api
from deptcoord.api.services import token_create
from deptcoord.core.actor import Actor
from deptcoord.org.facts import role_facts_for_person
from deptcoord.wsgi import application

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Requests go straight to the WSGI app; like Django's test client, keep the test's
    database connection (and its transaction) open between them."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def head_token(world) -> str:
    """A token of the marketing head, who may write in their department."""
    actor = Actor(person=world.head, facts=role_facts_for_person(world.head))
    return token_create(actor=actor, name="fuzz")[1]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same requests on every run, so CI is repeatable
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_generated_requests_as_its_contract_says(case, head_token):
    """No server error, and every answer is one the operation declares, with its body."""
    case.call_and_validate(
        headers={"Authorization": f"Bearer {head_token}"},
        checks=[
            schemathesis.checks.not_a_server_error,
            schemathesis.checks.status_code_conformance,
            schemathesis.checks.response_schema_conformance,
            schemathesis.checks.content_type_conformance,
        ],
    )
