"""`manage.py serve` (what `make run` ends with) serves pages with its workers and scheduler,
and Ctrl-C or SIGTERM stops them all."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _worker(group: int) -> int | None:
    """The task worker of the default queue that `serve` started (its process id)."""
    found = subprocess.run(
        ["pgrep", "-g", str(group), "-f", "run_worker --queue default"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return int(found[0]) if found else None


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_answers_and_stops_everything_it_started(tmp_path, stop):
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(DEPTCOORD_VAR_DIR=str(tmp_path), DEBUG="1")
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        status = None
        for _attempt in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as reply:
                    status = reply.status
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200
        children = subprocess.run(
            ["pgrep", "-g", str(server.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        # serve, gunicorn (master and worker), a task worker per queue, the scheduler
        assert len(children) >= 6
        # a task worker that dies is started again, and the pages go on answering
        worker = _worker(server.pid)
        os.kill(worker, signal.SIGKILL)
        for _attempt in range(40):
            if _worker(server.pid) not in (None, worker):
                break
            time.sleep(0.5)
        assert _worker(server.pid) not in (None, worker)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as reply:
            assert reply.status == 200
        server.send_signal(stop)  # SIGTERM is what systemd and `docker stop` send
        asked = time.monotonic()
        assert server.wait(timeout=30) == 0
        # all of them within the ten seconds they have together (systemd waits 90 s, then kills)
        assert time.monotonic() - asked < 12
        time.sleep(0.5)
        left = subprocess.run(
            ["pgrep", "-g", str(server.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        assert left == []
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
