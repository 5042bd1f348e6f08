"""The audit log runs a constant number of queries whatever the number of entries, for platform staff (every
organisation's entries) and for an organisation's administrator (their own)."""

import pytest
from django.urls import reverse

from audit.services import record
from tests import factories
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unlabelled_codes_allowed(settings):
    settings.AUDIT_REQUIRE_LABELS = False


def add_entries(actors, targets, count, start=0):
    for number in range(start, start + count):
        actor = actors[number % len(actors)]
        record(actor=actor, action="organisations.update_profile", target=targets[number % len(targets)],
               before={"name": f"旧{number}", "mobile": "13900001111"}, after={"name": f"新{number}"},
               ip_address="10.1.2.3")


@pytest.mark.parametrize("persona", ["platform", "admin_a"])
def test_entry_list(client, persona, admin_a, member_a, admin_b, enterprise_a, enterprise_b):
    reader = admin_a if persona == "admin_a" else factories.UserFactory(kind="platform", is_staff=True,
                                                                         organisation=None, username="platform")
    client.force_login(reader)
    url = reverse("audit:list")
    add_entries([admin_a, admin_b], [enterprise_a, admin_b], 2)
    filtered = {"action": "organisations.update_profile", "actor": "管理"}
    few, few_filtered = queries(client, url), queries(client, url, filtered)
    add_entries([admin_a, member_a, admin_b], [enterprise_a, enterprise_b, member_a, admin_a], 8, start=2)
    assert queries(client, url) == few
    assert queries(client, url, filtered) == few_filtered


@pytest.mark.parametrize("persona", ["platform", "admin_a"])
def test_filter_choices_are_the_distinct_values_in_scope(persona, admin_a, member_a, admin_b, enterprise_a,
                                                         enterprise_b):
    """The screen's choices (an index walk) equal a DISTINCT over the reader's entries, blank types left out."""
    from audit.selectors import action_choices, audit_entries_for_user, filter_choices_for_user, target_type_choices

    reader = admin_a if persona == "admin_a" else factories.UserFactory(kind="platform", is_staff=True,
                                                                         organisation=None, username="platform")
    add_entries([admin_a, member_a, admin_b], [enterprise_a, enterprise_b, member_a], 6)
    for number, (actor, action) in enumerate([(admin_a, "staff.create"), (admin_b, "auth.login"),
                                              (member_a, "aaa.first"), (admin_b, "zzz.last")]):
        record(actor=actor, action=action, target=None if number % 2 else admin_a, ip_address="10.1.2.3")
    scope = audit_entries_for_user(reader)
    assert filter_choices_for_user(reader) == (action_choices(scope), target_type_choices(scope))
    assert len(filter_choices_for_user(reader)[0]) == (5 if persona == "platform" else 3)
