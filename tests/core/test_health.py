"""The load balancer's two questions: alive, and ready to serve."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from deptcoord.core import health
from deptcoord.core.models import WorkerHeartbeat
from deptcoord.core.workers import beat


def test_alive_without_signing_in(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_ready_when_the_database_answers_and_a_worker_was_seen(db):
    beat("web-1-123")
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failing": []}


def test_not_ready_while_no_worker_beats(db):
    beat("web-1-123")
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=3))
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]


def test_not_ready_when_a_check_cannot_run(db, monkeypatch):
    beat("web-1-123")

    def broken():
        raise ConnectionError("database gone")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_answers_carry_no_data(db, path):
    beat("web-1-123")
    assert set(Client().get(path).json()) <= {"status", "failing"}
    assert Client().post(path).status_code == 405
