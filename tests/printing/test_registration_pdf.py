import sys
import types

import pytest
from django.urls import reverse
from django.utils import timezone

import praxis.urls  # noqa: F401 - the views import reviews.selectors before a test stands in for it
from audit.models import AuditEntry
from organisations.models import VerificationStatus
from tests import factories
from tests.printing.pdftools import pdf_fonts, pdf_text


def url_for(organisation):
    return reverse("printing:organisation_registration", args=[organisation.pk])


def get_pdf(client, user, organisation):
    client.force_login(user)
    return client.get(url_for(organisation))


@pytest.fixture
def no_review_history(monkeypatch):
    """reviews.selectors without history_for_subject: the history block is left out."""
    monkeypatch.setitem(sys.modules, "reviews.selectors", types.ModuleType("reviews.selectors"))


def test_member_gets_the_registration_form_with_an_embedded_chinese_font(
    client, admin_a, enterprise_a, tmp_path, no_review_history
):
    enterprise_a.website = "https://jia.example.cn"
    enterprise_a.verified_at = timezone.make_aware(timezone.datetime(2026, 3, 5, 9, 30))
    enterprise_a.save()

    response = get_pdf(client, admin_a, enterprise_a)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''%E5%8D%95%E4%BD%8D%E6%B3%A8%E5%86%8C%E7%99%BB%E8%AE%B0%E8%A1%A8-"
        "%E7%94%B2%E4%BC%81%E4%B8%9A%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8.pdf"
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts, "the PDF has no fonts"
    assert all(font["emb"] and font["sub"] for font in fonts)
    # Named after the @font-face family that points at the shipped Noto Sans SC.
    assert {font["name"].split("+")[-1] for font in fonts} == {"Praxis-Sans-SC"}
    text = pdf_text(pdf, tmp_path)
    for expected in [
        "单位注册登记表",
        "甲企业有限公司",
        enterprise_a.credit_code,
        "企业",
        "王建国",
        enterprise_a.region.full_name,
        "郑州市金水区文化路1号",
        "李红",
        "0371-12345678",
        "https://jia.example.cn",
        "一家测试企业。",
        "自荐注册",
        "已认证",
        "2026-03-05 09:30",
        enterprise_a.platform_code,
        "单位盖章",
        "打印时间",
    ]:
        assert expected in text, expected
    assert "实名认证审核记录" not in text


@pytest.mark.parametrize("persona", ["member_a", "county_reviewer_a", "city_reviewer", "province_reviewer"])
def test_members_and_governments_with_jurisdiction_may_print(client, request, persona, enterprise_a, tmp_path):
    user = request.getfixturevalue(persona)
    response = get_pdf(client, user, enterprise_a)
    assert response.status_code == 200
    assert "甲企业有限公司" in pdf_text(response.content, tmp_path)


def test_platform_staff_may_print(client, enterprise_a):
    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None)
    response = get_pdf(client, staff, enterprise_a)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("persona", ["admin_b", "county_reviewer_b", "outsider", "school_admin", "student"])
def test_others_get_404(client, request, persona, enterprise_a):
    user = request.getfixturevalue(persona)
    assert get_pdf(client, user, enterprise_a).status_code == 404
    assert not AuditEntry.objects.filter(action="printing.organisation_registration").exists()


def test_missing_organisation_is_404(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("printing:organisation_registration", args=[999999])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, enterprise_a):
    response = client.get(url_for(enterprise_a))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_printing_is_recorded_in_the_audit_log(client, county_reviewer_a, enterprise_a):
    get_pdf(client, county_reviewer_a, enterprise_a)
    entry = AuditEntry.objects.get(action="printing.organisation_registration")
    assert entry.actor == county_reviewer_a
    assert entry.actor_org == county_reviewer_a.organisation
    assert entry.target_id == str(enterprise_a.pk)
    assert entry.ip_address == "127.0.0.1"


def test_contact_mobile_is_masked_for_a_department_user_without_the_personal_data_role(
    client, county_hr_a, enterprise_a, tmp_path
):
    enterprise_a.contact_phone = "15612344563"
    enterprise_a.save()
    # A reviewer of the department (a role is needed to see organisation records) without the personal data role.
    clerk = factories.UserFactory(organisation=county_hr_a)
    clerk.roles.add(county_hr_a.roles.create(name="审核员", permissions=["organisations.review_verification"]))

    text = pdf_text(get_pdf(client, clerk, enterprise_a).content, tmp_path)

    assert "156****4563" in text
    assert "15612344563" not in text


def test_contact_mobile_is_whole_for_the_organisations_own_member(client, member_a, enterprise_a, tmp_path):
    enterprise_a.contact_phone = "15612344563"
    enterprise_a.save()
    assert "15612344563" in pdf_text(get_pdf(client, member_a, enterprise_a).content, tmp_path)


def test_recommender_and_unverified_status_are_printed(client, admin_a, enterprise_a, school, tmp_path):
    enterprise_a.recommended_by = school
    enterprise_a.origin = "pre_registered"
    enterprise_a.verification_status = VerificationStatus.PENDING
    enterprise_a.verified_at = None
    enterprise_a.save()

    text = pdf_text(get_pdf(client, admin_a, enterprise_a).content, tmp_path)

    assert "郑州测试职业技术学院" in text
    assert "推荐录入" in text
    assert "认证审核中" in text


def test_review_history_is_printed_when_the_reviews_app_offers_it(
    client, admin_a, enterprise_a, county_reviewer_a, monkeypatch, tmp_path
):
    events = [
        types.SimpleNamespace(
            created_at=timezone.make_aware(timezone.datetime(2026, 3, 1, 10, 0)), get_action_display=lambda: "提交",
            level="", actor=admin_a, actor_org=enterprise_a, reason="",
        ),
        types.SimpleNamespace(
            created_at=timezone.make_aware(timezone.datetime(2026, 3, 2, 15, 20)),
            get_action_display=lambda: "退回修改", level="county", actor=county_reviewer_a,
            actor_org=county_reviewer_a.organisation, reason="营业执照不清晰",
        ),
    ]
    seen = []
    module = types.ModuleType("reviews.selectors")
    module.history_for_subject = lambda subject: seen.append(subject) or events
    monkeypatch.setitem(sys.modules, "reviews.selectors", module)

    text = pdf_text(get_pdf(client, admin_a, enterprise_a).content, tmp_path)

    assert seen == [enterprise_a]
    assert "实名认证审核记录" in text
    assert "2026-03-02 15:20" in text
    assert "退回修改" in text
    assert "金水区人力资源和社会保障局（区县）" in text
    assert "金水审核员" in text
    assert "营业执照不清晰" in text


def test_the_real_verification_history_is_printed(client, county_reviewer_a, tmp_path):
    from reviews import services as review_services
    from reviews.models import Decision
    from tests.attachments.files import png_upload
    from verification.services import save_profile

    organisation = factories.OrganisationFactory(
        name="丙科技有限公司", verification_status=VerificationStatus.UNVERIFIED, verified_at=None
    )
    owner = factories.org_admin(organisation, username="admin_c", real_name="丙管理员")
    review = save_profile(organisation=organisation, actor=owner, changes={}, licence_file=png_upload(), submit=True)
    review_services.decide(
        review_id=review.pk, actor=county_reviewer_a, decision=Decision.RETURN, reason="营业执照照片不清晰"
    )

    text = pdf_text(get_pdf(client, owner, organisation).content, tmp_path)

    assert "实名认证审核记录" in text
    assert "退回修改" in text
    assert "营业执照照片不清晰" in text
    assert "金水审核员" in text
    assert "丙管理员" in text
    assert "退回修改" in text.split("实名认证审核记录")[1]
