"""Every kind of notification any app sends is registered, so people can choose on
/notifications/settings/ whether it reaches them at once, in the daily digest or in the app only."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

from deptcoord.notices.notifications import notification_kinds
from tests.factories import client_for

SOURCE = Path(__file__).resolve().parents[2] / "deptcoord"


def _names_notify(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return "notify" in name


def sent_kinds() -> dict[str, str]:
    """Each literal ``kind="..."`` passed to a notify function, with where it is sent from."""
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _names_notify(node)):
                continue
            for keyword in node.keywords:
                if keyword.arg != "kind":
                    continue
                for value in ast.walk(keyword.value):
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        where = f"{path.relative_to(SOURCE.parent)}:{node.lineno}"
                        found.setdefault(value.value, where)
    return found


def test_the_scan_finds_the_kinds_apps_send():
    kinds = sent_kinds()
    assert {"work.assigned", "work.overdue", "work.due_soon", "meetings.reminder"} <= set(kinds)


def test_every_kind_sent_is_registered_with_a_label():
    registered = notification_kinds()
    missing = {kind: where for kind, where in sent_kinds().items() if kind not in registered}
    assert not missing, f"register these kinds in their app's ready(): {missing}"
    assert all(str(label).strip() for label in registered.values())


@pytest.mark.django_db
def test_the_settings_page_offers_the_work_and_meeting_kinds(world):
    page = client_for(world.member).get(reverse("notices:preferences"))
    text = page.content.decode()
    assert "A step of yours is due soon" in text
    assert "A meeting you take part in is about to start" in text
