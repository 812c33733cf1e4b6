"""The load run's people (driven by bench/load.py), clicking through the journeys of
bench/journeys.py. Each simulated user is a real person of the generated company, signed in
beforehand (their session cookie comes from LOAD_USERS).

With LOAD_VISITS set, people come and go as on a working morning: each visit starts with
Today and goes on for 3 to 8 more clicks (the morning-peak scenario); without it, Today is one
click among the others. How many Today pages came from kept cards goes to LOAD_TODAY_STATS
when the run stops.

The think time comes from LOAD_THINK ("0.1,0.5" by default in bench/load.py): 50 people who
paused 0.5–2 s between clicks could not ask for more than about 53 requests a second even of a
server that answered at once, so the run measures what the server sustains, not how fast
people read. The client is locust's lightweight one (FastHttpUser), so that the load tool takes
as little as it can of the cores it shares with the server."""

import itertools
import json
import os
import random
import sys

from locust import FastHttpUser, between, events, task
from requests.cookies import create_cookie

sys.path.insert(0, os.path.dirname(__file__))

from journeys import CLICKS, TODAY, read_today

PEOPLE = json.loads(open(os.environ["LOAD_USERS"]).read())  # noqa: SIM115
THINK = [float(seconds) for seconds in os.environ["LOAD_THINK"].split(",")]
VISITS = bool(os.environ.get("LOAD_VISITS"))
_next = itertools.cycle(PEOPLE)


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
