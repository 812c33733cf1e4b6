"""Journeys of the load run (driven by bench/load.py): people reading Today, checking in on
their key results, opening goals and their notifications, moving their steps along through the
API (If-Match with the version just read), opening a project's timeline, searching and opening
the calendar. Each simulated user is a real person of the generated company, signed in
beforehand (their session cookie comes from LOAD_USERS).

With LOAD_VISITS set, people come and go as on a working morning: each visit starts with
Today and goes on for 3 to 8 more clicks (the morning-peak scenario); without it, Today is one
click among the others.

Each Today page says when its figures were computed (``data-computed-at``): a page whose
figures are older than the request was served from the kept cards. The counts go to
LOAD_TODAY_STATS when the run stops.

The think time comes from LOAD_THINK ("0.1,0.5" by default in bench/load.py): 50 people who
paused 0.5–2 s between clicks could not ask for more than about 53 requests a second even of a
server that answered at once, so the run measures what the server sustains, not how fast
people read. The client is locust's lightweight one (FastHttpUser), so that the load tool takes
as little as it can of the cores it shares with the server."""

import itertools
import json
import os
import random
import re
import time
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from locust import FastHttpUser, between, events, task
from requests.cookies import create_cookie

PEOPLE = json.loads(open(os.environ["LOAD_USERS"]).read())  # noqa: SIM115
THINK = [float(seconds) for seconds in os.environ["LOAD_THINK"].split(",")]
VISITS = bool(os.environ.get("LOAD_VISITS"))
_next = itertools.cycle(PEOPLE)
COMPUTED_AT = re.compile(rb'data-computed-at="([^"]+)"')
TODAY = {"kept": 0, "computed": 0, "unknown": 0}
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


def read_today(user):
    """Today, noting whether its figures were kept from an earlier load or computed for it."""
    asked = time.time()
    response = user.client.get("/", name="Today")
    found = COMPUTED_AT.search(response.content or b"")
    if found is None:
        TODAY["unknown"] += 1
    elif datetime.fromisoformat(found.group(1).decode()).timestamp() < asked - 0.05:
        TODAY["kept"] += 1
    else:
        TODAY["computed"] += 1


def check_in(user):
    """Open one of my key results and check in on it."""
    if not user.me["key_results"]:
        return
    key_result = random.choice(user.me["key_results"])
    user.client.get(f"/goals/key-results/{key_result}/", name="Key result")
    user.client.post(
        f"/goals/key-results/{key_result}/check-in/",
        data=urlencode(
            {
                "value": random.randint(1, 500),
                "confidence": "on_track",
                "csrfmiddlewaretoken": user.me["csrf"],
            }
        ),
        headers={
            "Referer": user.host + "/",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        name="Check in",
    )


def goals(user):
    user.client.get("/goals/", name="Goal tree")


def notifications(user):
    user.client.get("/notifications/bell/", name="Bell")


# (journey, weight): Today 4, checking in 2, goals 2, the bell 2, elsewhere 5.
CLICKS = [
    (read_today, 4),
    (check_in, 2),
    (goals, 2),
    (notifications, 2),
    *((journey, 1) for journey in (update_step, update_step, project_timeline, search, calendar)),
]


class Person(FastHttpUser):
    """Someone at work, clicking through their day."""

    wait_time = between(*THINK)

    def on_start(self):
        self.me = next(_next)
        self.left = 0  # clicks left in this visit
        cookies = self.client.cookiejar
        cookies.set_cookie(create_cookie("sessionid", self.me["session"], domain="127.0.0.1"))
        cookies.set_cookie(create_cookie("csrftoken", self.me["csrf"], domain="127.0.0.1"))

    @task
    def click(self):
        if VISITS and self.left == 0:
            self.left = random.randint(3, 8)
            read_today(self)
            return
        self.left -= 1
        journeys, weights = zip(*CLICKS, strict=True)
        random.choices(journeys, weights)[0](self)


@events.quitting.add_listener
def _write_today_counts(environment, **_kwargs):
    target = os.environ.get("LOAD_TODAY_STATS")
    if target:
        with open(target, "w") as handle:
            json.dump(TODAY, handle)
