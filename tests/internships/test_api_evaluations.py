"""查看学生评价 through /api/v1/internships/evaluations/of-enterprise/: the students' evaluations of the caller's
enterprise (not its own evaluations of its interns, not another enterprise's), for the enterprise only, with a
constant number of queries whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from internships.models import Evaluation, EvaluationSide, InternshipStatus
from tests.api.keys import auth, token_for
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/internships/evaluations/of-enterprise/"
BODY = {"stage": "process", "grade": "good", "comment": "企业很好"}


@pytest.fixture
def internship(host_a, admin_a, student_record):
    return f.internship(f.application(student_record, f.position(host_a, admin_a)), status=InternshipStatus.ARRIVED)


def evaluation(internship, by, *, side=EvaluationSide.STUDENT, stage="process", grade="good", comment="企业很好"):
    return Evaluation.objects.create(internship=internship, side=side, stage=stage, grade=grade, comment=comment,
                                     created_by=by)


def intern_at(enterprise, by, school, name):
    return f.internship(f.application(f.student(school, name=name), f.position(enterprise, by)),
                        status=InternshipStatus.ARRIVED)


def test_the_enterprise_reads_its_students_evaluations(client, admin_a, student, internship, school):
    client.force_login(student)  # the student writes through the evaluations route, as on screen
    written = client.post(f"/api/v1/internships/internships/{internship.pk}/evaluations/", BODY,
                          content_type="application/json")
    assert written.status_code == 201, written.json()
    client.logout()
    evaluation(internship, admin_a, side=EvaluationSide.ENTERPRISE, comment="工作认真")  # its own: not listed
    final = evaluation(internship, student, stage="final", grade="excellent", comment="收获很大")
    response = client.get(URL, **auth(token_for(admin_a, scopes=["internships:read"])))
    assert response.status_code == 200, response.json()
    rows = response.json()["results"]
    assert [(row["stage"], row["grade"], row["comment"]) for row in rows] == [
        ("final", "excellent", "收获很大"), ("process", "good", "企业很好")]
    assert rows[0] == {
        "id": final.pk, "internship_id": internship.pk, "student_id": internship.student_id,
        "student_name": "张同学", "school_id": school.pk, "school_name": school.name, "stage": "final",
        "stage_display": "实习总结评价", "grade": "excellent", "grade_display": rows[0]["grade_display"],
        "comment": "收获很大", "created_at": rows[0]["created_at"]}
    assert rows[0]["grade_display"] == final.get_grade_display()


def test_another_enterprise_sees_only_its_own(client, admin_a, admin_b, host_b, internship, school, student):
    evaluation(internship, student)
    theirs = evaluation(intern_at(host_b, admin_b, school, "李同学"), admin_b, comment="乙企业不错")
    response = client.get(URL, **auth(token_for(admin_b)))
    assert [(row["id"], row["student_name"]) for row in response.json()["results"]] == [(theirs.pk, "李同学")]


def test_others_are_refused(client, admin_a, internship, student, school_admin, education_reviewer,
                            staff_manager_a, county_reviewer_a):
    evaluation(internship, student)
    # the school and the education department read the evaluations per internship, not this section
    for user in (school_admin, education_reviewer, staff_manager_a, county_reviewer_a):
        assert client.get(URL, **auth(token_for(user))).status_code == 403, user
    client.force_login(student)
    assert client.get(URL).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 401
    missing = client.get(URL, **auth(token_for(admin_a, scopes=["internships:write"])))
    assert (missing.status_code, missing.json()["code"]) == (403, "scope_missing")
    bad_cursor = client.get(URL, {"cursor": "不是游标"}, **auth(token_for(admin_a)))
    assert bad_cursor.status_code == 404


def test_the_list_does_not_grow_with_the_rows(client, admin_a, host_a, internship, school, student):
    headers = auth(token_for(admin_a))

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, **headers).status_code == 200
        # the programme's reads only: the key's bookkeeping (rate window, last use) varies by the minute
        return len([query for query in context.captured_queries if "internships_" in query["sql"]])

    evaluation(internship, student)
    few = count()
    for number in range(2, 6):
        evaluation(intern_at(host_a, admin_a, school, f"学生{number}"), admin_a)
    assert len(client.get(URL, **headers).json()["results"]) == 5
    assert count() == few == 1
