"""学时申报 through /api/v1/continuing-education/declarations/: a professional's own (session; multipart with the
证明材料), the unit's 学时申报管理 (lists, 代为申报), edit under If-Match, submit, withdraw, delete; masking."""

import pytest

from continuing_education.models import DeclarationStatus, HoursDeclaration
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_hours import form_data

pytestmark = pytest.mark.django_db
DECLARATIONS = "/api/v1/continuing-education/declarations/"


def test_a_professional_declares_hours_with_the_proof(client, pro_a, admin_a, county_reviewer_a):
    client.force_login(pro_a)
    created = client.post(DECLARATIONS, form_data())  # multipart: the screen's fields and the file
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["status"], body["hours"], body["on_behalf"], body["title"]) == ("draft", "8.0", False, "行业学术年会")
    declaration = HoursDeclaration.objects.get()
    assert declaration.person_id == pro_a.pk and body["proof_id"] == str(declaration.proof_id) != "None"
    assert [row["id"] for row in client.get(DECLARATIONS).json()["results"]] == [declaration.pk]

    url = f"{DECLARATIONS}{declaration.pk}/"
    changed = {key: value for key, value in form_data(title="行业学术年会（修订）").items() if key != "proof"}
    assert client.put(url, changed, content_type="application/json").status_code == 428
    etag = client.get(url)["ETag"]
    edited = client.put(url, changed, content_type="application/json", HTTP_IF_MATCH=etag)
    assert edited.status_code == 200, edited.json()
    assert edited.json()["title"] == "行业学术年会（修订）" and edited.json()["proof_id"] == str(declaration.proof_id)

    submitted = client.post(f"{url}submit/")
    assert submitted.status_code == 200 and submitted.json()["status"] == "pending"
    assert latest_review_for(declaration).status == ReviewStatus.PENDING
    seen = client.get(url, **auth(token_for(county_reviewer_a)))
    assert seen.status_code == 200 and seen.json()["status"] == "pending"
    again = client.post(f"{url}submit/")
    assert again.status_code == 409 and again.json()["message"] == "学时申报审核中，不能提交"

    withdrawn = client.post(f"{url}withdraw/")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "draft"
    refused = client.delete(url)
    assert refused.status_code == 400 and refused.json()["message"] == "只能删除从未提交的学时申报"


def test_a_declaration_needs_its_proof(client, pro_a):
    client.force_login(pro_a)
    without = {key: value for key, value in form_data().items() if key != "proof"}
    response = client.post(DECLARATIONS, without, content_type="application/json")
    assert response.status_code == 400
    assert [(error["field"], error["message"]) for error in response.json()["errors"]] == [
        ("proof", "请上传学时证明材料")]
    assert not HoursDeclaration.objects.exists()


def test_a_person_without_a_unit_is_told_to_join_one(client, pro_free):
    client.force_login(pro_free)
    response = client.post(DECLARATIONS, form_data())
    assert response.status_code == 409
    assert response.json()["message"] == "您尚未加入用人单位，请先申请加入单位后再申报学时"


def test_a_draft_never_submitted_is_deleted(client, pro_a, staff_a):
    draft = ce.declaration(staff_a, by=pro_a)
    client.force_login(pro_a)
    assert client.delete(f"{DECLARATIONS}{draft.pk}/").status_code == 204
    assert not HoursDeclaration.objects.exists()


def test_the_unit_declares_on_a_staff_members_behalf(client, hours_manager_a, admin_a, staff_a):
    headers = auth(token_for(hours_manager_a))
    created = client.post(f"{DECLARATIONS}on-behalf/", form_data(staff=staff_a.pk), **headers)
    assert created.status_code == 201, created.json()
    assert created.json()["on_behalf"] is True and created.json()["staff_id"] == staff_a.pk
    # The sub-administrator without organisations.view_personal_data sees the ID number masked, as on screen.
    assert created.json()["id_number"] != staff_a.id_number and "*" in created.json()["id_number"]
    listed = client.get(f"{DECLARATIONS}on-behalf/", **auth(token_for(admin_a)))
    assert [(row["id"], row["id_number"]) for row in listed.json()["results"]] == [
        (created.json()["id"], staff_a.id_number)]
    foreign = client.post(f"{DECLARATIONS}on-behalf/", form_data(staff=999999), **headers)
    assert foreign.status_code == 400 and foreign.json()["field"] == "staff"


def test_the_approved_list_takes_the_screens_filters(client, admin_a, staff_a, pro_a):
    approved = ce.declaration(staff_a, by=pro_a, status=DeclarationStatus.APPROVED)
    ce.declaration(staff_a, by=pro_a, title="草稿")
    headers = auth(token_for(admin_a))
    rows = client.get(f"{DECLARATIONS}approved/", {"name": staff_a.name}, **headers).json()["results"]
    assert [row["id"] for row in rows] == [approved.pk]
    assert client.get(f"{DECLARATIONS}approved/", {"year": 1999}, **headers).status_code == 400


def test_others_may_not_write(client, pro_a, pro_b, staff_a, admin_a, admin_b, trainer_a):
    draft = ce.declaration(staff_a, by=pro_a)
    url = f"{DECLARATIONS}{draft.pk}/"
    client.force_login(pro_b)
    assert client.post(f"{url}submit/").status_code == 404  # another person
    client.logout()
    assert client.post(f"{url}submit/", **auth(token_for(admin_b))).status_code == 404  # another unit
    assert client.post(f"{url}submit/", **auth(token_for(trainer_a))).status_code == 403  # sees it, not its writer
    assert client.post(f"{url}submit/", **auth(token_for(admin_a))).status_code == 403  # the person's own
    assert client.get(DECLARATIONS, **auth(token_for(admin_a))).status_code == 403  # a person's page
    draft.refresh_from_db()
    assert draft.status == DeclarationStatus.DRAFT and latest_review_for(draft) is None


def test_online_results_are_listed_for_the_training_manager(client, trainer_a, member_a, admin_a, staff_a):
    result = ce.online_result(admin_a.organisation, by=admin_a, member=staff_a)
    headers = auth(token_for(trainer_a))
    rows = client.get("/api/v1/continuing-education/online-results/", {"name": staff_a.name}, **headers).json()
    assert [(row["id"], row["hours"]) for row in rows["results"]] == [(result.pk, "10.0")]
    assert client.get("/api/v1/continuing-education/online-results/", {"name": "别人"}, **headers).json()[
        "results"] == []
    assert client.get("/api/v1/continuing-education/online-results/", **auth(token_for(member_a))).status_code == 403
