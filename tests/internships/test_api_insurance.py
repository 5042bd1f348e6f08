"""实习保险 through /api/v1/internships/policies/: the school files a policy (multipart) and adds students, the
enterprise and the education department read it, the printed list; the form's and the service's refusals, and
everyone else refused."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from internships.models import Coverage, InternshipStatus, Policy
from tests.api.keys import auth, token_for
from tests.attachments.files import pdf_bytes
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/internships/policies"
STARTS = f.STARTS_ON - datetime.timedelta(days=7)
ENDS = f.ENDS_ON + datetime.timedelta(days=7)


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position), status=InternshipStatus.AGREEMENT_SIGNED)


@pytest.fixture
def classmate(school, position):
    return f.internship(f.application(f.student(school, name="王同学"), position), status=InternshipStatus.SIGNED)


def policy_data(**overrides):
    return {"policy_number": "PICC-2026-0001", "insurer": "中国人民财产保险股份有限公司",
            "starts_on": STARTS.isoformat(), "ends_on": ENDS.isoformat(), "is_internship_liability": "true",
            "document": SimpleUploadedFile("保单.pdf", pdf_bytes(), content_type="application/pdf"), **overrides}


def test_the_school_files_a_policy_and_adds_a_student(client, school_admin, admin_a, host_a, internship, classmate,
                                                      education_reviewer):
    school = auth(token_for(school_admin, scopes=["internships:read", "internships:write"]))
    filed = client.post(f"{API}/", policy_data(enterprise=host_a.pk, internships=[internship.pk]), **school)
    assert filed.status_code == 201, filed.json()
    body = filed.json()
    policy = Policy.objects.get()
    assert (body["id"], body["policy_number"], body["enterprise_id"], body["filed_by_organisation_id"],
            body["can_add_students"]) == (policy.pk, "PICC-2026-0001", host_a.pk, school_admin.organisation_id, True)
    assert [row["internship_id"] for row in body["coverages"]] == [internship.pk]
    assert body["coverages"][0]["student_id_number"] == internship.student.id_number  # the admin may see it
    added = client.post(f"{API}/{policy.pk}/students/", {"internships": [classmate.pk]},
                        content_type="application/json", **school)
    assert added.status_code == 200, added.json()
    assert sorted(row["internship_id"] for row in added.json()["coverages"]) == sorted([internship.pk, classmate.pk])
    assert Coverage.objects.filter(policy=policy).count() == 2
    assert set(AuditEntry.objects.filter(action__startswith="internships.policy").values_list("action", flat=True)) \
        == {"internships.policy_filed", "internships.policy_students_added"}
    # the enterprise and the region's education department read it; they may not add students
    for user in (admin_a, education_reviewer):
        headers = auth(token_for(user))
        read = client.get(f"{API}/{policy.pk}/", **headers)
        assert read.status_code == 200 and read.json()["can_add_students"] is False
        assert [row["id"] for row in client.get(f"{API}/", **headers).json()["results"]] == [policy.pk]
    assert client.post(f"{API}/{policy.pk}/students/", {"internships": [classmate.pk]},
                       content_type="application/json", **auth(token_for(admin_a))).status_code == 403


def test_the_forms_and_the_services_rules_hold(client, admin_a, internship):
    enterprise = auth(token_for(admin_a))
    refused = client.post(f"{API}/", policy_data(is_internship_liability="false", internships=[internship.pk]),
                          **enterprise)
    assert refused.status_code == 400
    short = client.post(f"{API}/", policy_data(ends_on=(f.ENDS_ON - datetime.timedelta(days=1)).isoformat(),
                                                internships=[internship.pk]), **enterprise)
    assert short.status_code == 400
    ends = client.post(f"{API}/", policy_data(ends_on=STARTS.isoformat()), **enterprise)
    assert ends.status_code == 400 and ends.json()["field"] == "ends_on"
    assert ends.json()["message"] == "保险期间止必须晚于保险期间起"
    not_pdf = client.post(f"{API}/", policy_data(
        document=SimpleUploadedFile("保单.pdf", b"not a pdf", content_type="application/pdf")), **enterprise)
    assert not_pdf.status_code == 400
    huge = client.post(f"{API}/", policy_data(internships=["99999999999999999999999"]), **enterprise)
    assert huge.status_code == 400 and huge.json()["field"] == "internships"
    assert Policy.objects.count() == 0
    # the enterprise files for its own interns
    filed = client.post(f"{API}/", policy_data(internships=[internship.pk]), **enterprise)
    assert filed.status_code == 201 and filed.json()["enterprise_id"] == admin_a.organisation_id
    # the same number with the same insurer is filed once
    again = client.post(f"{API}/", policy_data(), **enterprise)
    assert again.status_code == 400 and Policy.objects.count() == 1
    # a student already on the policy is not insurable into it again
    policy = Policy.objects.get()
    twice = client.post(f"{API}/{policy.pk}/students/", {"internships": [internship.pk]},
                        content_type="application/json", **enterprise)
    assert twice.status_code == 400 and twice.json()["field"] == "internships"


def test_others_are_refused(client, school, school_admin, host_a, admin_b, school_b_admin, staff_manager_a,
                            education_other_reviewer, internship):
    policy = f.policy(school, host_a, school_admin, [internship])
    for user in (admin_b, school_b_admin, education_other_reviewer):
        assert client.get(f"{API}/{policy.pk}/", **auth(token_for(user))).status_code == 404
        assert client.get(f"{API}/", **auth(token_for(user))).json()["results"] == []
    sub_admin = auth(token_for(staff_manager_a))
    assert client.get(f"{API}/", **sub_admin).status_code == 403
    assert client.post(f"{API}/", policy_data(internships=[internship.pk]), **sub_admin).status_code == 403
    reader = auth(token_for(school_admin, scopes=["internships:read"]))
    missing = client.post(f"{API}/{policy.pk}/students/", {"internships": [internship.pk]},
                          content_type="application/json", **reader)
    assert missing.status_code == 403 and missing.json()["code"] == "scope_missing"
    assert Policy.objects.count() == 1 and Coverage.objects.count() == 1


def test_the_printed_list(client, school, school_admin, host_a, internship):
    f.policy(school, host_a, school_admin, [internship])
    printed = client.get(f"{API}/pdf/", HTTP_ACCEPT="application/pdf", **auth(token_for(school_admin)))
    assert printed.status_code == 200 and printed["Content-Type"] == "application/pdf"
    assert printed.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="internships.policies_printed", actor=school_admin).count() == 1
