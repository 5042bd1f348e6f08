"""What the apprenticeship PostgreSQL tests (test_*_postgres.py) share: the regions and 郑州's parameters a
transactional test has to set up itself, a service step made slow so that two parallel requests overlap, and a
logged-in client per thread."""

import time

from django.test import Client

from tests import factories
from tests.apprenticeships import factories as ap


def load_regions() -> None:
    """The regions (a transactional test starts from emptied tables)."""
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


def zhengzhou_parameters(*, publish_years=()):
    """The regions, the calendars of `publish_years`, then the conftest's parameters: 郑州's rules and standards
    and the province's minimum wage. Returns 郑州."""
    load_regions()
    for year in publish_years:
        ap.publish_year(year)
    city = factories.region("410100")
    ap.ruleset(city)
    ap.standards(city)
    ap.minimum_wage(factories.region("410000"))
    return city


def wait_after(monkeypatch, owner, name: str, seconds: float) -> None:
    """`owner.name` waits `seconds` after it returns, so that the second request arrives while the first holds
    its locks."""
    original = getattr(owner, name)

    def call_then_wait(*args, **kwargs):
        result = original(*args, **kwargs)
        time.sleep(seconds)
        return result

    monkeypatch.setattr(owner, name, call_then_wait)


def logged_in(user) -> Client:
    """A client of its own (one per thread), logged in as `user`."""
    client = Client()
    client.force_login(user)
    return client
