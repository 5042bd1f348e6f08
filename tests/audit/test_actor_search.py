"""The log's search by actor within an organisation (audit.selectors.filter_entries with organisation_id: the
organisation's actors looked up first, no join to the users) lists exactly the rows of the join it replaces:
`actor_name icontains term OR actor's username icontains term`, in the same order."""

import pytest
from django.db.models import Q
from django.urls import reverse

from audit.models import AuditEntry
from audit.selectors import audit_entries_for_user, filter_entries, scope_organisation_id
from audit.services import record
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unlabelled_codes_allowed(settings):
    settings.AUDIT_REQUIRE_LABELS = False


@pytest.fixture
def log(admin_a, member_a, admin_b, enterprise_a, enterprise_b):
    """Entries of enterprise A by several people, system entries, a deleted actor, a moved actor, and the same
    names in enterprise B (which A's search must not list)."""
    latin = factories.UserFactory(organisation=enterprise_a, username="LiWei_A", real_name="Li Wei")
    nameless = factories.UserFactory(organisation=enterprise_a, username="wang_fang", real_name="")
    gone = factories.UserFactory(organisation=enterprise_a, username="gone_user", real_name="离职王伟")
    moved = factories.UserFactory(organisation=enterprise_a, username="mover_z", real_name="调动张三")
    for number, actor in enumerate([admin_a, member_a, latin, nameless, gone, moved, admin_b, admin_a, latin]):
        record(actor=actor, action="organisations.update_profile", ip_address="10.1.2.3",
               after={"n": number})
    # Entries written by the system for the organisation: no actor, a name or none.
    AuditEntry.objects.create(actor=None, actor_name="系统", actor_org=enterprise_a, action="batch.import")
    AuditEntry.objects.create(actor=None, actor_name="", actor_org=enterprise_a, action="batch.import")
    # The actor's account is deleted later: the key is cleared, the name written with the entry stays.
    gone.delete()
    # The actor moves to enterprise B: their earlier entries stay A's; the later ones are B's.
    moved.organisation = enterprise_b
    moved.save()
    record(actor=moved, action="organisations.update_profile", ip_address="10.1.2.3")
    record(actor=factories.UserFactory(organisation=enterprise_b, username="liwei_b", real_name="李伟"),
           action="organisations.update_profile", ip_address="10.1.2.3")
    return enterprise_a


def joined(scope, term):
    """The filter as it was: a join to the users."""
    return list(scope.filter(Q(actor_name__icontains=term) | Q(actor__username__icontains=term))
                .values_list("pk", flat=True))


TERMS = ["甲", "管理", "甲管理员", "王", "王伟", "系统", "统", "张三", "li", "LI", "Li Wei", "wei_a", "liwei",
         "admin_a", "ADMIN", "member", "_", "wang", "gone", "mover_z", "乙", "无此人", "%", "a"]


@pytest.mark.parametrize("term", TERMS)
def test_an_organisations_search_lists_the_rows_of_the_join(log, admin_a, term):
    scope = audit_entries_for_user(admin_a)
    found = list(filter_entries(scope, {"actor": term}, organisation_id=scope_organisation_id(admin_a))
                 .values_list("pk", flat=True))
    assert found == joined(scope, term)


@pytest.mark.parametrize(("term", "names"), [
    ("王伟", ["离职王伟"]),
    ("ADMIN", ["甲管理员", "甲管理员"]),
    ("wei", ["Li Wei", "Li Wei"]),
    ("mover", ["调动张三"]),
    ("wang", ["wang_fang"]),
    ("统", ["系统"]),
    ("乙", []),
])
def test_the_search_finds_names_usernames_and_keeps_to_the_organisation(log, admin_a, term, names):
    """Exact rows: a deleted actor by the name written with the entry, an actor by their username, a moved actor's
    entries written for this organisation only, no entry of another organisation."""
    scope = audit_entries_for_user(admin_a)
    found = filter_entries(scope, {"actor": term}, organisation_id=scope_organisation_id(admin_a))
    assert list(found.values_list("actor_name", flat=True)) == names


def test_platform_staff_search_every_organisation(log):
    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")
    scope = audit_entries_for_user(staff)
    assert scope_organisation_id(staff) is None
    found = list(filter_entries(scope, {"actor": "li"}, organisation_id=None).values_list("actor_name", flat=True))
    assert found == ["李伟", "Li Wei", "Li Wei"]


def test_the_page_and_the_api_list_the_same_rows(client, log, admin_a):
    client.force_login(admin_a)
    page = client.get(reverse("audit:list"), {"actor": "a"})
    expected = joined(audit_entries_for_user(admin_a), "a")
    assert page.status_code == 200
    assert [row["entry"].pk for row in page.context["rows"]] == expected
    api = client.get("/api/v1/audit/", {"actor": "a"})
    assert api.status_code == 200
    # The API records its own reads (api.*); they are not among the rows compared.
    assert sorted(item["id"] for item in api.json()["results"]
                  if not item["action"].startswith("api.")) == sorted(expected)
