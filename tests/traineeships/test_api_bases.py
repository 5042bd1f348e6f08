"""见习基地申请 through /api/v1/traineeships/: save, upload, submit under If-Match, withdraw; the department reads."""

import pytest

from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests.api.keys import auth, token_for
from tests.attachments.files import png_upload
from tests.traineeships.helpers import give_licence, pdf_upload
from traineeships.models import BaseStatus, TraineeshipBase

pytestmark = pytest.mark.django_db
BASE = "/api/v1/traineeships/base/"


def body(organisation, **overrides):
    return {"level": "county", "introduction": "一家软件企业。", "mentor_team": "导师5名。",
            "bank_account_name": organisation.name, "bank_name": "工商银行郑州文化路支行",
            "bank_account_number": "6222020200112233445",
            "major_demands": [{"year": 2025, "major": "会计", "headcount": 3}], **overrides}


def test_a_unit_files_its_base_through_the_api(client, admin_a, enterprise_a, county_reviewer_a, city_reviewer):
    give_licence(enterprise_a, admin_a)
    headers = auth(token_for(admin_a, scopes=["traineeships:read", "traineeships:write"]))
    saved = client.put(BASE, body(enterprise_a), content_type="application/json", **headers)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["status"] == BaseStatus.DRAFT
    assert saved.json()["major_demands"] == [{"year": 2025, "major": "会计", "headcount": 3}]
    assert saved.json()["missing_files"] == ["就业见习管理制度", "单位证件"]
    assert saved.json()["bank_account_number"] == "6222020200112233445"  # the administrator sees personal data
    for slot, upload in (("rules_file", pdf_upload()), ("certificate_file", png_upload("证件.png"))):
        response = client.post(f"{BASE}files/{slot}/", {"file": upload}, **headers)
        assert response.status_code == 200, response.json()
    etag = client.get(BASE, **headers)["ETag"]
    submitted = client.post(f"{BASE}submit/", body(enterprise_a), content_type="application/json",
                            HTTP_IF_MATCH=etag, **headers)
    assert submitted.status_code == 200, submitted.json()
    base = TraineeshipBase.objects.get(organisation=enterprise_a)
    assert base.status == BaseStatus.PENDING and latest_review_for(base).status == ReviewStatus.PENDING
    seen = client.get(f"/api/v1/traineeships/bases/{base.pk}/", **auth(token_for(county_reviewer_a)))
    assert seen.status_code == 200 and seen.json()["status"] == BaseStatus.PENDING
    withdrawn = client.post(f"{BASE}withdraw/", {"reason": "补充材料"}, content_type="application/json", **headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == BaseStatus.DRAFT


def test_a_stale_etag_cannot_overwrite(client, admin_a, enterprise_a):
    headers = auth(token_for(admin_a))
    client.put(BASE, body(enterprise_a), content_type="application/json", **headers)
    stale = client.get(BASE, **headers)["ETag"]
    fresh = client.put(BASE, body(enterprise_a, mentor_team="导师6名。"), content_type="application/json",
                       HTTP_IF_MATCH=stale, **headers)
    assert fresh.status_code == 200
    response = client.put(BASE, body(enterprise_a, mentor_team="导师7名。"), content_type="application/json",
                          HTTP_IF_MATCH=stale, **headers)
    assert response.status_code == 412 and response.json()["code"] == "precondition_failed"
    assert client.put(BASE, body(enterprise_a), content_type="application/json", **headers).status_code == 428
    assert TraineeshipBase.objects.get().mentor_team == "导师6名。"


def test_the_screens_rules_come_back_field_by_field(client, admin_a, enterprise_a):
    response = client.put(BASE, body(enterprise_a, bank_account_name="别的名字", level="",
                                     major_demands=[{"year": 1990, "major": "会计", "headcount": 0}]),
                          content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert {(error["field"], error["message"]) for error in response.json()["errors"]} >= {
        ("bank_account_name", f"开户名称须与单位名称“{enterprise_a.name}”一致"),
        ("level", "请选择申请基地级别"),
        ("major_demands[0].headcount", "需求人数至少为1"),
    }
    assert not TraineeshipBase.objects.exists()


def test_a_key_without_write_scope_cannot_save(client, admin_a, enterprise_a):
    response = client.put(BASE, body(enterprise_a), content_type="application/json",
                          **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert response.status_code == 403 and response.json()["code"] == "scope_missing"
