"""Journeys of the load run (driven by bench/load.py): people reading Today, checking in on
their key results, opening goals and their notifications, moving their steps along through the
API (If-Match with the version just read), opening a project's timeline, searching and opening
the calendar. Each simulated user is a real person of the generated company, signed in
beforehand (their session cookie comes from LOAD_USERS).

The think time comes from LOAD_THINK ("0.1,0.5" by default in bench/load.py): 50 people who
paused 0.5–2 s between clicks could not ask for more than about 53 requests a second even of a
server that answered at once, so the run measures what the server sustains, not how fast
people read. The client is locust's lightweight one (FastHttpUser), so that the load tool takes
as little as it can of the cores it shares with the server."""

import itertools
import json
import os
import random
from datetime import date, timedelta
from urllib.parse import urlencode

from locust import FastHttpUser, between, task
from requests.cookies import create_cookie

PEOPLE = json.loads(open(os.environ["LOAD_USERS"]).read())  # noqa: SIM115
THINK = [float(seconds) for seconds in os.environ["LOAD_THINK"].split(",")]
_next = itertools.cycle(PEOPLE)
SEARCHES = ["ke hoach", "khach hang", "bao cao tuan", "SM Home", "dai ly", "ngan sach"]


def update_step(user):
    """Read one of my steps through the API and move it along, sending its version back."""
    if not user.me["steps"]:
        return
    step = random.choice(user.me["steps"])
    read = user.client.get(f"/api/v1/steps/{step}", name="API step")
    if read.status_code != 200:
        return
    user.client.post(
        f"/api/v1/steps/{step}/progress",
        json={"status": "in_progress", "progress": random.randint(1, 95)},
        headers={"If-Match": read.headers.get("ETag") or "*", "X-CSRFToken": user.me["csrf"]},
        name="Update a step",
    )


def project_timeline(user):
    """Open the timeline of one of my department's projects."""
    if user.me["projects"]:
        project = random.choice(user.me["projects"])
        user.client.get(f"/work/projects/{project}/timeline/", name="Project timeline")


def search(user):
    """Search the records for a common phrase, typed without accents."""
    query = urlencode({"q": random.choice(SEARCHES)})
    user.client.get(f"/records/?{query}", name="Search")


def calendar(user):
    """Open the calendar and load this month's entries, as the page does."""
    user.client.get("/meetings/", name="Calendar")
    first = date.today().replace(day=1)
    window = urlencode({"start": first - timedelta(days=7), "end": first + timedelta(days=42)})
    user.client.get(f"/meetings/calendar.json?{window}", name="Calendar feed")


JOURNEYS = [update_step, update_step, project_timeline, search, calendar]


class Person(FastHttpUser):
    """Someone at work, clicking through their day."""

    wait_time = between(*THINK)

    def on_start(self):
        self.me = next(_next)
        cookies = self.client.cookiejar
        cookies.set_cookie(create_cookie("sessionid", self.me["session"], domain="127.0.0.1"))
        cookies.set_cookie(create_cookie("csrftoken", self.me["csrf"], domain="127.0.0.1"))

    @task(4)
    def read_today(self):
        self.client.get("/", name="Today")

    @task(2)
    def check_in(self):
        if not self.me["key_results"]:
            return
        key_result = random.choice(self.me["key_results"])
        self.client.get(f"/goals/key-results/{key_result}/", name="Key result")
        self.client.post(
            f"/goals/key-results/{key_result}/check-in/",
            data=urlencode(
                {
                    "value": random.randint(1, 500),
                    "confidence": "on_track",
                    "csrfmiddlewaretoken": self.me["csrf"],
                }
            ),
            headers={
                "Referer": self.host + "/",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            name="Check in",
        )

    @task(2)
    def goals(self):
        self.client.get("/goals/", name="Goal tree")

    @task(2)
    def notifications(self):
        self.client.get("/notifications/bell/", name="Bell")

    @task(5)
    def elsewhere(self):
        if JOURNEYS:
            random.choice(JOURNEYS)(self)
