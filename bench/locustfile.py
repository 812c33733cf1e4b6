"""Journeys of the load run (driven by bench/load.py): people reading Today, checking in on
their key results, opening goals and their notifications. Each simulated user is a real person
of the generated company, signed in beforehand (their session cookie comes from LOAD_USERS)."""

import itertools
import json
import os
import random

from locust import HttpUser, between, task

PEOPLE = json.loads(open(os.environ["LOAD_USERS"]).read())  # noqa: SIM115
_next = itertools.cycle(PEOPLE)
JOURNEYS = []  # extra journeys of other capabilities: functions (user) -> None


class Person(HttpUser):
    """Someone at work: a short think time between clicks."""

    wait_time = between(0.5, 2)

    def on_start(self):
        self.me = next(_next)
        self.client.cookies.set("sessionid", self.me["session"])
        self.client.cookies.set("csrftoken", self.me["csrf"])

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
            data={
                "value": str(random.randint(1, 500)),
                "confidence": "on_track",
                "csrfmiddlewaretoken": self.me["csrf"],
            },
            headers={"Referer": self.host + "/"},
            name="Check in",
        )

    @task(2)
    def goals(self):
        self.client.get("/goals/", name="Goal tree")

    @task(2)
    def notifications(self):
        self.client.get("/notifications/bell/", name="Bell")

    @task(3)
    def elsewhere(self):
        if JOURNEYS:
            random.choice(JOURNEYS)(self)
