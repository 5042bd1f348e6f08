"""The simulated users of bench/load/run.py (which writes the plan this file reads: LOAD_PLAN).

One class per persona of the demo (README, 演示账号); each simulated user signs in once through the login form
(the captcha in test mode answers PASSED), as the next of its class's accounts in turn, then opens pages of
its account's plan at random, a few seconds apart, each counted under its URL name (one row per page).
Redirects are not followed: any status other than 200 (a sign-in's other than 302) is a failure, so a session
that lost its sign-in shows as the redirect to the login form.
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "Demo@2026"  # seed_demo's DEMO_PASSWORD
# The public search's filters (the demo's region: 郑州, 金水区) and words people type.
SEARCHES = [{"q": "软件"}, {"q": "会计"}, {"city": "410100"}, {"city": "410100", "county": "410105"},
            {"city": "410100", "q": "测试"}, {"page": "2"}]


class PlanUser(FastHttpUser):
    abstract = True
    wait_time = between(2, 8)  # reading a page
    persona = ""

    @classmethod
    def next_account(cls):
        if "_accounts" not in cls.__dict__:
            cls._accounts = itertools.cycle(PLAN["accounts"][cls.persona])
        return next(cls._accounts)

    def on_start(self):
        self.username = self.next_account()
        self.pages = PLAN["pages"][self.username]
        page = self.client.get("/accounts/login/", name="accounts:login")
        token = CSRF.search(page.text).group(1)
        with self.client.post("/accounts/login/", name="accounts:login (POST)", catch_response=True,
                              allow_redirects=False,
                              data={"csrfmiddlewaretoken": token, "identifier": self.username,
                                    "password": PASSWORD, "captcha_0": "load", "captcha_1": "PASSED"}) as response:
            if response.status_code != 302:
                response.failure(f"sign-in as {self.username}: HTTP {response.status_code}, expected 302")

    @task(10)
    def open_page(self):
        self.get(*random.choice(self.pages))

    @task(1)
    def print_document(self):
        """A PDF the account reaches (an agreement, a claim form, a roster), as the print button opens it."""
        documents = PLAN["documents"][self.username]
        if documents:
            self.get(*random.choice(documents), expect="application/pdf")

    @task(2)
    def call_api(self):
        """A list of the open API with the account's key (its own integration polling), next to its screens."""
        api = PLAN["api"][self.username]
        if api["calls"]:
            self.get(*random.choice(api["calls"]), expect="application/json",
                     headers={"Authorization": f"Bearer {api['token']}"})

    def get(self, name, path, expect="text/html", headers=None):
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False,
                             headers=headers) as response:
            if response.status_code != 200:
                response.failure(f"{self.username}: {path}: HTTP {response.status_code}")
            elif not (response.headers.get("Content-Type") or "").startswith(expect):
                response.failure(f"{self.username}: {path}: {response.headers.get('Content-Type')}, not {expect}")


def persona(name, weight):
    return type(name, (PlanUser,), {"persona": name, "weight": weight, "__module__": __name__})


# Weights of the 200 users: enterprises and the public most, departments and schools fewer.
EnterpriseHR = persona("EnterpriseHR", 50)
SchoolOfficer = persona("SchoolOfficer", 15)
Student = persona("Student", 20)
Reviewer = persona("Reviewer", 35)
EducationBureau = persona("EducationBureau", 10)
Professional = persona("Professional", 15)
OtherUnit = persona("OtherUnit", 15)


class AnonymousSeeker(FastHttpUser):
    """A job seeker who browses the public pages and searches the published traineeship posts."""

    weight = 40
    wait_time = between(2, 8)

    @task(3)
    def search(self):
        self.get("/traineeships/public/posts/", "traineeships:public_posts (search)", random.choice(SEARCHES))

    @task(2)
    def browse(self):
        name, path = random.choice(PLAN["pages"][""])
        self.get(path, name)

    def get(self, path, name, params=None):
        with self.client.get(path, name=name, params=params, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"anonymous: {path}: HTTP {response.status_code}")
