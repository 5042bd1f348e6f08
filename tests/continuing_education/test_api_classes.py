"""培训班申报 through /api/v1/continuing-education/classes/: create, edit under If-Match, submit, withdraw, delete;
the lists with the screen's filters; the detail; 培训班审核表 as a PDF; and who may not."""

from decimal import Decimal

import pytest

from continuing_education.models import ClassStatus, TrainingClass
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import class_data

pytestmark = pytest.mark.django_db
CLASSES = "/api/v1/continuing-education/classes/"


@pytest.fixture
def catalogue(enterprise_a):
    site = ce.site(enterprise_a)
    return site, [ce.course(enterprise_a, name="新技术应用", hours=12),
                  ce.course(enterprise_a, name="行业标准解读", hours=Decimal("6.5"))]


def _json(client, method, url, body=None, **headers):
    return getattr(client, method)(url, body, content_type="application/json", **headers)


def test_a_unit_declares_a_class_through_the_api(client, admin_a, catalogue, county_reviewer_a):
    site, courses = catalogue
    headers = auth(token_for(admin_a, scopes=["continuing_education:read", "continuing_education:write"]))
    created = _json(client, "post", CLASSES, class_data(site=site, courses=courses), **headers)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["status"], body["hours"], body["participant_count"]) == ("draft", "18.5", 0)
    assert [course["name"] for course in body["courses"]] == ["新技术应用", "行业标准解读"]
    assert body["submission_problems"] == []
    training_class = TrainingClass.objects.get()
    assert training_class.organisation_id == admin_a.organisation_id

    listed = client.get(CLASSES, {"status": "draft"}, **headers)
    assert [row["id"] for row in listed.json()["results"]] == [training_class.pk]
    assert client.get(CLASSES, {"status": "pending"}, **headers).json()["results"] == []

    url = f"{CLASSES}{training_class.pk}/"
    etag = client.get(url, **headers)["ETag"]
    edited = _json(client, "put", url, class_data(site=site, courses=[courses[1]], name="改名后的培训班"),
                   HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200, edited.json()
    assert (edited.json()["name"], edited.json()["hours"]) == ("改名后的培训班", "6.5")

    submitted = client.post(f"{url}submit/", **headers)
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "pending"
    assert latest_review_for(training_class).status == ReviewStatus.PENDING
    seen = client.get(f"{CLASSES}reviewed/", **auth(token_for(county_reviewer_a)))
    assert [row["id"] for row in seen.json()["results"]] == [training_class.pk]

    withdrawn = client.post(f"{url}withdraw/", **headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "draft"
    refused = client.delete(url, **headers)  # once submitted, its review history stays
    assert refused.status_code == 400
    assert refused.json()["message"] == "只能删除从未提交过的培训班申报"


def test_a_never_submitted_draft_is_deleted(client, admin_a):
    draft = ce.training_class(admin_a.organisation, by=admin_a)
    response = client.delete(f"{CLASSES}{draft.pk}/", **auth(token_for(admin_a)))
    assert response.status_code == 204
    assert not TrainingClass.objects.filter(pk=draft.pk).exists()


def test_edits_need_the_current_etag(client, admin_a, catalogue):
    site, courses = catalogue
    draft = ce.training_class(admin_a.organisation, by=admin_a, courses=courses, training_site=site)
    headers, url = auth(token_for(admin_a)), f"{CLASSES}{draft.pk}/"
    data = class_data(site=site, courses=courses)
    assert _json(client, "put", url, data, **headers).status_code == 428
    stale = client.get(url, **headers)["ETag"]
    assert _json(client, "put", url, {**data, "name": "第一次"}, HTTP_IF_MATCH=stale, **headers).status_code == 200
    response = _json(client, "put", url, {**data, "name": "第二次"}, HTTP_IF_MATCH=stale, **headers)
    assert response.status_code == 412 and response.json()["code"] == "precondition_failed"
    draft.refresh_from_db()
    assert draft.name == "第一次"


def test_the_forms_rules_come_back_field_by_field(client, admin_a, enterprise_b, catalogue):
    site, courses = catalogue
    foreign = ce.course(enterprise_b, name="别家的课程")
    response = _json(client, "post", CLASSES, class_data(site=site, courses=[foreign], name="", specialty=""),
                     **auth(token_for(admin_a)))
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert {(error["field"], error["message"]) for error in response.json()["errors"]} == {
        ("name", "请填写培训班名称"), ("specialty", "专业科目须填写专业"), ("courses", "所选课程不在本单位的课程库中")}
    assert not TrainingClass.objects.exists()


def test_an_approved_class_is_not_edited_and_prints_its_approval_form(client, admin_a, city_reviewer):
    approved = ce.training_class(admin_a.organisation, by=admin_a, status=ClassStatus.APPROVED)
    headers, url = auth(token_for(admin_a)), f"{CLASSES}{approved.pk}/"
    etag = client.get(url, **headers)["ETag"]
    response = _json(client, "put", url, {}, HTTP_IF_MATCH=etag, **headers)
    assert response.status_code == 409 and response.json()["message"] == "培训班审核通过，不能修改"
    for user in (admin_a, city_reviewer):
        pdf = client.get(f"{url}print/", HTTP_ACCEPT="application/pdf", **auth(token_for(user)))
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
    draft = ce.training_class(admin_a.organisation, by=admin_a, name="草稿")
    refused = client.get(f"{CLASSES}{draft.pk}/print/", HTTP_ACCEPT="application/pdf", **headers)
    assert refused.status_code == 409 and refused.json()["message"] == "培训班审核通过后才能打印审核表"


def test_others_may_not_write(client, admin_a, admin_b, trainer_a, county_reviewer_a, catalogue):
    site, courses = catalogue
    draft = ce.training_class(admin_a.organisation, by=admin_a, courses=courses, training_site=site)
    url, data = f"{CLASSES}{draft.pk}/", class_data(site=site, courses=courses, name="改")
    assert _json(client, "put", url, data, **auth(token_for(admin_b))).status_code == 404  # another unit
    assert _json(client, "put", url, data, **auth(token_for(trainer_a))).status_code == 403  # 培训管理 only
    assert client.post(f"{url}submit/", **auth(token_for(county_reviewer_a))).status_code == 403  # its department
    assert _json(client, "post", CLASSES, data, **auth(token_for(trainer_a))).status_code == 403
    read_only = auth(token_for(admin_a, scopes=["continuing_education:read"]))
    response = client.post(f"{url}submit/", **read_only)
    assert response.status_code == 403 and response.json()["code"] == "scope_missing"
    draft.refresh_from_db()
    assert (draft.name, draft.status) == ("年度专业科目培训班", ClassStatus.DRAFT)
    assert latest_review_for(draft) is None


def test_the_department_lists_only_submitted_classes_in_its_scope(client, admin_a, admin_b, county_reviewer_a):
    ce.training_class(admin_a.organisation, by=admin_a, name="草稿")
    pending = ce.training_class(admin_a.organisation, by=admin_a, name="待审", status=ClassStatus.PENDING)
    ce.training_class(admin_b.organisation, by=admin_b, name="别区的", status=ClassStatus.PENDING)
    headers = auth(token_for(county_reviewer_a))
    response = client.get(f"{CLASSES}reviewed/", **headers)
    assert [row["name"] for row in response.json()["results"]] == [pending.name]
    bad = client.get(f"{CLASSES}reviewed/", {"status": "nonsense"}, **headers)
    assert bad.status_code == 400 and bad.json()["field"] == "status"


def test_a_course_id_past_64_bits_is_a_message_not_a_500(client, enterprise_a, admin_a):
    from tests.api.keys import auth, token_for

    response = client.post("/api/v1/continuing-education/classes/", {"courses": [-779203978422564704949786116096]},
                           content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 400
    courses = [error for error in response.json()["errors"] if error["field"] == "courses"]
    assert courses == [{"field": "courses", "code": "invalid_pk_value", "message": "所选课程不在本单位的课程库中"}]
