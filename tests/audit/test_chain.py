"""The audit trail is hash-chained: an entry edited, inserted or deleted outside the app shows."""

from ipaddress import ip_network

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from deptcoord.audit.models import AuditEntry
from deptcoord.audit.services import verify_chain
from deptcoord.core.actor import Actor
from deptcoord.org import services
from deptcoord.org.facts import role_facts_for_person
from tests.factories import PASSWORD


@pytest.fixture
def trail(world):
    """A few real changes."""
    actor = Actor(person=world.admin, facts=role_facts_for_person(world.admin))
    for code in ("A1", "A2", "A3"):
        services.department_create(actor=actor, code=code, name_en=code, name_vi=code)
    return AuditEntry.objects.order_by("id")


def test_intact_chain_verifies(trail, capsys):
    assert verify_chain() == []
    call_command("verify_audit")
    assert "intact" in capsys.readouterr().out


def test_edited_entry_is_detected(trail):
    victim = trail[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET actor_label = %s WHERE id = %s",
            ["someone else", victim.id],
        )
    assert verify_chain() == [f"entry {victim.id} was changed after it was written"]
    with pytest.raises(CommandError):
        call_command("verify_audit")


def test_deleted_entry_is_detected(trail):
    victim = trail[1]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [victim.id])
    problems = verify_chain()
    assert any("missing" in problem for problem in problems)


def test_deleted_newest_entry_is_detected(trail):
    newest = trail.last()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [newest.id])
    assert verify_chain() == [f"the newest entries after {newest.id - 1} are missing (deleted)"]


def test_sign_in_events_are_recorded(world, client):
    client.post("/accounts/login/", {"login": world.peer.email, "password": "wrong"})
    failed = AuditEntry.objects.get(action="auth.sign_in_failed")
    assert failed.target_label == world.peer.email and "wrong" not in str(failed.changes)
    client.post("/accounts/login/", {"login": world.peer.email, "password": PASSWORD})
    assert AuditEntry.objects.filter(action="auth.sign_in", actor_id=world.peer.pk).exists()


def test_failed_sign_ins_are_rate_limited(world, client):
    for _ in range(5):
        client.post("/accounts/login/", {"login": world.peer.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"login": world.peer.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_history_appears_on_the_record_page(world):
    from tests.factories import client_for

    actor = Actor(person=world.head, facts=role_facts_for_person(world.head))
    services.person_update(
        actor=actor, person_id=world.peer.pk, expected_version=None, title_en="Campaign lead"
    )
    page = client_for(world.head).get(f"/org/people/{world.peer.pk}/").content.decode()
    assert "Campaign lead" in page and "Specialist" in page
    member_page = client_for(world.member).get(f"/org/people/{world.peer.pk}/").content.decode()
    assert "Campaign lead" in member_page  # the current title
    assert "Specialist" not in member_page  # but not the history


def test_failed_sign_ins_count_per_account_and_address_in_a_store_every_process_shares(
    world, client, settings
):
    from django.db import connection

    settings.TRUSTED_PROXIES = [ip_network("10.0.0.1/32")]
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for _ in range(5):
        client.post(
            "/accounts/login/", {"login": world.peer.email, "password": "wrong"}, **attacker
        )
    refused = client.post(
        "/accounts/login/", {"login": world.peer.email, "password": PASSWORD}, **attacker
    )
    assert "Too many failed login attempts" in refused.content.decode()
    # The same person, from their own address behind the same proxy, still signs in.
    own = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    client.post("/accounts/login/", {"login": world.peer.email, "password": PASSWORD}, **own)
    assert client.session["_auth_user_id"] == str(world.peer.user_id)
    failed = AuditEntry.objects.filter(action="auth.sign_in_failed")
    assert {entry.ip for entry in failed} == {"203.0.113.7"}
    if not settings.REDIS_URL:  # counted in the database cache, shared by every web process
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM deptcoord_cache")
            assert cursor.fetchone()[0] > 0
