"""A rejected or returned agreement (and departure): the HR reason is an alert on top of the record page, and
重新提交 is offered and accepted only after a new scan has been uploaded since the decision (issue 7)."""

import pytest
from django.urls import reverse

from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests.attachments.files import png_upload
from tests.traineeships.test_departures import _decide
from tests.traineeships.test_placements import terms
from traineeships.models import Departure, DepartureStatus, PlacementStatus
from traineeships.services import placements as placement_services

pytest_plugins = ["tests.traineeships.test_placements", "tests.traineeships.test_departures"]


def alert_of(page: str) -> str:
    start = page.index('data-testid="refusal-alert"')
    return page[start:page.index("</div>\n", page.index('class="small"', start))]


@pytest.fixture
def submitted(application, admin_a, wage):
    placement = placement_services.onboard(application=application, actor=admin_a, data=terms())
    placement_services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload("协议.png"))
    return placement_services.submit_agreement(placement=placement, actor=admin_a)


@pytest.mark.django_db
@pytest.mark.parametrize(("decision", "status", "label"), [
    ("reject", PlacementStatus.REJECTED, "协议审核不通过"), ("return", PlacementStatus.RETURNED, "协议退回修改"),
])
def test_agreement_sent_back_shows_the_reason_and_resubmits_only_with_a_new_scan(
        client, admin_a, county_reviewer_a, submitted, decision, status, label):
    detail = reverse("traineeships:placement_detail", args=[submitted.pk])
    _decide(client, county_reviewer_a, submitted, decision, "保单号与保险单不一致")
    submitted.refresh_from_db()
    assert submitted.status == status
    # The reviewer sees the same alert, without the unit's next step.
    page = client.get(detail).content.decode()
    assert f"{label}：保单号与保险单不一致" in alert_of(page)
    assert 'data-testid="refusal-next"' not in page

    client.force_login(admin_a)
    page = client.get(detail).content.decode()
    assert page.index('data-testid="refusal-alert"') < page.index('data-testid="placement-summary"')
    assert f"{label}：保单号与保险单不一致" in alert_of(page)
    assert "金水" in alert_of(page)  # who decided
    assert "请按意见修改，重新下载见习协议双方签字盖章后上传新的扫描件，再重新提交审核。" in page
    assert 'data-testid="submit-agreement"' not in page
    # The service refuses the old scan whatever the page offers.
    response = client.post(reverse("traineeships:placement_submit", args=[submitted.pk]), follow=True)
    assert "请先按审核意见修改，上传重新签字盖章的见习协议扫描件，再重新提交审核" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == status and latest_review_for(submitted).round == 1

    client.post(reverse("traineeships:placement_upload", args=[submitted.pk]), {"file": png_upload("新协议.png")})
    page = client.get(detail).content.decode()
    assert "已上传新的协议扫描件，可以重新提交审核。" in page
    assert 'data-testid="submit-agreement">重新提交审核</button>' in page
    client.post(reverse("traineeships:placement_submit", args=[submitted.pk]))
    submitted.refresh_from_db()
    review = latest_review_for(submitted)
    assert (submitted.status, review.round, review.status) == (PlacementStatus.PENDING, 2, ReviewStatus.PENDING)
    assert 'data-testid="refusal-alert"' not in client.get(detail).content.decode()


@pytest.mark.django_db
def test_draft_and_withdrawn_agreements_submit_without_a_new_scan(client, admin_a, submitted):
    """Nothing was sent back: the alert and the new-scan rule do not apply."""
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:placement_detail", args=[submitted.pk])).content.decode()
    assert 'data-testid="refusal-alert"' not in page
    client.post(reverse("reviews:withdraw", args=[latest_review_for(submitted).pk]))
    submitted.refresh_from_db()
    assert submitted.status == PlacementStatus.DRAFT
    client.post(reverse("traineeships:placement_submit", args=[submitted.pk]))
    submitted.refresh_from_db()
    assert submitted.status == PlacementStatus.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(("decision", "status", "label"), [
    ("reject", DepartureStatus.REJECTED, "离岗审核不通过"), ("return", DepartureStatus.RETURNED, "离岗退回修改"),
])
def test_departure_sent_back_shows_the_reason_and_resubmits_only_with_a_new_scan(
        client, admin_a, placement, county_reviewer_a, decision, status, label):
    client.force_login(admin_a)
    client.post(reverse("traineeships:departure_create", args=[placement.pk]),
                {"left_on": "2026-06-15", "reason": "other", "note": ""})
    departure = Departure.objects.get()
    client.post(reverse("traineeships:departure_upload", args=[departure.pk]), {"file": png_upload()})
    client.post(reverse("traineeships:departure_submit", args=[departure.pk]))
    _decide(client, county_reviewer_a, departure, decision, "证明未盖章")
    departure.refresh_from_db()
    assert departure.status == status
    detail = reverse("traineeships:departure_detail", args=[departure.pk])
    client.force_login(admin_a)
    page = client.get(detail).content.decode()
    assert f"{label}：证明未盖章" in alert_of(page)
    assert 'data-testid="submit-departure"' not in page
    response = client.post(reverse("traineeships:departure_submit", args=[departure.pk]), follow=True)
    assert "请先按审核意见修改，上传重新盖章的解除见习协议证明扫描件，再重新提交审核" in response.content.decode()
    departure.refresh_from_db()
    assert departure.status == status
    client.post(reverse("traineeships:departure_upload", args=[departure.pk]), {"file": png_upload("盖章证明.png")})
    page = client.get(detail).content.decode()
    assert "已上传新的证明扫描件，可以重新提交审核。" in page
    assert 'data-testid="submit-departure">重新提交审核</button>' in page
    client.post(reverse("traineeships:departure_submit", args=[departure.pk]))
    departure.refresh_from_db()
    assert (departure.status, latest_review_for(departure).round) == (DepartureStatus.PENDING, 2)
