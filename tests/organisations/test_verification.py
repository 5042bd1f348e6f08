"""单位信息与实名认证 (manual 000 §2.4) through the review engine."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from attachments.models import Attachment
from audit.models import AuditEntry
from organisations.models import Role, VerificationStatus
from organisations.services import require_verified, set_verification_status
from reviews import services as review_services
from reviews.models import Decision, Review, ReviewStatus
from tests import factories
from tests.organisations.helpers import field_errors, png_upload

PROFILE = reverse("organisations:profile")


@pytest.fixture
def fresh(db):
    return factories.OrganisationFactory(
        name="新注册科技有限公司", region=None, address="", contact_person="", contact_phone="", introduction="",
        verification_status=VerificationStatus.UNVERIFIED,
    )


@pytest.fixture
def fresh_admin(fresh):
    return factories.org_admin(fresh, username="fresh_admin")


def full_profile(organisation, **overrides):
    data = {
        "name": organisation.name,
        "credit_code": organisation.credit_code,
        "legal_representative": "王建国",
        "region": "410105",
        "address": "郑州市金水区花园路 8 号",
        "contact_person": "李联系",
        "contact_phone": "0371-55556666",
        "website": "",
        "introduction": "从事电子产品研发。",
    }
    data.update(overrides)
    return data


def submit_full(client, organisation):
    payload = full_profile(organisation)
    payload["business_licence"] = png_upload()
    payload["submit"] = "1"
    return client.post(PROFILE, payload)


@pytest.mark.django_db
def test_profile_shows_unverified_banner_and_save_keeps_status(client, fresh, fresh_admin):
    client.force_login(fresh_admin)
    page = client.get(PROFILE).content.decode()
    assert "本单位尚未通过实名认证（当前状态：<strong>未认证</strong>）" in page
    response = client.post(PROFILE, full_profile(fresh, address="", save="1"))
    assert response.status_code == 302
    fresh.refresh_from_db()
    assert fresh.contact_person == "李联系" and fresh.region.code == "410105"
    assert fresh.verification_status == VerificationStatus.UNVERIFIED
    assert AuditEntry.objects.filter(action="organisations.profile_saved", target_id=str(fresh.pk)).exists()


@pytest.mark.django_db
def test_submit_with_missing_fields_shows_errors_and_submits_nothing(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    response = client.post(PROFILE, full_profile(fresh, address="", introduction="", submit="1"))
    assert response.status_code == 200
    assert field_errors(response, "address") == ["提交认证前请填写详细地址"]
    assert field_errors(response, "introduction") == ["提交认证前请填写单位简介"]
    assert field_errors(response, "business_licence") == ["提交认证前请上传营业执照"]
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.UNVERIFIED
    assert fresh.contact_person == ""  # nothing half-saved
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_submit_return_resubmit_approve(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    response = submit_full(client, fresh)
    assert response.status_code == 302
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.PENDING
    licence = Attachment.objects.get(pk=fresh.business_licence_id)
    assert licence.owner_org == fresh and licence.purpose == "business_licence"
    review = Review.objects.get()
    assert review.kind == "organisation_verification" and review.submitter_org == fresh
    assert [(step.level, step.region_id) for step in review.steps.all()] == [("county", "410105")]

    page = client.get(PROFILE).content.decode()
    assert 'data-testid="withdraw-form"' in page
    assert 'data-testid="licence-link"' in page
    assert "保存并提交认证" not in page  # locked while pending
    assert client.post(PROFILE, full_profile(fresh, contact_person="改名", save="1")).status_code == 302
    fresh.refresh_from_db()
    assert fresh.contact_person == "李联系"

    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision=Decision.RETURN,
                           reason="营业执照不清晰")
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.RETURNED
    page = client.get(PROFILE).content.decode()
    assert "营业执照不清晰" in page and 'data-testid="last-decision"' in page

    # Resubmit without a new file: the stored licence is kept.
    response = client.post(PROFILE, {**full_profile(fresh), "submit": "1"})
    assert response.status_code == 302
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.PENDING
    assert fresh.business_licence_id == licence.pk
    second = Review.objects.get(status=ReviewStatus.PENDING)
    assert second.round == 2

    review_services.decide(review_id=second.pk, actor=county_reviewer_a, decision=Decision.APPROVE)
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.VERIFIED and fresh.verified_at is not None
    require_verified(fresh)
    form = client.get(PROFILE).context["form"]
    assert form.fields["name"].disabled and form.fields["credit_code"].disabled
    assert AuditEntry.objects.filter(action="organisations.verification_status", target_id=str(fresh.pk)).count() == 4


@pytest.mark.django_db
def test_revoking_an_approval_brings_it_back_to_pending(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    submit_full(client, fresh)
    review = Review.objects.get()
    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision=Decision.APPROVE)
    review_services.revoke(review_id=review.pk, actor=county_reviewer_a, reason="复核")
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.PENDING and fresh.verified_at is None


@pytest.mark.django_db
def test_rejection_then_resubmission(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    submit_full(client, fresh)
    review_services.decide(review_id=Review.objects.get().pk, actor=county_reviewer_a, decision=Decision.REJECT,
                           reason="信用代码与执照不符")
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.REJECTED
    assert client.post(PROFILE, {**full_profile(fresh), "submit": "1"}).status_code == 302
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.PENDING


@pytest.mark.django_db
def test_withdraw_while_undecided(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    submit_full(client, fresh)
    response = client.post(reverse("organisations:withdraw"))
    assert response.status_code == 302
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.UNVERIFIED
    assert Review.objects.get().status == ReviewStatus.WITHDRAWN
    # Nothing left to withdraw.
    response = client.post(reverse("organisations:withdraw"), follow=True)
    assert "没有审核中的实名认证申请" in response.content.decode()


@pytest.mark.django_db
def test_withdraw_reason_is_kept_whole_or_refused_never_cut(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    submit_full(client, fresh)
    review = Review.objects.get()
    response = client.post(reverse("organisations:withdraw"), {"reason": "材" * 1001}, follow=True)
    assert "撤回原因不能超过1000个字（目前1001个字）" in response.content.decode()
    review.refresh_from_db()
    fresh.refresh_from_db()
    assert (review.status, fresh.verification_status) == (ReviewStatus.PENDING, VerificationStatus.PENDING)
    assert not review.events.filter(action="withdrawn").exists()
    # The service holds the same rule, so a caller without the form is refused too.
    with pytest.raises(ValidationError) as refused:
        review_services.withdraw(review_id=review.pk, actor=fresh_admin, reason="材" * 1001)
    assert refused.value.message_dict == {"reason": ["撤回原因不能超过1000个字（目前1001个字）"]}
    response = client.post(reverse("organisations:withdraw"), {"reason": "材" * 1000})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.WITHDRAWN
    assert review.events.get(action="withdrawn").reason == "材" * 1000


@pytest.mark.django_db
def test_no_county_office_on_the_platform_refuses_and_saves_nothing(client, fresh, fresh_admin):
    client.force_login(fresh_admin)
    response = submit_full(client, fresh)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "河南省 郑州市 金水区尚无区县审核部门入驻平台，暂无法提交，请联系上级主管部门"
    ]
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.UNVERIFIED
    assert fresh.business_licence_id is None and fresh.address == ""
    assert not Attachment.objects.exists()


@pytest.mark.django_db
def test_licence_that_is_not_an_image_is_refused_at_the_field(client, fresh, fresh_admin, county_reviewer_a):
    client.force_login(fresh_admin)
    payload = {**full_profile(fresh), "submit": "1",
               "business_licence": SimpleUploadedFile("licence.png", b"not an image at all", "image/png")}
    response = client.post(PROFILE, payload)
    assert response.status_code == 200
    assert len(field_errors(response, "business_licence")) == 1
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_member_with_profile_role_but_no_submit_permission(client, fresh, county_reviewer_a):
    member = factories.UserFactory(organisation=fresh)
    role = Role.objects.create(organisation=fresh, name="资料员", permissions=["organisations.manage_profile"])
    member.roles.add(role)
    client.force_login(member)
    response = submit_full(client, fresh)
    assert response.context["form"].non_field_errors() == ["您没有提交申报的权限，请联系单位管理员提交实名认证"]
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_profile_permission(client, member_a, student, admin_b):
    client.force_login(member_a)
    assert client.get(PROFILE).status_code == 403
    client.force_login(student)
    assert client.get(PROFILE).status_code == 403
    client.force_login(admin_b)
    assert client.get(PROFILE).context["organisation"].name == "乙企业有限公司"


@pytest.mark.django_db
def test_verified_name_cannot_be_changed(client, enterprise_a, admin_a):
    client.force_login(admin_a)
    client.post(PROFILE, full_profile(enterprise_a, name="改名公司", save="1"))
    enterprise_a.refresh_from_db()
    assert enterprise_a.name == "甲企业有限公司"


@pytest.mark.django_db
def test_set_verification_status_refuses_transitions_not_in_the_table(fresh, fresh_admin):
    with pytest.raises(ValidationError) as caught:
        set_verification_status(fresh, VerificationStatus.VERIFIED, actor=fresh_admin)
    assert caught.value.messages == ["单位实名认证状态为“未认证”，不能变为“已认证”"]
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.UNVERIFIED


@pytest.mark.django_db
@pytest.mark.parametrize("status", [VerificationStatus.UNVERIFIED, VerificationStatus.PENDING,
                                    VerificationStatus.RETURNED, VerificationStatus.REJECTED])
def test_require_verified_gate(fresh, status):
    fresh.verification_status = status
    with pytest.raises(ValidationError) as caught:
        require_verified(fresh)
    assert caught.value.messages == ["单位尚未通过实名认证，暂不能提交或发布"]


@pytest.mark.django_db
def test_require_verified_passes_verified_and_government(enterprise_a, county_hr_a):
    require_verified(enterprise_a)
    county_hr_a.verification_status = VerificationStatus.UNVERIFIED
    require_verified(county_hr_a)


@pytest.mark.django_db
def test_dashboard_banner_while_unverified(client, fresh, fresh_admin):
    client.force_login(fresh_admin)
    body = client.get(reverse("portal:home")).content.decode()
    assert 'data-testid="verification-banner"' in body
    assert reverse("organisations:profile") in body
