"""批量导入被保险学生 through the foundation's import route (/api/v1/imports/internship_insured_students/, the
policy as `parent`): the host enterprise imports rows as JSON into its own policy and reads the result back (the
job, its failed rows, the policy's insured students); the school that sees the policy, another enterprise, a
sub-administrator without the programme's permission, a key without the write scope and a missing or malformed
policy are refused, and nothing is written."""

import pytest

from batch.models import BatchJob, JobStatus
from internships.models import Coverage, InternshipStatus
from tests.api.keys import auth, token_for
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/imports/internship_insured_students/"


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position), status=InternshipStatus.AGREEMENT_SIGNED)


@pytest.fixture
def classmate(school, position):
    return f.internship(f.application(f.student(school, name="王同学"), position), status=InternshipStatus.SIGNED)


@pytest.fixture
def policy(host_a, admin_a):
    """The enterprise's own policy (an enterprise files for its interns, as the screen lets it)."""
    return f.policy(host_a, host_a, admin_a)


def start(client, headers, rows, parent, run_on_commit):
    with run_on_commit(execute=True):
        return client.post(URL, {"rows": rows, "parent": parent}, content_type="application/json", **headers)


def test_the_host_enterprise_imports_insured_students_and_reads_the_result(
        client, admin_a, host_a, host_b, admin_b, school, internship, classmate, policy,
        django_capture_on_commit_callbacks):
    elsewhere = f.internship(f.application(f.student(school, name="赵同学"), f.position(host_b, admin_b)),
                             status=InternshipStatus.SIGNED)
    headers = auth(token_for(admin_a))
    rows = [{"身份证号": internship.student.id_number, "姓名": "张同学"},
            {"id_number": classmate.student.id_number, "name": "王同学"},  # field names work as well as headers
            {"身份证号": classmate.student.id_number, "姓名": "李四"},
            {"身份证号": elsewhere.student.id_number, "姓名": "赵同学"}]
    started = start(client, headers, rows, str(policy.pk), django_capture_on_commit_callbacks)
    assert started.status_code == 202, started.json()
    assert (started.json()["spec"], started.json()["parent_key"]) == ("internship_insured_students", str(policy.pk))
    job = client.get(f"/api/v1/jobs/{started.json()['id']}/", **headers).json()
    assert (job["status"], job["total_rows"], job["created_rows"], job["failed_rows"]) == (
        JobStatus.PARTLY_FAILED, 4, 2, 2)
    errors = client.get(f"/api/v1/jobs/{job['id']}/errors/", **headers).json()["results"]
    assert [(row["row_number"], row["message"]) for row in errors] == [
        (4, "学生名册中没有该身份证号和姓名的学生"), (5, "该学生不在本保单企业实习，或实习已结束")]
    detail = client.get(f"/api/v1/internships/policies/{policy.pk}/", **headers).json()
    assert sorted(row["internship_id"] for row in detail["coverages"]) == sorted([internship.pk, classmate.pk])
    # the same rows again: already insured, nothing added
    again = start(client, headers, rows[:2], policy.pk, django_capture_on_commit_callbacks)
    assert again.status_code == 202, again.json()
    job = BatchJob.objects.get(pk=again.json()["id"])
    assert (job.status, job.created_rows, job.unchanged_rows) == (JobStatus.SUCCEEDED, 0, 2)
    assert Coverage.objects.filter(policy=policy).count() == 2


def test_others_are_refused(client, admin_a, admin_b, host_a, host_b, school_admin, education_reviewer,
                            staff_manager_a, internship, classmate, django_capture_on_commit_callbacks):
    policy = f.policy(host_a, host_a, admin_a, [internship])
    rows = [{"身份证号": classmate.student.id_number, "姓名": "王同学"}]

    def status(user, parent=policy.pk, scopes=None):
        response = start(client, auth(token_for(user, scopes=scopes)), rows, parent,
                         django_capture_on_commit_callbacks)
        return response.status_code, response.json()["code"]

    # the school sees the enterprise's policy (it covers its student) but does not file into it
    assert client.get(f"/api/v1/internships/policies/{policy.pk}/", **auth(token_for(school_admin))).status_code \
        == 200
    assert status(school_admin)[0] == 403
    assert status(admin_b)[0] == 404  # another enterprise does not see the policy
    assert status(education_reviewer)[0] == 403
    assert status(staff_manager_a)[0] == 403
    assert status(admin_a, scopes=["internships:read"]) == (403, "scope_missing")
    assert status(admin_a, parent="")[0] == 404
    assert status(admin_a, parent="第一张")[0] == 404
    assert status(admin_a, parent=policy.pk + 1000)[0] == 404
    unknown = start(client, auth(token_for(admin_a)), [{"保单号": "x"}], policy.pk, django_capture_on_commit_callbacks)
    assert (unknown.status_code, unknown.json()["field"]) == (400, "rows[0].保单号")
    assert not BatchJob.objects.exists()
    assert list(Coverage.objects.values_list("internship_id", flat=True)) == [internship.pk]
