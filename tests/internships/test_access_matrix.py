"""The programme's access matrix: every URL pattern of the namespace "internships" that names an object,
requested by every persona, answers exactly the status written here; a pattern in neither table fails the suite
(tests/core/test_access_matrix.py leaves this namespace to this file).

Personas: the object's owner (tests/internships/world.py), enterprise B's administrator (another host), the
school's administrator, another school's administrator, the student 张同学 (a student of the school, not
necessarily the one the object is about), a student of another school, 郑州市教育局 (the region's education
department), 洛阳市教育局 (another region), 金水区 HR (another line of government), enterprise A's
sub-administrator without the programme's permission, an individual with no relation, an anonymous visitor.

Statuses: 200 shown, 302 redirected (the sign-in page for anonymous visitors; the next page after a form),
403 visible but not allowed (or a screen the role does not open), 404 not visible, 405 wrong method.
"""

import os

import pytest
from django.urls import reverse

from tests.core.test_access_matrix import url_patterns
from tests.internships.world import build_world

PERSONAS = ("owner", "host_b", "school", "school_b", "student", "student_b", "education", "education_b", "hr",
            "sub_admin", "individual", "anonymous")

# URL name -> (the object its id names, the GET status per persona in PERSONAS order).
MATRIX = {
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications, signing -------------------------------------------------------------------

    # --- school: agreements, groups, early end, overview; education: internships ---------------------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
    "internships:complaint_detail": ("complaint", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:complaint_investigate": ("complaint", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:complaint_conclude": ("complaint", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:appeal_detail": ("appeal", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:appeal_decide": ("appeal", "405 405 405 405 405 405 405 405 405 405 405 405"),
}

# URL patterns that name no object of another user (lists, forms, one's own page). Covered by their own tests.
WITHOUT_OBJECT = {
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications, signing -------------------------------------------------------------------

    # --- school: agreements, groups, early end, overview; education: internships ---------------------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
    "internships:student_complaints", "internships:complaint_create", "internships:enterprise_complaints",
    "internships:appeal_create", "internships:enterprise_appeals", "internships:school_complaints",
    "internships:school_appeals", "internships:education_complaints",
}

# POSTs by personas who may not act must write nothing: URL name -> (object, status per POST_PERSONAS; "-" skips).
POST_PERSONAS = ("host_b", "school_b", "student_b", "education_b", "hr", "sub_admin", "individual")
POSTS = {
    # --- sections add their state-changing URLs below ------------------------------------------------------
    # complaints and appeals
    "internships:complaint_investigate": ("complaint", "404 404 404 404 404 404 404"),
    "internships:complaint_conclude": ("complaint", "404 404 404 404 404 404 404"),
    "internships:appeal_decide": ("appeal", "404 404 404 404 404 404 404"),
}


def _names():
    return {name: converters for name, converters in url_patterns() if name.startswith("internships:")}


def test_every_url_pattern_has_a_row():
    names = _names()
    missing = sorted(name for name in names if name not in MATRIX and name not in WITHOUT_OBJECT)
    assert not missing, f"URL patterns without a row in tests/internships/test_access_matrix.py: {missing}"
    stale = sorted((set(MATRIX) | set(WITHOUT_OBJECT) | set(POSTS)) - set(names))
    assert not stale, f"rows for URL patterns that no longer exist: {stale}"
    named = sorted(name for name, converters in names.items() if converters and name in WITHOUT_OBJECT)
    assert not named, f"patterns with an object id belong in MATRIX, not WITHOUT_OBJECT: {named}"


@pytest.fixture
def world(host_a, admin_a, school, school_admin, student, student_record, education_reviewer):
    return build_world(host_a=host_a, admin_a=admin_a, school=school, school_admin=school_admin, student=student,
                       student_record=student_record, education_reviewer=education_reviewer)


@pytest.fixture
def people(host_b, admin_b, school_admin, school_b_admin, student, student_record, student_b_person,
           student_b_record, education_reviewer, education_other_reviewer, county_reviewer_a, staff_manager_a,
           outsider):
    return {"host_b": admin_b, "school": school_admin, "school_b": school_b_admin, "student": student,
            "student_b": student_b_person, "education": education_reviewer, "education_b": education_other_reviewer,
            "hr": county_reviewer_a, "sub_admin": staff_manager_a, "individual": outsider, "anonymous": None}


def _url(name, world, object_key):
    pattern = _names()[name]
    return reverse(name, kwargs={pattern[0]: world[object_key].pk})


def _status(client, user, method, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return (client.post if method == "POST" else client.get)(url).status_code


def _table(rows):
    return "\n".join(f'    "{name}": ("{key}", "{" ".join(str(s) for s in statuses)}"),'
                     for name, (key, statuses) in rows.items())


@pytest.mark.django_db
def test_get_matrix(client, world, people):
    actual, wrong = {}, []
    for name, (object_key, expected) in sorted(MATRIX.items()):
        url = _url(name, world, object_key)
        statuses = []
        for persona, want in zip(PERSONAS, expected.split() if expected else [None] * len(PERSONAS)):
            user = world[object_key].owner if persona == "owner" else people[persona]
            got = _status(client, user, "GET", url)
            statuses.append(got)
            if want is not None and got != int(want):
                wrong.append(f"GET {url} ({name}) as {persona}: {got}, expected {want}")
        actual[name] = (object_key, statuses)
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        print("\nMATRIX\n" + _table(actual))
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_foreign_posts_write_nothing(client, world, people):
    from audit.models import AuditEntry
    from reviews.models import ReviewEvent

    audit = AuditEntry.objects.exclude(action__startswith="accounts.")
    before = (audit.count(), ReviewEvent.objects.count())
    actual, wrong = {}, []
    for name, (object_key, expected) in sorted(POSTS.items()):
        url = _url(name, world, object_key)
        statuses = []
        for persona, want in zip(POST_PERSONAS, expected.split() if expected else [None] * len(POST_PERSONAS)):
            if want == "-":
                statuses.append("-")
                continue
            got = _status(client, people[persona], "POST", url)
            statuses.append(got)
            if want is not None and got != int(want):
                wrong.append(f"POST {url} ({name}) as {persona}: {got}, expected {want}")
        actual[name] = (object_key, statuses)
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        print("\nPOSTS\n" + _table(actual))
    assert not wrong, "\n".join(wrong)
    assert (audit.count(), ReviewEvent.objects.count()) == before
