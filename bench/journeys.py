"""The clicks of the load run: people reading Today, checking in on their key results, opening
goals and their notifications, moving their steps along through the API (If-Match with the
version just read), opening a project's timeline, searching and opening the calendar.

Each click takes a user with ``me`` (the person's facts from bench/load.py's ``sign_in``),
``host`` and a ``client`` with locust's ``get``/``post`` (``name=`` labels the request): locust's
own (bench/locustfile.py) or the in-process one of bench/mix.py, so that both run the same mix.

Each Today page says when its figures were computed (``data-computed-at``): a page whose
figures are older than the request was served from the kept cards; ``TODAY`` counts them."""

import random
import re
import time
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

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
