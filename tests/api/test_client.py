"""A client generated from the contract by openapi-python-client covers every operation and
works against the running server."""

import importlib
import json
import pkgutil
import subprocess
import sys

import pytest
from ninja.responses import NinjaJSONEncoder

from deptcoord.api.router import api
from deptcoord.api.services import token_create
from deptcoord.goals.models import Goal
from tests.goals.helpers import actor, goal

PACKAGE = "deptcoord_client"


@pytest.fixture(scope="session")
def contract() -> dict:
    return json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))


@pytest.fixture(scope="session")
def generated(contract, tmp_path_factory):
    """The client package, generated once per test session (any warning fails it: a schema
    the generator cannot read would silently drop operations)."""
    folder = tmp_path_factory.mktemp("client")
    (folder / "openapi.json").write_text(json.dumps(contract))
    (folder / "config.yaml").write_text("post_hooks: []\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(folder / "openapi.json"),
            "--config",
            str(folder / "config.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(folder / PACKAGE),
            "--fail-on-warning",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def endpoint(generated, operation_id: str):
    """The generated module of one operation."""
    tags = importlib.import_module(f"{PACKAGE}.api")
    for tag in pkgutil.iter_modules(tags.__path__):
        name = f"{PACKAGE}.api.{tag.name}.{operation_id}"
        if importlib.util.find_spec(name) is not None:
            return importlib.import_module(name)
    raise LookupError(operation_id)


def test_the_generated_client_covers_every_operation(generated, contract):
    operation_ids = {
        operation["operationId"]
        for methods in contract["paths"].values()
        for operation in methods.values()
    }
    tags = importlib.import_module(f"{PACKAGE}.api")
    modules = {}
    for tag in pkgutil.iter_modules(tags.__path__):
        package = importlib.import_module(f"{PACKAGE}.api.{tag.name}")
        for module in pkgutil.iter_modules(package.__path__):
            modules[module.name] = importlib.import_module(f"{package.__name__}.{module.name}")
    assert set(modules) == operation_ids
    assert all(hasattr(module, "sync_detailed") for module in modules.values())
    for name in ("create_goal", "create_meeting", "create_time_off", "roll_out_template"):
        assert any(operation_id.endswith(name) for operation_id in modules), name


def test_a_generated_client_lists_and_updates_goals(generated, world, live_server):
    mine = goal(world.head, department=world.own)
    _token, raw = token_create(actor=actor(world.head), name="generated client")
    client = generated.AuthenticatedClient(base_url=live_server.url, token=raw)
    models = importlib.import_module(f"{PACKAGE}.models")
    list_goals = endpoint(generated, "deptcoord_goals_api_goals_list_goals")
    read_goal = endpoint(generated, "deptcoord_goals_api_goals_read_goal")
    update_goal = endpoint(generated, "deptcoord_goals_api_goals_update_goal")

    listed = list_goals.sync(client=client, period="all")
    assert mine.pk in {item.id for item in listed.items}

    read = read_goal.sync_detailed(pk=mine.pk, client=client)
    etag = read.headers["ETag"]
    changed = update_goal.sync_detailed(
        pk=mine.pk, client=client, body=models.GoalPatch(priority=1), if_match=etag
    )
    assert changed.status_code == 200
    assert (changed.parsed.priority, changed.parsed.version) == (1, 2)

    stale = update_goal.sync_detailed(
        pk=mine.pk, client=client, body=models.GoalPatch(priority=3), if_match=etag
    )
    assert stale.status_code == 412
    assert isinstance(stale.parsed, models.Error) and "If-Match" in stale.parsed.detail
    assert Goal.objects.get(pk=mine.pk).priority == 1

    missing = read_goal.sync_detailed(pk=999999, client=client)
    assert missing.status_code == 404 and isinstance(missing.parsed, models.Error)
