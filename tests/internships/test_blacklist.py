"""The blacklist: proposals by an education department or a school, the city education department's decision
through the review engine, the effects of a listing (positions closed, open applications cancelled, schools
told, the pool), removal, the public page; and who may not."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from internships.models import (
    Application,
    ApplicationStatus,
    BlacklistEntry,
    BlacklistStatus,
    EnterpriseProfile,
    Position,
    PositionStatus,
)
from internships.selectors.enterprises import pool_for_school
from internships.services import blacklist as services
from notifications.models import Notification
from organisations.models import Authority
from regions.models import RegionLevel
from reviews import services as review_services
from reviews.models import Review, ReviewStatus
from tests import factories
from tests.attachments.files import pdf_bytes
from tests.internships import factories as f


@pytest.fixture
def county_education_reviewer(db):
    department = factories.GovernmentFactory(name="金水区教育局", gov_level=RegionLevel.COUNTY,
                                             authority=Authority.EDUCATION, region=factories.region("410105"))
    return factories.org_admin(department, username="edu_jinshui", real_name="金水区教育局管理员")


@pytest.fixture
def scene(host_a, admin_a, school, school_admin, student_record, school_b, school_b_admin, student_b_record):
    """Enterprise A (recommended by the school) with a published position, a draft, an open application of
    张同学, and 李同学 of school B interning there."""
    published = f.position(host_a, admin_a)
    draft = f.position(host_a, admin_a, status=PositionStatus.DRAFT, title="草稿岗位")
    open_application = f.application(student_record, published)
    internship = f.internship(f.application(student_b_record, published))
    return {"published": published, "draft": draft, "application": open_application, "internship": internship}


def propose(client, user, enterprise, **data):
    client.force_login(user)
    payload = {"reason": "complaints", "details": "一学期内投诉 5 起，3 起属实。", **data}
    return client.post(reverse("internships:blacklist_propose", args=[enterprise.pk]), payload)


def decide(entry, actor, decision="approve", reason=""):
    review = Review.objects.filter(kind="internship_blacklist", subject_id=entry.pk).latest("id")
    return review_services.decide(review_id=review.pk, actor=actor, decision=decision, reason=reason)


@pytest.mark.django_db
def test_listing_closes_positions_cancels_applications_and_tells_the_schools(
        client, scene, host_a, education_reviewer, school, school_admin, school_b_admin, student, school_b):
    evidence = SimpleUploadedFile("投诉汇总.pdf", pdf_bytes(), content_type="application/pdf")
    response = propose(client, education_reviewer, host_a, evidence=evidence)
    entry = BlacklistEntry.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("internships:blacklisting",
                                                                           args=[entry.pk])
    assert (entry.status, entry.proposing_organisation, entry.evidence.purpose) == (
        BlacklistStatus.PROPOSED, education_reviewer.organisation, "internship_blacklist_evidence")
    review = Review.objects.get(kind="internship_blacklist")
    assert [(step.level, step.region_id, step.authority) for step in review.steps.all()] == [
        ("city", "410100", Authority.EDUCATION)]
    assert not EnterpriseProfile.objects.get(organisation=host_a).blacklisted
    # The reviewer reads the proposal and its evidence beside the decision.
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "列入黑名单申请" in page and "投诉汇总.pdf" in page
    assert client.get(reverse("attachments:download", args=[entry.evidence_id])).status_code == 200

    decide(entry, education_reviewer)
    entry.refresh_from_db()
    assert entry.status == BlacklistStatus.LISTED and entry.listed_at is not None
    assert EnterpriseProfile.objects.get(organisation=host_a).blacklisted
    assert Position.objects.get(pk=scene["published"].pk).status == PositionStatus.CLOSED
    assert Position.objects.get(pk=scene["draft"].pk).status == PositionStatus.DRAFT
    application = Application.objects.get(pk=scene["application"].pk)
    assert (application.status, application.choice_slot) == (ApplicationStatus.CANCELLED, None)
    assert Notification.objects.filter(recipient=student, title__contains="已自动撤回").count() == 1
    for admin in (school_admin, school_b_admin):  # the recommender, and the school with an intern there
        assert Notification.objects.filter(recipient=admin, title__contains="已被列入实习企业黑名单").count() == 1
    assert host_a not in pool_for_school(school) and host_a not in pool_for_school(school_b)
    # The public page, without signing in.
    client.logout()
    page = client.get(reverse("internships:blacklist_public")).content.decode()
    assert host_a.name in page and host_a.credit_code in page and "投诉较多" in page


@pytest.mark.django_db
def test_removal_by_the_city_clears_the_flag_and_tells_the_schools(client, scene, host_a, education_reviewer,
                                                                   school_admin, county_education_reviewer):
    propose(client, education_reviewer, host_a)
    entry = BlacklistEntry.objects.get()
    decide(entry, education_reviewer)
    url = reverse("internships:blacklist_remove", args=[entry.pk])
    # A county department sees the entry but does not remove.
    client.force_login(county_education_reviewer)
    assert client.post(url, {"reason": "已整改"}).status_code == 403
    client.force_login(education_reviewer)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400 and "请填写移出原因" in response.content.decode()
    assert client.post(url, {"reason": "已整改并经复查"}).status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.removed_by, entry.removal_reason) == (
        BlacklistStatus.REMOVED, education_reviewer, "已整改并经复查")
    assert not EnterpriseProfile.objects.get(organisation=host_a).blacklisted
    assert Notification.objects.filter(recipient=school_admin, title__contains="已移出实习企业黑名单").exists()
    client.logout()
    assert host_a.name not in client.get(reverse("internships:blacklist_public")).content.decode()
    # The history stays on the education department's list.
    client.force_login(education_reviewer)
    page = client.get(reverse("internships:blacklist")).content.decode()
    assert f'data-entry="{entry.pk}"' in page and "已移出黑名单" in page
    # A removed entry cannot be removed twice (wrong state: a message, nothing written).
    page = client.post(url, {"reason": "again"}, follow=True).content.decode()
    assert "黑名单记录当前状态为“已移出黑名单”，不能变为“已移出黑名单”" in page
    entry.refresh_from_db()
    assert entry.removal_reason == "已整改并经复查"


@pytest.mark.django_db
def test_a_school_proposes_the_city_rejects(client, scene, host_a, school_admin, education_reviewer):
    response = propose(client, school_admin, host_a, reason="misdescribed", details="住宿条件与描述差距较大。")
    assert response.status_code == 302
    entry = BlacklistEntry.objects.get()
    review = Review.objects.get(kind="internship_blacklist")
    assert review.submitter_org == school_admin.organisation
    decide(entry, education_reviewer, "reject", "证据不足")
    entry.refresh_from_db()
    assert entry.status == BlacklistStatus.REJECTED
    assert not EnterpriseProfile.objects.get(organisation=host_a).blacklisted
    assert Position.objects.get(pk=scene["published"].pk).status == PositionStatus.PUBLISHED
    # The school sees its own proposals, not the others'.
    page = client.get(reverse("internships:blacklist")).content.decode()
    assert f'data-entry="{entry.pk}"' in page
    # A rejected proposal may be followed by a new one.
    assert propose(client, school_admin, host_a).status_code == 302
    assert BlacklistEntry.objects.count() == 2


@pytest.mark.django_db
def test_returned_then_resubmitted_or_withdrawn(client, host_a, school_admin, education_reviewer):
    propose(client, school_admin, host_a)
    entry = BlacklistEntry.objects.get()
    decide(entry, education_reviewer, "return", "请补充投诉调查结论")
    entry.refresh_from_db()
    assert entry.status == BlacklistStatus.RETURNED
    client.force_login(school_admin)
    assert "修改后重新提交" in client.get(reverse("internships:blacklisting", args=[entry.pk])).content.decode()
    response = client.post(reverse("internships:blacklist_resubmit", args=[entry.pk]),
                           {"reason": "complaints", "details": "补充：3 起投诉经学校调查属实。"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.details) == (BlacklistStatus.PROPOSED, "补充：3 起投诉经学校调查属实。")
    assert client.post(reverse("internships:blacklist_withdraw", args=[entry.pk])).status_code == 302
    entry.refresh_from_db()
    assert entry.status == BlacklistStatus.WITHDRAWN


@pytest.mark.django_db
def test_a_department_withdraws_its_own_proposal(client, host_a, education_reviewer):
    propose(client, education_reviewer, host_a)
    entry = BlacklistEntry.objects.get()
    assert client.post(reverse("internships:blacklist_withdraw", args=[entry.pk])).status_code == 302
    entry.refresh_from_db()
    assert entry.status == BlacklistStatus.WITHDRAWN
    assert Review.objects.get().status == ReviewStatus.WITHDRAWN


@pytest.mark.django_db
def test_a_second_open_proposal_is_answered_on_the_form(client, host_a, education_reviewer, school_admin):
    assert propose(client, education_reviewer, host_a).status_code == 302
    response = propose(client, school_admin, host_a)
    assert response.status_code == 200
    assert "该企业已有待审核或已生效的黑名单记录，不能重复提出" in response.content.decode()
    assert BlacklistEntry.objects.count() == 1 and Review.objects.count() == 1


@pytest.mark.django_db
def test_bad_proposal_input_is_answered_at_the_field(client, host_a, education_reviewer):
    response = propose(client, education_reviewer, host_a, reason="nonsense", details="  ",
                       evidence=SimpleUploadedFile("a.exe", b"MZ\x90\x00", content_type="application/pdf"))
    page = response.content.decode()
    assert response.status_code == 200 and "请选择列表中的列入原因" in page and "请填写情况说明" in page
    response = propose(client, education_reviewer, host_a,
                       evidence=SimpleUploadedFile("a.pdf", b"MZ\x90\x00", content_type="application/pdf"))
    assert 'data-field-error="evidence"' in response.content.decode()
    assert not BlacklistEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["education_other_reviewer", "county_reviewer_a", "staff_manager_a",
                                     "outsider", "admin_b"])
def test_who_may_not_propose(client, request, persona, host_a):
    response = propose(client, request.getfixturevalue(persona), host_a)
    assert response.status_code == 404
    assert not BlacklistEntry.objects.exists()


@pytest.mark.django_db
def test_the_enterprise_itself_may_not_propose_nor_decide(client, host_a, admin_a, education_reviewer,
                                                          education_other_reviewer, school_admin):
    assert propose(client, admin_a, host_a).status_code == 403
    propose(client, school_admin, host_a)
    entry = BlacklistEntry.objects.get()
    for outsider in (admin_a, education_other_reviewer, school_admin):
        with pytest.raises(PermissionDenied):
            decide(entry, outsider)
    assert BlacklistEntry.objects.get().status == BlacklistStatus.PROPOSED


@pytest.mark.django_db
def test_removal_by_service_is_refused_to_schools(host_a, school_admin, education_reviewer):
    entry = f.blacklisting(host_a, education_reviewer, status=BlacklistStatus.LISTED)
    with pytest.raises(PermissionDenied):
        services.remove_from_blacklist(entry=entry, actor=school_admin, reason="x")
    assert BlacklistEntry.objects.get().status == BlacklistStatus.LISTED


@pytest.mark.django_db
def test_lists_are_scoped(client, host_a, education_reviewer, education_other_reviewer, county_reviewer_a, admin_a):
    entry = f.blacklisting(host_a, education_reviewer, status=BlacklistStatus.LISTED)
    client.force_login(education_other_reviewer)
    assert f'data-entry="{entry.pk}"' not in client.get(reverse("internships:blacklist")).content.decode()
    for user in (county_reviewer_a, admin_a):
        client.force_login(user)
        assert client.get(reverse("internships:blacklist")).status_code == 403
    client.force_login(education_reviewer)
    response = client.get(reverse("internships:blacklist"), {"status": "bogus"})
    assert response.status_code == 200 and "请选择列表中的状态" in response.content.decode()
