"""见习匹配结果 after the import (issue 7; manual 002 §八–§十): a zip of agreement scans named by ID number, a scan
per row, 批量提交审核 through the single submit service, and 上报记录 of the imports' registrations."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from batch.models import BatchJob
from reviews.models import Review
from tests import factories
from tests.attachments.files import image_bytes, pdf_bytes, png_upload, upload
from tests.batch.helpers import upload as xlsx_upload
from tests.batch.helpers import xlsx_bytes
from tests.traineeships.helpers import approve
from tests.traineeships.test_placements import approved_application, approved_post, terms
from traineeships.models import Placement, PlacementStatus
from traineeships.services import placements as placement_services

pytest_plugins = ["tests.traineeships.test_placements"]

MATCHING_HEADERS = ["身份证号", "姓名", "岗位名称", "见习开始日期", "见习结束日期", "生活费（元/月）", "保险公司",
                    "保单号", "保费（元）", "保额（元）", "保险起始日期", "保险截止日期", "确认倒签"]
TERMS_ROW = ["软件测试见习生", datetime.date(2026, 3, 1), datetime.date(2026, 8, 31), 2200, "中国人寿", "P1", 120,
             500000, datetime.date(2026, 3, 1), datetime.date(2027, 2, 28), "是"]  # 2026-03-01 is back-dated
NO_UNIT = "本单位没有该身份证号待提交协议的上岗登记"
URLS = ("traineeships:match_drafts", "traineeships:match_scans", "traineeships:match_submit",
        "traineeships:match_records")


def zip_bytes(members: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_upload(members: dict, name="协议扫描件.zip"):
    return upload(name, zip_bytes(members), "application/zip")


@pytest.fixture
def import_matches(django_capture_on_commit_callbacks):
    def run(client, people):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("batch:import", args=["traineeship_matching"]), {"file": xlsx_upload(xlsx_bytes(
                [[person.id_number, person.real_name, *TERMS_ROW] for person in people], MATCHING_HEADERS),
                "匹配结果.xlsx")})
        return BatchJob.objects.order_by("-id").first()

    return run


@pytest.fixture
def drafts(client, base_a, admin_a, county_reviewer_a, city_reviewer, wage, import_matches):
    """Three approved applicants registered by one 见习匹配结果 import: drafts waiting for their scans."""
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=5)
    people = [approved_application(post, real_name=name).person for name in ("赵一", "钱二", "孙三")]
    client.force_login(admin_a)
    job = import_matches(client, people)
    placements = [Placement.objects.get(person=person) for person in people]
    assert [(p.status, p.import_job_id) for p in placements] == [(PlacementStatus.DRAFT, job.pk)] * 3
    client.logout()
    return placements


@pytest.fixture
def other_draft(base_b, admin_b, county_reviewer_b, city_reviewer, wage):
    """Enterprise B's registration waiting for its scan."""
    post = approved_post(base_b.organisation, admin_b, county_reviewer_b, city_reviewer)
    application = approved_application(post, real_name="乙见习")
    return placement_services.onboard(application=application, actor=admin_b, data=terms())


def post_zip(client, members, name="协议扫描件.zip"):
    return client.post(reverse("traineeships:match_scans"), {"archive": zip_upload(members, name)})


def outcome_of(response) -> list[tuple[str, str]]:
    return [(result.name, result.reason or "OK") for result in response.context["scan_outcome"].results]


# ---------------------------------------------------------------- the zip of scans


@pytest.mark.django_db
def test_zip_attaches_good_files_and_gives_each_refused_file_its_reason(client, admin_a, drafts, other_draft):
    first, second, third = drafts
    ids = [placement.person.id_number for placement in drafts]
    unknown = factories.make_id_number(birth="19980101")
    client.force_login(admin_a)
    response = post_zip(client, {
        f"{ids[0]}.pdf": pdf_bytes(),
        f"{ids[1]}_钱二.png": image_bytes("PNG"),
        f"{unknown}.pdf": pdf_bytes(),
        f"{other_draft.person.id_number}.pdf": pdf_bytes(),
        f"{ids[2]}.pdf": b"MZ\x90\x00 this is a program, not a PDF",
        f"../{ids[2]}.jpg": image_bytes("JPEG"),
        f"扫描件/{ids[2]}.jpg": image_bytes("JPEG"),
        "协议说明.txt": b"hello",
        f"{ids[2]}.docx": b"PK\x03\x04",
    })
    assert response.status_code == 200
    wrong_type = ("文件类型不符：就业见习协议（签字盖章扫描件）须为 JPG、PNG、GIF、BMP、WEBP 或 PDF 文件，"
                  "上传的文件实际是 EXE")
    assert outcome_of(response) == [
        (f"{ids[0]}.pdf", "OK"),
        (f"{ids[1]}_钱二.png", "OK"),
        (f"{unknown}.pdf", NO_UNIT),
        (f"{other_draft.person.id_number}.pdf", NO_UNIT),
        (f"{ids[2]}.pdf", wrong_type),
        (f"../{ids[2]}.jpg", "文件路径不安全（绝对路径或含“..”），已拒绝"),
        (f"扫描件/{ids[2]}.jpg", "文件位于子文件夹中，请将扫描件直接放在压缩包的第一层"),
        ("协议说明.txt", "文件名应为身份证号加扩展名（如 410105199901011234.pdf）"),
        (f"{ids[2]}.docx", "文件类型不符：只接受 JPG、PNG、GIF、BMP、WEBP 或 PDF 文件（该文件扩展名为 DOCX）"),
    ]
    page = response.content.decode()
    assert "压缩包处理结果：已上传 2 个，未上传 7 个" in page
    for placement in (first, second, third, other_draft):
        placement.refresh_from_db()
    assert (first.agreement_scan.content_type, first.agreement_scan.original_name) == ("application/pdf",
                                                                                      f"{ids[0]}.pdf")
    assert second.agreement_scan.content_type == "image/png"
    assert third.agreement_scan_id is None and other_draft.agreement_scan_id is None
    # Each attached file is audited as the single upload is, and the archive once.
    assert AuditEntry.objects.filter(action="traineeships.agreement_uploaded").count() == 2
    entry = AuditEntry.objects.get(action="traineeships.agreement_archive")
    assert (entry.after["attached"], entry.after["refused"]) == (2, 7)


@pytest.mark.django_db
def test_a_png_named_pdf_and_the_same_person_twice_are_refused(client, admin_a, drafts):
    ids = [placement.person.id_number for placement in drafts]
    client.force_login(admin_a)
    response = post_zip(client, {
        f"{ids[0]}.pdf": image_bytes("PNG"),
        f"{ids[1]}.jpg": image_bytes("JPEG"),
        f"{ids[1]}.pdf": pdf_bytes(),
    })
    assert outcome_of(response) == [
        (f"{ids[0]}.pdf", "文件内容与扩展名不符：扩展名为 PDF，内容实际是 PNG"),
        (f"{ids[1]}.jpg", "OK"),
        (f"{ids[1]}.pdf", f"与“{ids[1]}.jpg”是同一身份证号，每人只能上传一个文件"),
    ]
    assert [p.agreement_scan_id is not None for p in Placement.objects.order_by("id")] == [False, True, False]


@pytest.mark.django_db
def test_too_many_entries_refuse_the_whole_archive(client, admin_a, drafts):
    client.force_login(admin_a)
    members = {f"{factories.make_id_number(seq=n)}.pdf": pdf_bytes() for n in range(1, 102)}
    response = post_zip(client, members)
    assert response.status_code == 400
    assert response.context["archive_form"].errors["archive"] == [
        "压缩包内文件过多（101 个），一次最多 100 个，请分成几个压缩包上传"]
    assert not AuditEntry.objects.filter(action="traineeships.agreement_archive").exists()


@pytest.mark.django_db
def test_a_member_above_the_file_limit_is_refused_before_it_is_read(client, admin_a, drafts):
    ids = [placement.person.id_number for placement in drafts]
    client.force_login(admin_a)
    # 10 MB and one byte of zeros: 10 KB compressed, refused from the directory's declared size.
    response = post_zip(client, {f"{ids[0]}.pdf": b"%PDF-1.4\n" + bytes(10 * 1024 * 1024 - 8),
                                 f"{ids[1]}.pdf": pdf_bytes()})
    assert outcome_of(response) == [
        (f"{ids[0]}.pdf", "文件过大：单个文件不超过 10 MB，该文件解压后为 10.1 MB"),
        (f"{ids[1]}.pdf", "OK"),
    ]


@pytest.mark.django_db
def test_an_upload_that_is_not_a_zip_is_refused(client, admin_a, drafts):
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:match_scans"), {"archive": upload("扫描件.zip", pdf_bytes())})
    assert response.status_code == 400
    assert response.context["archive_form"].errors["archive"] == [
        "上传的文件不是 zip 压缩包，请将扫描件打包为 .zip 后上传"]
    response = client.post(reverse("traineeships:match_scans"), {"archive": upload("扫描件.rar", b"Rar!\x1a\x07")})
    assert response.context["archive_form"].errors["archive"] == ["只能上传 .zip 压缩包"]
    response = client.post(reverse("traineeships:match_scans"), {})
    assert response.context["archive_form"].errors["archive"] == ["请选择协议扫描件压缩包"]
    assert not Placement.objects.filter(agreement_scan__isnull=False).exists()


@pytest.mark.django_db
def test_a_scan_per_row_on_the_drafts_list(client, admin_a, drafts):
    first = drafts[0]
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:match_drafts"))
    assert [p.pk for p in page.context["object_list"]] == [p.pk for p in drafts]
    response = client.post(reverse("traineeships:placement_upload", args=[first.pk]),
                           {"file": png_upload("协议.png"), "return_to": "drafts"})
    assert response.status_code == 302 and response["Location"] == reverse("traineeships:match_drafts")
    first.refresh_from_db()
    assert first.agreement_scan is not None
    # A bad file: the reason, and back to the same list.
    response = client.post(reverse("traineeships:placement_upload", args=[drafts[1].pk]),
                           {"file": upload("协议.pdf", b"not a scan"), "return_to": "drafts"}, follow=True)
    assert response.redirect_chain == [(reverse("traineeships:match_drafts"), 302)]
    assert "文件类型不符" in response.content.decode()
    # The list filters by scan.
    ready = client.get(reverse("traineeships:match_drafts"), {"scan": "yes"}).context["object_list"]
    assert [p.pk for p in ready] == [first.pk]


# ---------------------------------------------------------------- 批量提交审核


@pytest.mark.django_db
def test_bulk_submit_of_ready_and_not_ready_drafts(client, admin_a, drafts):
    first, second, third = drafts
    for placement in (first, second):
        placement_services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload("协议.png"))
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:match_submit"),
                           {"action": "selected", "placements": [first.pk, third.pk]})
    assert response.status_code == 200
    outcome = response.context["submit_outcome"]
    assert [p.pk for p in outcome.submitted] == [first.pk]
    assert [(p.pk, reason) for p, reason in outcome.skipped] == [(third.pk, "请先上传双方签字盖章的见习协议扫描件")]
    assert "已提交审核 1 条，未提交 1 条。" in response.content.decode()
    # 全部已上传扫描件的: only the second is ready now.
    response = client.post(reverse("traineeships:match_submit"), {"action": "ready"})
    assert [p.pk for p in response.context["submit_outcome"].submitted] == [second.pk]
    assert response.context["submit_outcome"].skipped == []
    statuses = dict(Placement.objects.values_list("pk", "status"))
    assert statuses == {first.pk: PlacementStatus.PENDING, second.pk: PlacementStatus.PENDING,
                        third.pk: PlacementStatus.DRAFT}
    # Each went through the review engine, as 提交审核 on its own page does.
    assert Review.objects.filter(kind="traineeship_agreement").count() == 2
    # Submitting one that is already under review is skipped with its reason.
    response = client.post(reverse("traineeships:match_submit"), {"action": "selected", "placements": [first.pk]})
    assert [(p.pk, reason) for p, reason in response.context["submit_outcome"].skipped] == [
        (first.pk, "上岗登记当前状态为“协议审核中”，不能提交审核")]
    response = client.post(reverse("traineeships:match_submit"), {"action": "ready"})
    assert response.status_code == 400
    assert response.context["submit_form"].non_field_errors() == ["没有已上传协议扫描件、可提交审核的上岗登记"]


@pytest.mark.django_db
def test_bulk_submit_input_is_checked_by_its_form(client, admin_a, drafts):
    client.force_login(admin_a)
    for data, errors in (
        ({"action": "selected"}, {"__all__": ["请先勾选要提交审核的上岗登记"]}),
        ({"action": "all"}, {"action": ["请选择提交方式"]}),
        ({"action": "selected", "placements": ["²"]}, {"placements": ["所选上岗登记不存在，请刷新页面后重试"]}),
    ):
        response = client.post(reverse("traineeships:match_submit"), data)
        assert response.status_code == 400 and response.context["submit_form"].errors == errors
    assert not Placement.objects.exclude(status=PlacementStatus.DRAFT).exists()


# ---------------------------------------------------------------- who may


@pytest.mark.django_db
def test_another_unit_never_matches_nor_submits_these_drafts(client, admin_a, admin_b, drafts, other_draft):
    first = drafts[0]
    placement_services.attach_agreement(placement=first, actor=admin_a, uploaded_file=png_upload("协议.png"))
    placement_services.attach_agreement(placement=other_draft, actor=admin_b, uploaded_file=png_upload("协议.png"))
    client.force_login(admin_b)
    response = client.post(reverse("traineeships:match_submit"), {"action": "selected", "placements": [first.pk]})
    assert response.status_code == 400
    assert response.context["submit_form"].errors == {
        "placements": ["所选上岗登记不存在（可能已撤销或不属于本单位），请刷新页面后重试"]}
    # 全部已上传扫描件的 is the unit's own only.
    response = client.post(reverse("traineeships:match_submit"), {"action": "ready"})
    assert [p.pk for p in response.context["submit_outcome"].submitted] == [other_draft.pk]
    response = post_zip(client, {f"{drafts[1].person.id_number}.pdf": pdf_bytes()})
    assert outcome_of(response) == [(f"{drafts[1].person.id_number}.pdf", NO_UNIT)]
    assert [p.pk for p in client.get(reverse("traineeships:match_drafts")).context["object_list"]] == []
    assert list(client.get(reverse("traineeships:match_records")).context["object_list"]) == []
    first.refresh_from_db()
    drafts[1].refresh_from_db()
    assert (first.status, drafts[1].agreement_scan_id) == (PlacementStatus.DRAFT, None)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["outsider", "county_reviewer_a", "city_reviewer", "member_a"])
def test_individuals_hr_and_members_without_the_role_are_refused(client, request, drafts, persona):
    client.force_login(request.getfixturevalue(persona))
    ids = [placement.person.id_number for placement in drafts]
    for name in URLS:
        assert client.get(reverse(name)).status_code == (403 if name in (URLS[0], URLS[3]) else 405), name
    assert client.post(reverse("traineeships:match_scans"),
                       {"archive": zip_upload({f"{ids[0]}.pdf": pdf_bytes()})}).status_code == 403
    assert client.post(reverse("traineeships:match_submit"),
                       {"action": "selected", "placements": [drafts[0].pk]}).status_code == 403
    assert not Placement.objects.filter(agreement_scan__isnull=False).exists()
    assert not Placement.objects.exclude(status=PlacementStatus.DRAFT).exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, drafts):
    for name in ("traineeships:match_drafts", "traineeships:match_records"):
        assert client.get(reverse(name)).status_code == 302


# ---------------------------------------------------------------- 上报记录


@pytest.mark.django_db
def test_records_show_the_imports_registrations_and_their_review_status(client, admin_a, admin_b, drafts,
                                                                       other_draft, county_reviewer_a, post_a):
    first, second, third = drafts
    for placement in (first, second):
        placement_services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload("协议.png"))
        placement_services.submit_agreement(placement=placement, actor=admin_a)
    approve(first, county_reviewer_a)
    # A registration made on the screen is not an import's.
    on_screen = placement_services.onboard(application=approved_application(post_a), actor=admin_a, data=terms())
    job = first.import_job
    client.force_login(admin_a)
    url = reverse("traineeships:match_records")

    def listed(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return [p.pk for p in response.context["object_list"]]

    assert sorted(listed()) == sorted(p.pk for p in drafts) and on_screen.pk not in listed()
    assert listed(status="approved") == [first.pk]
    assert listed(status="pending") == [second.pk]
    assert listed(status="draft") == [third.pk]
    assert sorted(listed(job=job.pk)) == sorted(p.pk for p in drafts)
    assert listed(job=job.pk + 1000) == []
    assert sorted(listed(month=f"{first.created_at:%Y-%m}")) == sorted(p.pk for p in drafts)
    assert listed(month="2020-01") == []
    page = client.get(url, {"status": "approved"}).content.decode()
    assert "共 3 人，其中审核通过 1 人" in page and 'data-status="on_post"' in page
    # Malformed filters: the form's messages, an empty list, never a 500.
    response = client.get(url, {"month": "0000-01", "job": "²", "status": "x"})
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors == {"status": ["请选择列表中的审核状态"], "month": ["月份格式应为 2026-03"],
                                               "job": ["请填写导入批次号（数字）"]}
    # 上报记录 links each matching import to its registrations.
    reports = client.get(reverse("traineeships:reports")).content.decode()
    assert f'{url}?job={job.pk}' in reports
