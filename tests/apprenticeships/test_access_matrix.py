"""The programme's access matrix: every URL pattern of the namespace "apprenticeships" that names an object,
requested by every persona, answers exactly the status written here; a pattern in neither table fails the suite
(tests/core/test_access_matrix.py leaves this namespace to this file).

Personas: the object's owner (tests/apprenticeships/world.py; enterprise A's administrator unless it says
otherwise), enterprise B's administrator (another enterprise), enterprise A's sub-administrator holding only the
claim permission, enterprise A's sub-administrator with no role, the training institution named by the filing,
an institution not named, 金水区 HR (the enterprise's county), 二七区 HR (another county), 郑州市 HR (the city),
洛阳市 HR (another city), 郑州市教育局 (another line of government), an individual, an anonymous visitor.

Statuses: 200 shown, 302 redirected (the sign-in page for anonymous visitors; the next page after a form),
403 visible but not allowed (or a screen the role does not open), 404 not visible, 405 wrong method.
"""

import pytest

from tests.apprenticeships.world import build_world
from tests.core.test_access_matrix import url_patterns
from tests.matrix import check, completeness

PERSONAS = ("owner", "enterprise_b", "claimer", "member", "institution", "institution_b", "county", "county_b",
            "city", "other_city", "education", "individual", "anonymous")

# URL name -> (the object its id names, the GET status per persona in PERSONAS order).
MATRIX = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships:recognition_edit": ("recognition", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
    "apprenticeships:recognition_revoke": ("recognition", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:standard_edit": ("standard", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
    "apprenticeships:shortage_edit": ("shortage", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
    "apprenticeships:ruleset_edit": ("ruleset", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
}

# Pages that name no object (lists, forms for a new record): the navigation test opens them for every persona.
WITHOUT_OBJECT = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships:hr_filings", "apprenticeships:statistics", "apprenticeships:recognitions",
    "apprenticeships:recognition_new", "apprenticeships:parameters", "apprenticeships:standard_new",
    "apprenticeships:shortage_new", "apprenticeships:ruleset_new",
}

# Writes by people who may not make them: the status, and nothing written (audit log and reviews unchanged).
POST_PERSONAS = ("enterprise_b", "claimer", "member", "institution_b", "county_b", "other_city", "education",
                 "individual")
POSTS = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships:recognition_edit": ("recognition", "403 403 403 403 403 404 403 403"),
    "apprenticeships:recognition_revoke": ("recognition", "403 403 403 403 403 404 403 403"),
    "apprenticeships:standard_edit": ("standard", "403 403 403 403 403 404 403 403"),
    "apprenticeships:shortage_edit": ("shortage", "403 403 403 403 403 404 403 403"),
    "apprenticeships:ruleset_edit": ("ruleset", "403 403 403 403 403 404 403 403"),
}


def _names():
    return {name: converters for name, converters in url_patterns() if name.startswith("apprenticeships:")}


def test_every_url_pattern_has_a_row():
    problems = completeness(_names(), matrix=MATRIX, without_object=WITHOUT_OBJECT, posts=POSTS)
    assert not problems, "tests/apprenticeships/test_access_matrix.py: " + "; ".join(problems)


@pytest.fixture
def world(enterprise_a, admin_a, institution, city_reviewer):
    return build_world(enterprise_a=enterprise_a, admin_a=admin_a, institution=institution,
                       city_reviewer=city_reviewer)


@pytest.fixture
def people(admin_b, claimer_a, member_a, institution_admin, institution_b_admin, county_reviewer_a,
           county_reviewer_b, city_reviewer, other_city_reviewer, education_reviewer, outsider):
    return {"enterprise_b": admin_b, "claimer": claimer_a, "member": member_a, "institution": institution_admin,
            "institution_b": institution_b_admin, "county": county_reviewer_a, "county_b": county_reviewer_b,
            "city": city_reviewer, "other_city": other_city_reviewer, "education": education_reviewer,
            "individual": outsider, "anonymous": None}


@pytest.mark.django_db
def test_get_matrix(client, world, people):
    wrong = check(client, method="GET", rows=MATRIX, personas=PERSONAS, patterns=_names(), world=world,
                  user_for=lambda persona, key: world[key].owner if persona == "owner" else people[persona],
                  title="MATRIX")
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_foreign_posts_write_nothing(client, world, people):
    from audit.models import AuditEntry
    from reviews.models import ReviewEvent

    audit = AuditEntry.objects.exclude(action__startswith="accounts.")
    before = (audit.count(), ReviewEvent.objects.count())
    wrong = check(client, method="POST", rows=POSTS, personas=POST_PERSONAS, patterns=_names(), world=world,
                  user_for=lambda persona, key: people[persona], title="POSTS")
    assert not wrong, "\n".join(wrong)
    assert (audit.count(), ReviewEvent.objects.count()) == before
