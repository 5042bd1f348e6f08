"""见习基地申请 through HTTP: the four-part form, uploads that turn green, submission gates, the two-level review,
return and resubmission, withdrawal, the PDF, and who may see what."""

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import VerificationStatus
from reviews import services as review_services
from reviews.models import Decision, Review, ReviewStatus
from reviews.selectors import latest_review_for
from tests.attachments.files import png_upload, upload
from tests.traineeships.helpers import application_post_data, give_licence, pdf_upload, submitted_base
from traineeships.models import BaseStatus, TraineeshipBase

FORM_URL = reverse("traineeships:base")


def upload_url(slot):
    return reverse("traineeships:base_upload", args=[slot])


def upload_both(client):
    first = client.post(upload_url("rules_file"), {"rules_file-file": pdf_upload()}, HTTP_HX_REQUEST="true")
    second = client.post(upload_url("certificate_file"), {"certificate_file-file": png_upload("证件.png")},
                         HTTP_HX_REQUEST="true")
    return first, second


@pytest.mark.django_db
def test_happy_path_upload_submit_county_then_city(client, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    give_licence(enterprise_a, admin_a)
    client.force_login(admin_a)
    page = client.get(FORM_URL)
    assert page.status_code == 200
    html = page.content.decode()
    for part in ("一、单位基本信息", "二、见习单位详细信息", "三、银行账户信息", "四、档案资料上传"):
        assert part in html
    assert "还需上传：就业见习管理制度、单位证件。" in html
    assert 'data-testid="submit-button" disabled' in html

    # Submitting before the attachments are there is refused and nothing is kept.
    refused = client.post(FORM_URL, application_post_data(submit="1"))
    assert refused.status_code == 200
    assert "请先上传：就业见习管理制度、单位证件" in refused.content.decode()
    assert not TraineeshipBase.objects.exists()

    first, second = upload_both(client)
    assert first.status_code == 200 and 'data-slot-done="yes"' in first.content.decode()
    assert "还需上传：单位证件。" in first.content.decode()
    assert 'data-slot-done="yes"' in second.content.decode()
    assert 'data-testid="submit-button" >' in second.content.decode()

    response = client.post(FORM_URL, application_post_data(submit="1"))
    base = TraineeshipBase.objects.get(organisation=enterprise_a)
    assert response.status_code == 302
    assert response["Location"] == reverse("traineeships:base_detail", args=[base.pk])
    assert base.status == BaseStatus.PENDING
    assert base.major_demands[0]["major"] == "计算机科学与技术"
    review = latest_review_for(base)
    assert [(step.level, step.region_id) for step in review.steps.order_by("position")] == [
        ("county", "410105"), ("city", "410100")]

    # The form now redirects to the record; the record shows the status.
    assert client.get(FORM_URL)["Location"] == reverse("traineeships:base_detail", args=[base.pk])
    detail = client.get(reverse("traineeships:base_detail", args=[base.pk])).content.decode()
    assert 'data-status="pending"' in detail and "审核中" in detail

    # The city cannot decide before the county.
    with pytest.raises(Exception, match="下级尚未审核，暂不能审核"):
        review_services.decide(review_id=review.pk, actor=city_reviewer, decision=Decision.APPROVE)
    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision=Decision.APPROVE)
    base.refresh_from_db()
    assert base.status == BaseStatus.PENDING
    review_services.decide(review_id=review.pk, actor=city_reviewer, decision=Decision.APPROVE)
    base.refresh_from_db()
    assert base.status == BaseStatus.APPROVED and base.approved_at is not None

    pdf = client.get(reverse("traineeships:base_pdf", args=[base.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content]).startswith(b"%PDF")
    download = client.get(reverse("attachments:download", args=[base.rules_file_id]))
    assert download.status_code == 200


@pytest.mark.django_db
def test_submit_blocked_until_verified(client, enterprise_a, admin_a, county_reviewer_a):
    give_licence(enterprise_a, admin_a)
    enterprise_a.verification_status = VerificationStatus.UNVERIFIED
    enterprise_a.save(update_fields=["verification_status"])
    client.force_login(admin_a)
    upload_both(client)
    page = client.get(FORM_URL).content.decode()
    assert "单位尚未通过实名认证，暂不能提交或发布。" in page
    response = client.post(FORM_URL, application_post_data(submit="1"))
    assert response.status_code == 200
    assert "单位尚未通过实名认证，暂不能提交或发布" in response.content.decode()
    assert not Review.objects.exists()
    assert TraineeshipBase.objects.get().status == BaseStatus.DRAFT


@pytest.mark.django_db
def test_uploads_kept_across_validation_errors(client, enterprise_a, admin_a):
    give_licence(enterprise_a, admin_a)
    client.force_login(admin_a)
    upload_both(client)
    response = client.post(FORM_URL, application_post_data(introduction="", bank_account_name="张三", submit="1"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="invalid-feedback d-block" data-field-error="introduction">请填写单位简介</div>' in html
    assert "开户名称须与单位名称“甲企业有限公司”一致" in html
    assert html.count('data-slot-done="yes"') == 3
    assert TraineeshipBase.objects.get().status == BaseStatus.DRAFT


@pytest.mark.django_db
def test_bad_upload_is_refused_next_to_its_slot(client, enterprise_a, admin_a):
    client.force_login(admin_a)
    response = client.post(upload_url("certificate_file"), {"certificate_file-file": upload("a.png", b"not an image")},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'data-field-error="certificate_file">文件类型不符：单位证件须为' in html
    assert 'data-slot-done="no"' in html


@pytest.mark.django_db
def test_save_draft_and_majors_table_validation(client, enterprise_a, admin_a):
    client.force_login(admin_a)
    empty_rows = application_post_data(**{"demands-0-year": "", "demands-0-major": "", "demands-0-headcount": ""})
    response = client.post(FORM_URL, empty_rows)
    assert "请至少填写一行近年专业及人数需求" in response.content.decode()
    half_row = application_post_data(**{"demands-1-major": "会计"})
    response = client.post(FORM_URL, half_row)
    assert 'data-field-error="demands-1-headcount">请填写需求人数' in response.content.decode()
    saved = client.post(FORM_URL, application_post_data())
    assert saved.status_code == 302 and saved["Location"] == FORM_URL
    base = TraineeshipBase.objects.get()
    assert base.status == BaseStatus.DRAFT and base.bank_account_number == "6222020200112233445"


@pytest.mark.django_db
def test_return_then_resubmit(client, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    base = submitted_base(enterprise_a, admin_a)
    review_services.decide(review_id=latest_review_for(base).pk, actor=county_reviewer_a,
                           decision=Decision.RETURN, reason="师资情况不详")
    base.refresh_from_db()
    assert base.status == BaseStatus.RETURNED
    client.force_login(admin_a)
    page = client.get(FORM_URL).content.decode()
    assert "意见：师资情况不详" in page
    response = client.post(FORM_URL, application_post_data(mentor_team="指导老师8名", submit="1"))
    assert response.status_code == 302
    base.refresh_from_db()
    assert base.status == BaseStatus.PENDING and base.mentor_team == "指导老师8名"
    assert latest_review_for(base).round == 2
    history = client.get(reverse("traineeships:base_detail", args=[base.pk])).content.decode()
    assert history.count('data-event-action="submitted"') == 2 and 'data-event-action="returned"' in history


@pytest.mark.django_db
def test_withdraw_only_before_any_decision(client, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    base = submitted_base(enterprise_a, admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:base_withdraw"))
    assert response.status_code == 302
    base.refresh_from_db()
    assert base.status == BaseStatus.DRAFT
    assert latest_review_for(base).status == ReviewStatus.WITHDRAWN

    client.post(FORM_URL, application_post_data(submit="1"))
    review_services.decide(review_id=latest_review_for(base).pk, actor=county_reviewer_a, decision=Decision.APPROVE)
    response = client.post(reverse("traineeships:base_withdraw"), follow=True)
    assert "审核部门已作出审核，不能撤回" in response.content.decode()
    base.refresh_from_db()
    assert base.status == BaseStatus.PENDING


@pytest.mark.django_db
def test_withdraw_reason_is_kept_whole_or_refused_never_cut(client, enterprise_a, admin_a, county_reviewer_a,
                                                            city_reviewer):
    base = submitted_base(enterprise_a, admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:base_withdraw"), {"reason": "见" * 1001}, follow=True)
    assert "撤回原因不能超过1000个字（目前1001个字）" in response.content.decode()
    base.refresh_from_db()
    assert base.status == BaseStatus.PENDING and latest_review_for(base).status == ReviewStatus.PENDING
    # 201 characters used to be cut to 200 without a word; now they are kept.
    response = client.post(reverse("traineeships:base_withdraw"), {"reason": "见" * 201})
    assert response.status_code == 302
    base.refresh_from_db()
    assert base.status == BaseStatus.DRAFT
    assert latest_review_for(base).events.get(action="withdrawn").reason == "见" * 201


@pytest.mark.django_db
def test_pending_application_cannot_be_changed(client, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    submitted_base(enterprise_a, admin_a)
    client.force_login(admin_a)
    response = client.post(upload_url("rules_file"), {"rules_file-file": pdf_upload()}, HTTP_HX_REQUEST="true")
    assert "见习基地申请当前状态为“审核中”，不能修改" in response.content.decode()


@pytest.mark.django_db
def test_who_may_see_the_base(client, enterprise_a, admin_a, admin_b, member_a, student, county_reviewer_a,
                              county_reviewer_b, city_reviewer):
    base = submitted_base(enterprise_a, admin_a)
    detail = reverse("traineeships:base_detail", args=[base.pk])
    pdf = reverse("traineeships:base_pdf", args=[base.pk])
    file_url = reverse("attachments:download", args=[base.rules_file_id])
    for user in (county_reviewer_a, city_reviewer):
        client.force_login(user)
        assert client.get(detail).status_code == 200
        assert client.get(file_url).status_code == 200
    for user in (admin_b, county_reviewer_b, student):
        client.force_login(user)
        assert client.get(detail).status_code == 404
        assert client.get(pdf).status_code == 404
        assert client.get(file_url).status_code == 404
    # The application form itself: units with traineeships.manage_base only.
    for user in (member_a, student, county_reviewer_a):
        client.force_login(user)
        assert client.get(FORM_URL).status_code == 403
        assert client.post(upload_url("rules_file"), {"rules_file-file": pdf_upload()}).status_code == 403


def form_values(html: str) -> dict:
    """What a browser sends back for the page's inputs, untouched: every named <input> and <textarea> with its
    value, and each <select>'s selected option."""
    import re
    from html import unescape

    values = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if name is None or (kind and kind.group(1) in ("file", "submit", "button")):
            continue
        if kind and kind.group(1) in ("checkbox", "radio") and " checked" not in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        values[name.group(1)] = unescape(value.group(1)) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        values[name] = unescape(text.strip("\n"))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        values[name] = chosen.group(1) if chosen else ""
    values.pop("csrfmiddlewaretoken", None)
    return values


@pytest.mark.django_db
def test_saved_rows_are_kept_when_submitted_untouched(client, enterprise_a, admin_a, county_reviewer_a,
                                                     city_reviewer):
    """Issue 7: two saved 近年专业及人数需求 rows sent back unchanged are still rows (not dropped as "unchanged")."""
    give_licence(enterprise_a, admin_a)
    client.force_login(admin_a)
    year = str(timezone.localdate().year)
    two_rows = application_post_data(**{"demands-1-year": year, "demands-1-major": "软件工程",
                                        "demands-1-headcount": "3"})
    assert client.post(FORM_URL, two_rows).status_code == 302
    upload_both(client)

    untouched = form_values(client.get(FORM_URL).content.decode())
    assert untouched["demands-INITIAL_FORMS"] == "2"
    saved = client.post(FORM_URL, untouched)
    assert saved.status_code == 302, saved.content.decode()
    assert [row["major"] for row in TraineeshipBase.objects.get().major_demands] == ["计算机科学与技术", "软件工程"]

    submitted = client.post(FORM_URL, {**form_values(client.get(FORM_URL).content.decode()), "submit": "1"})
    base = TraineeshipBase.objects.get()
    assert submitted.status_code == 302, submitted.content.decode()
    assert base.status == BaseStatus.PENDING
    rows = [(row["major"], row["headcount"]) for row in base.major_demands]
    assert rows == [("计算机科学与技术", 5), ("软件工程", 3)]
