"""Several app servers side by side on PostgreSQL + Redis, as a company outgrowing one machine
runs them: two web servers on two ports, one task worker and two schedulers, each with a
folder of its own (two machines), sharing only the database, Redis and the secret key.

- a session made on the first server is valid on the second;
- a check-in made on the first changes the Today card read on the second;
- an assignment made on the first sends its e-mail exactly once;
- each periodic job runs once per period although two schedulers enqueue it.
"""

import email
import email.policy
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith("postgres") and REDIS_URL),
    reason="runs in the PostgreSQL + Redis pass",
)


def free_port() -> int:
    from tests.test_serve import free_port as port

    return port()


def wait_until(check, seconds: float, what: str):
    """Poll ``check`` until it returns something true; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"Not within {seconds} s: {what}")
        time.sleep(0.5)


class Cluster:
    """The database, Redis database and processes of one test run."""

    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.name = f"deptcoord_cluster_{os.getpid()}_{secrets.token_hex(3)}"
        parts = urlsplit(DATABASE_URL)
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.database_url = urlunsplit(parts._replace(path=f"/{self.name}"))
        # A Redis database of its own, emptied before and after (the suite's own uses /15).
        redis_parts = urlsplit(REDIS_URL)
        self.redis_url = urlunsplit(redis_parts._replace(path="/14"))
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir()
        self.secret = secrets.token_urlsafe(40)
        self.processes: list[subprocess.Popen] = []

    def env(self, machine: str) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
        var_dir = self.tmp / machine
        var_dir.mkdir(exist_ok=True)
        env.update(
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            SECRET_KEY=self.secret,
            DEPTCOORD_VAR_DIR=str(var_dir),
            EMAIL_URL=f"file:///{self.mail_dir}",
            DEBUG="1",
        )
        return env

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement)

    def redis(self):
        import redis

        return redis.Redis.from_url(self.redis_url)

    def manage(self, machine: str, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(machine),
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def start(self, machine: str, *command: str) -> None:
        log = open(self.tmp / f"{machine}.log", "w")  # noqa: SIM115 - closed with the process
        self.processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env(machine),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def log(self, machine: str) -> str:
        return (self.tmp / f"{machine}.log").read_text()

    def logs(self) -> str:
        return "\n".join(
            f"== {log.name}\n{log.read_text()[-2000:]}" for log in sorted(self.tmp.glob("*.log"))
        )


@pytest.fixture
def cluster(tmp_path):
    cluster = Cluster(tmp_path)
    cluster.redis().flushdb()
    cluster.sql(f'CREATE DATABASE "{cluster.name}"')
    try:
        yield cluster
    finally:
        cluster.stop()
        cluster.redis().flushdb()
        cluster.sql(f'DROP DATABASE IF EXISTS "{cluster.name}" WITH (FORCE)')


class Browser:
    """A person's cookies, used against any server."""

    def __init__(self):
        import requests

        self.session = requests.Session()

    def csrf(self) -> str:
        return self.session.cookies.get("csrftoken", "")

    def get(self, base: str, path: str, **kwargs):
        return self.session.get(base + path, timeout=30, **kwargs)

    def post_form(self, base: str, path: str, data: dict, page: str | None = None):
        """Post a form as the browser does: with the token of the page it was on."""
        form_page = self.get(base, page or path).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)
        return self.session.post(
            base + path,
            data={"csrfmiddlewaretoken": token, **data},
            headers={"Referer": base + (page or path)},
            timeout=30,
        )

    def api(self, base: str, method: str, path: str, **kwargs):
        headers = {"X-CSRFToken": self.csrf(), "Referer": base + "/", **kwargs.pop("headers", {})}
        return self.session.request(
            method, f"{base}/api/v1{path}", headers=headers, timeout=30, **kwargs
        )


def missing_check_in_ids(html: str) -> set[int]:
    """The key results listed on the Today card "Check-ins missing"."""
    start = html.find("Check-ins missing")
    assert start != -1, "Today has no card of missing check-ins"
    end = html.find("<section", start)
    card = html[start : end if end != -1 else None]
    return {int(pk) for pk in re.findall(r"/goals/key-results/(\d+)/", card)}


def sent_mail(mail_dir: Path) -> list[email.message.EmailMessage]:
    """The messages the file backend wrote, each followed by a line of dashes."""
    return [
        email.message_from_bytes(chunk.strip(), policy=email.policy.default)
        for path in sorted(mail_dir.glob("*.log"))
        for chunk in path.read_bytes().split(b"-" * 79)
        if chunk.strip()
    ]


def text_of(message: email.message.EmailMessage) -> str:
    """The decoded text of every text part of a message."""
    return "".join(
        part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
    )


def test_two_app_servers_one_worker_two_schedulers(cluster):
    cluster.manage("first", "migrate", "--noinput", "-v0")
    shown = cluster.manage("first", "load_demo")
    password = re.search(r"password: (\S+)", shown).group(1)
    ports = [free_port(), free_port()]
    cluster.manage("first", "collectstatic", "--noinput", "-v0")
    (cluster.tmp / "second").mkdir()
    (cluster.tmp / "second" / "static").symlink_to(cluster.tmp / "first" / "static")
    for machine, port in zip(("first", "second"), ports, strict=True):
        cluster.start(
            machine,
            sys.executable,
            "-m",
            "gunicorn",
            "deptcoord.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
        )
    cluster.start("worker", sys.executable, "manage.py", "run_worker")
    for machine in ("scheduler-1", "scheduler-2"):
        cluster.start(machine, sys.executable, "manage.py", "run_scheduler", "--interval", "1")
    first, second = (f"http://127.0.0.1:{port}" for port in ports)

    import requests

    def ready(base):
        try:
            return requests.get(base + "/readyz", timeout=10).status_code == 200
        except requests.RequestException:
            return False

    try:
        wait_until(lambda: ready(first) and ready(second), 180, "both servers ready")

        # A session made on the first server is valid on the second.
        coordinator = Browser()
        signed_in = coordinator.post_form(
            first,
            "/accounts/login/",
            {"login": "tuan.tran@saomai.vn", "password": password},
        )
        assert signed_in.status_code == 200 and "/accounts/login/" not in signed_in.url
        me = coordinator.api(second, "GET", "/me")
        assert me.status_code == 200 and me.json()["email"] == "tuan.tran@saomai.vn"
        today = coordinator.get(second, "/", headers={"Accept-Language": "en"})
        assert today.status_code == 200 and "/accounts/login/" not in today.url

        # A check-in made on the first changes the Today card read on the second.
        missing = missing_check_in_ids(today.text)
        assert missing, "the demo coordinator has key results waiting for a check-in"
        key_result = min(missing)
        checked = coordinator.post_form(
            first,
            f"/goals/key-results/{key_result}/check-in/",
            {"value": "1", "confidence": "on_track", "note": "From the first server"},
            page=f"/goals/key-results/{key_result}/",
        )
        assert checked.status_code == 200 and "is-invalid" not in checked.text
        wait_until(
            lambda: key_result not in missing_check_in_ids(coordinator.get(second, "/").text),
            60,
            "the check-in shows on the second server's Today",
        )

        # An assignment made on the first server sends its e-mail exactly once.
        me = me.json()
        steps = coordinator.api(first, "GET", "/steps", params={"limit": 500}).json()["items"]
        colleagues = coordinator.api(
            first, "GET", "/people", params={"department_id": me["primary_department_id"]}
        ).json()["items"]
        colleague = next(
            p for p in colleagues if p["id"] != me["id"] and p["email"].endswith("@saomai.vn")
        )
        step = next(
            s
            for s in steps
            if s["department_id"] == me["primary_department_id"]
            and s["status"] != "done"
            and s["assignee_id"] not in (colleague["id"], me["id"])
        )
        assigned = coordinator.api(
            first,
            "PATCH",
            f"/steps/{step['id']}",
            json={"assignee_id": colleague["id"]},
            headers={"If-Match": f'"{step["version"]}"'},
        )
        assert assigned.status_code == 200, assigned.text

        def assignment_mails():
            return [
                message
                for message in sent_mail(cluster.mail_dir)
                if colleague["email"] in message["To"]
                and f"/work/steps/{step['id']}/" in text_of(message)
            ]

        wait_until(assignment_mails, 60, "the assignment e-mail is sent")
        time.sleep(5)  # a second worker pick-up, a second scheduler: nothing sends it again
        assert len(assignment_mails()) == 1

        # Each periodic job runs once per period, although two schedulers enqueue it: every
        # (job, period) was enqueued by one scheduler only, and the worker ran it once.
        enqueued = [
            pair
            for machine in ("scheduler-1", "scheduler-2")
            for line in re.findall(r"enqueued: (.*)", cluster.log(machine))
            for pair in re.findall(r"([\w.]+) \(([^)]+)\)", line)
        ]
        assert enqueued and len(enqueued) == len(set(enqueued)), enqueued
        tasks = dict(
            line.split()
            for line in cluster.manage(
                "first",
                "shell",
                "-c",
                "from deptcoord.core.periodic import registered_jobs\n"
                "for job in registered_jobs(): print(job.name, job.task.module_path)",
            ).splitlines()
            if line.count(" ") == 1
        )
        jobs = Counter(tasks[name] for name, _period in enqueued)

        def runs() -> Counter:
            done = re.findall(r"Successfully completed ([\w.]+)\(", cluster.log("worker"))
            return Counter(path for path in done if path in jobs)

        wait_until(lambda: runs() == jobs, 120, f"the worker runs each periodic job once: {jobs}")
    finally:
        if os.environ.get("CLUSTER_LOGS"):
            print(cluster.logs())
