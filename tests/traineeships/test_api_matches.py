"""见习匹配结果 and 上报记录 through /api/v1/traineeships/: the drafts an import created (the screen's filters), the zip
of scans (each file attached or refused with its reason), 批量提交审核 through the single submit service, the
imports' registrations with their 审核状态, the unit's report imports; other units, HR and members without the
role never see them (tests/traineeships/test_matches.py for the screens)."""

import pytest

from batch.models import JobKind
from reviews.models import Review
from tests.api.keys import auth, token_for
from tests.attachments.files import image_bytes, pdf_bytes, png_upload, upload
from tests.traineeships.test_matches import NO_UNIT, zip_upload
from traineeships.models import Placement, PlacementStatus
from traineeships.services import placements as placement_services

pytest_plugins = ["tests.traineeships.test_placements", "tests.traineeships.test_matches"]
pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_drafts_with_the_screens_filters(client, admin_a, admin_b, drafts, other_draft):
    first, second, third = drafts
    headers = auth(token_for(admin_a))
    placement_services.attach_agreement(placement=first, actor=admin_a, uploaded_file=png_upload("协议.png"))
    assert sorted(ids(client.get(f"{API}/matches/drafts/", **headers))) == sorted(p.pk for p in drafts)
    assert ids(client.get(f"{API}/matches/drafts/", {"scan": "yes"}, **headers)) == [first.pk]
    assert ids(client.get(f"{API}/matches/drafts/", {"q": "钱二"}, **headers)) == [second.pk]
    row = client.get(f"{API}/matches/drafts/", {"q": third.person.id_number}, **headers).json()["results"][0]
    assert (row["person_name"], row["status"], row["import_job_id"]) == ("孙三", "draft", third.import_job_id)
    bad = client.get(f"{API}/matches/drafts/", {"scan": "maybe"}, **headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "scan"
    # Another unit lists its own draft only.
    assert ids(client.get(f"{API}/matches/drafts/", **auth(token_for(admin_b)))) == [other_draft.pk]


def test_the_zip_of_scans(client, admin_a, drafts, other_draft):
    first, second, third = drafts
    headers = auth(token_for(admin_a))
    archive = zip_upload({f"{first.person.id_number}.pdf": pdf_bytes(),
                          f"{second.person.id_number}_钱二.png": image_bytes("PNG"),
                          f"{other_draft.person.id_number}.pdf": pdf_bytes(), "协议说明.txt": b"hello"})
    response = client.post(f"{API}/matches/scans/", {"archive": archive}, **headers)
    assert response.status_code == 200, response.json()
    assert response.json() == {
        "attached": [{"name": f"{first.person.id_number}.pdf", "placement_id": first.pk},
                     {"name": f"{second.person.id_number}_钱二.png", "placement_id": second.pk}],
        "refused": [{"name": f"{other_draft.person.id_number}.pdf", "reason": NO_UNIT},
                    {"name": "协议说明.txt", "reason": "文件名应为身份证号加扩展名（如 410105199901011234.pdf）"}],
    }
    other_draft.refresh_from_db()
    assert other_draft.agreement_scan_id is None
    missing = client.post(f"{API}/matches/scans/", {}, **headers)
    assert missing.status_code == 400 and missing.json()["errors"][0] == {
        "field": "archive", "code": "required", "message": "请选择协议扫描件压缩包"}
    not_zip = client.post(f"{API}/matches/scans/", {"archive": png_upload("协议.png")}, **headers)
    assert not_zip.status_code == 400 and not_zip.json()["errors"][0]["message"] == "只能上传 .zip 压缩包"
    broken = client.post(f"{API}/matches/scans/", {"archive": upload("坏的.zip", b"not a zip", "application/zip")},
                         **headers)
    assert broken.status_code == 400 and broken.json()["errors"][0]["field"] == "archive"


def test_bulk_submit(client, admin_a, drafts):
    first, second, third = drafts
    headers = auth(token_for(admin_a))
    for placement in (first, second):
        placement_services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload("协议.png"))
    response = client.post(f"{API}/matches/submit/", {"action": "selected", "placements": [first.pk, third.pk]},
                           content_type="application/json", **headers)
    assert response.status_code == 200, response.json()
    assert response.json() == {"submitted": [first.pk], "remaining": 1, "skipped": [
        {"placement_id": third.pk, "reason": "请先上传双方签字盖章的见习协议扫描件"}]}
    ready = client.post(f"{API}/matches/submit/", {"action": "ready"}, content_type="application/json", **headers)
    assert ready.json() == {"submitted": [second.pk], "skipped": [], "remaining": 0}
    assert Review.objects.filter(kind="traineeship_agreement").count() == 2
    nothing = client.post(f"{API}/matches/submit/", {"action": "ready"}, content_type="application/json", **headers)
    assert nothing.status_code == 400 and nothing.json()["message"] == "没有已上传协议扫描件、可提交审核的上岗登记"
    for body, field, message in (
        ({"action": "selected"}, None, "请先勾选要提交审核的上岗登记"),
        ({"action": "all"}, "action", "请选择提交方式"),
        ({"action": "selected", "placements": ["²"]}, "placements", "所选上岗登记不存在，请刷新页面后重试"),
    ):
        refused = client.post(f"{API}/matches/submit/", body, content_type="application/json", **headers)
        assert refused.status_code == 400
        assert (refused.json()["errors"][0]["field"], refused.json()["errors"][0]["message"]) == (field, message)
    assert Placement.objects.get(pk=third.pk).status == PlacementStatus.DRAFT


def test_another_unit_never_submits_these_drafts(client, admin_b, drafts, other_draft):
    first = drafts[0]
    response = client.post(f"{API}/matches/submit/", {"action": "selected", "placements": [first.pk]},
                           content_type="application/json", **auth(token_for(admin_b)))
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "placements"
    assert Placement.objects.get(pk=first.pk).status == PlacementStatus.DRAFT


def test_records_and_reports(client, admin_a, admin_b, drafts):
    first, second, third = drafts
    headers = auth(token_for(admin_a))
    placement_services.cancel_placement(placement=third, actor=admin_a)
    assert ids(client.get(f"{API}/matches/records/", {"status": "cancelled"}, **headers)) == [third.pk]
    records = client.get(f"{API}/matches/records/", **headers)
    assert sorted(ids(records)) == sorted(p.pk for p in drafts)
    assert ids(client.get(f"{API}/matches/records/", {"status": "approved"}, **headers)) == []
    assert sorted(ids(client.get(f"{API}/matches/records/", {"job": first.import_job_id}, **headers))) == sorted(
        p.pk for p in drafts)
    bad = client.get(f"{API}/matches/records/", {"job": "x"}, **headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["message"] == "请填写导入批次号（数字）"
    assert ids(client.get(f"{API}/matches/records/", **auth(token_for(admin_b)))) == []
    reports = client.get(f"{API}/reports/", **headers)
    (job,) = reports.json()["results"]
    assert (job["id"], job["spec"], job["owner_name"]) == (first.import_job_id, "traineeship_matching", "甲管理员")
    assert first.import_job.kind == JobKind.IMPORT and job["created_rows"] == 3
    assert ids(client.get(f"{API}/reports/", {"spec": "traineeship_attendance"}, **headers)) == []
    assert ids(client.get(f"{API}/reports/", {"month": "2020-01"}, **headers)) == []
    bad = client.get(f"{API}/reports/", {"month": "一月"}, **headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "month"
    assert ids(client.get(f"{API}/reports/", **auth(token_for(admin_b)))) == []


@pytest.mark.parametrize("persona", ["county_reviewer_a", "city_reviewer", "member_a", "staff_manager_a"])
def test_hr_and_members_without_the_role_are_refused(client, request, drafts, persona):
    headers = auth(token_for(request.getfixturevalue(persona)))
    for path in ("matches/drafts/", "matches/records/", "reports/"):
        assert client.get(f"{API}/{path}", **headers).status_code == 403, path
    assert client.post(f"{API}/matches/submit/", {"action": "ready"}, content_type="application/json",
                       **headers).status_code == 403
    assert client.post(f"{API}/matches/scans/", {"archive": zip_upload({})}, **headers).status_code == 403
