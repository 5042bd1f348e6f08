"""培训情况跟踪 (manual 003 §3.2.1.5) and 注销培训班: the list per role with its filters and denials, and the
cancellation (reason required, approved only, places released, change record, institution told, advance owed)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import ApprenticeshipType, ChangeKind, ChangeRecord, Filing, FilingStatus, Trainee
from audit.models import AuditEntry
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from notifications.models import Notification
from tests.apprenticeships import factories as ap
from timeline.selectors import events_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def _numbers(response) -> list[str]:
    return [row["filing"].number for row in response.context["rows"]]


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def classes(enterprise_a, admin_a, institution):
    """Enterprise A's classes in each state, plus a draft and a submitted filing (never listed)."""
    return {
        "training": ap.complete_filing(enterprise_a, by=admin_a, institution=institution,
                                       starts_on=TODAY - 30 * DAY, ends_on=TODAY + 300 * DAY),
        "not_started": ap.complete_filing(enterprise_a, by=admin_a, institution=institution,
                                          kind=ApprenticeshipType.STUDENT, starts_on=TODAY + 30 * DAY),
        "ended": ap.complete_filing(enterprise_a, by=admin_a, starts_on=TODAY - 400 * DAY, ends_on=TODAY - DAY),
        "cancelled": ap.complete_filing(enterprise_a, by=admin_a, status=FilingStatus.CANCELLED,
                                        cancel_reason="企业停产", trainees=0),
        "draft": ap.complete_filing(enterprise_a, by=admin_a, status=FilingStatus.DRAFT, trainees=0),
        "submitted": ap.complete_filing(enterprise_a, by=admin_a, status=FilingStatus.SUBMITTED, trainees=0),
    }


def test_the_enterprise_sees_its_approved_and_cancelled_classes_with_their_state(client, admin_a, classes, filing_b):
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:tracking"))
    assert response.status_code == 200
    listed = {row["filing"].number: row["state_label"] for row in response.context["rows"]}
    assert listed == {classes["training"].number: "在训", classes["not_started"].number: "未开班",
                      classes["ended"].number: "已结束", classes["cancelled"].number: "已注销"}
    cancel = {row["filing"].number: row["can_cancel"] for row in response.context["rows"]}
    assert cancel[classes["training"].number] and not cancel[classes["cancelled"].number]
    assert "注销培训班" in response.content.decode()


@pytest.mark.parametrize(("params", "expected"), [
    ({"state": "training"}, ["training"]),
    ({"state": "not_started"}, ["not_started"]),
    ({"state": "ended"}, ["ended"]),
    ({"state": "cancelled"}, ["cancelled"]),
    ({"apprenticeship_type": "student"}, ["not_started"]),
    ({"occupation": "电"}, ["training", "not_started", "ended", "cancelled"]),
    ({"occupation": "焊工"}, []),
])
def test_filters(client, admin_a, classes, params, expected):
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:tracking"), params)
    assert sorted(_numbers(response)) == sorted(classes[key].number for key in expected)


def test_filter_by_number_and_start_month(client, admin_a, classes):
    client.force_login(admin_a)
    number = classes["ended"].number
    response = client.get(reverse("apprenticeships:tracking"), {"number": number[-4:]})
    assert number in _numbers(response)
    month = classes["training"].training_class.starts_on
    response = client.get(reverse("apprenticeships:tracking"), {"start_month": f"{month:%Y-%m}"})
    assert classes["training"].number in _numbers(response)
    assert classes["not_started"].number not in _numbers(response)


@pytest.mark.parametrize("params", [{"start_month": "2026-13"}, {"state": "nonsense"},
                                    {"apprenticeship_type": "x"}, {"start_month": "abc", "page": "zz"}])
def test_malformed_filters_are_a_message_not_an_error(client, admin_a, classes, params):
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:tracking"), params)
    assert response.status_code == 200
    assert any("查询条件有误" in text for text in _messages(response))
    assert len(_numbers(response)) == 4  # the bad condition is ignored


def test_hr_of_the_county_and_city_see_the_class_other_county_and_city_do_not(
        client, classes, county_reviewer_a, city_reviewer, county_reviewer_b, other_city_reviewer):
    for user in (county_reviewer_a, city_reviewer):
        client.force_login(user)
        response = client.get(reverse("apprenticeships:tracking"))
        assert response.status_code == 200
        assert classes["training"].number in _numbers(response)
        assert all(not row["can_cancel"] for row in response.context["rows"])
    for user in (county_reviewer_b, other_city_reviewer):
        client.force_login(user)
        response = client.get(reverse("apprenticeships:tracking"))
        assert response.status_code == 200
        assert _numbers(response) == []


def test_the_named_institution_sees_only_filings_naming_it(client, classes, institution_admin,
                                                           institution_b_admin):
    client.force_login(institution_admin)
    response = client.get(reverse("apprenticeships:tracking"))
    assert sorted(_numbers(response)) == sorted([classes["training"].number, classes["not_started"].number])
    client.force_login(institution_b_admin)
    assert _numbers(client.get(reverse("apprenticeships:tracking"))) == []


def test_other_enterprise_sees_none_of_a(client, classes, admin_b, filing_b):
    client.force_login(admin_b)
    assert _numbers(client.get(reverse("apprenticeships:tracking"))) == [filing_b.number]


def test_people_without_a_tracking_role_get_403(client, claimer_a, member_a, institution_member, outsider,
                                                education_reviewer):
    for user in (claimer_a, member_a, institution_member, outsider, education_reviewer):
        client.force_login(user)
        assert client.get(reverse("apprenticeships:tracking")).status_code == 403


def test_institution_filings_lists_submitted_approved_cancelled_naming_it(
        client, classes, institution, institution_admin, institution_member, admin_a, enterprise_a):
    submitted = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status=FilingStatus.SUBMITTED,
                                   trainees=0)
    client.force_login(institution_admin)
    response = client.get(reverse("apprenticeships:institution_filings"))
    assert response.status_code == 200
    assert sorted(row["filing"].number for row in response.context["rows"]) == sorted(
        [classes["training"].number, classes["not_started"].number, submitted.number])
    for user in (institution_member, admin_a):
        client.force_login(user)
        assert client.get(reverse("apprenticeships:institution_filings")).status_code == 403


# --- 注销培训班 -------------------------------------------------------------------------------------------------


def test_cancel_needs_a_reason_and_changes_nothing_without_one(client, admin_a, filing_a):
    client.force_login(admin_a)
    url = reverse("apprenticeships:filing_cancel", args=[filing_a.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["请填写注销原因"]
    filing_a.refresh_from_db()
    assert filing_a.status == FilingStatus.APPROVED
    assert filing_a.trainees.filter(holds_place=True).count() == 2


def test_cancel_moves_the_filing_frees_places_records_and_tells_the_institution(
        client, admin_a, filing_a, institution_admin, institution_recorder, institution_member):
    client.force_login(admin_a)
    response = client.post(reverse("apprenticeships:filing_cancel", args=[filing_a.pk]), {"reason": "企业经营调整"})
    assert response.status_code == 302
    assert response.url == reverse("apprenticeships:tracking")
    filing_a.refresh_from_db()
    assert (filing_a.status, filing_a.cancel_reason, filing_a.cancelled_by) == (
        FilingStatus.CANCELLED, "企业经营调整", admin_a)
    assert filing_a.cancelled_at is not None
    assert not Trainee.objects.filter(filing=filing_a, holds_place=True).exists()
    change = ChangeRecord.objects.get(filing=filing_a)
    assert (change.kind, change.actor, change.after["reason"], change.after["released"]) == (
        ChangeKind.CANCELLED, admin_a, "企业经营调整", 2)
    assert AuditEntry.objects.filter(action="apprenticeships.class_cancelled", target_id=str(filing_a.pk)).exists()
    assert AuditEntry.objects.filter(action="apprenticeships.filing_status", target_id=str(filing_a.pk)).exists()
    assert [(event.event, event.note) for event in events_for(filing_a)] == [("cancelled", "企业经营调整")]
    told = set(Notification.objects.filter(title__contains=filing_a.number).values_list("recipient", flat=True))
    assert told == {institution_admin.pk, institution_recorder.pk}
    assert "培训班已注销，培训人员的在训名额已释放" in _messages(response)


def test_a_freed_trainee_may_enrol_elsewhere(client, admin_a, filing_a, enterprise_b, admin_b):
    trainee = filing_a.trainees.first()
    client.force_login(admin_a)
    client.post(reverse("apprenticeships:filing_cancel", args=[filing_a.pk]), {"reason": "停办"})
    other = ap.filing(enterprise_b, by=admin_b, status=FilingStatus.APPROVED)
    moved = ap.trainee(other, name=trainee.name, id_number=trainee.id_number)
    assert moved.holds_place is True


def test_cancel_shows_the_advance_owed(client, admin_a, enterprise_a, filing_a):
    trainee = filing_a.trainees.first()
    claim = Claim.objects.create(programme="apprenticeships", organisation=enterprise_a, number="XTBT-TEST-1",
                                 first_month=datetime.date(2026, 1, 1), last_month=datetime.date(2026, 1, 1),
                                 status=ClaimStatus.APPROVED, created_by=admin_a)
    ClaimLine.objects.create(claim=claim, programme="apprenticeships", organisation=enterprise_a, counted=True,
                             kind=LineKind.ADVANCE, person=trainee.person,
                             subject=f"apprenticeships.trainee:{trainee.pk}", amount=Decimal("2400.00"),
                             explanation="预支")
    ClaimLine.objects.create(claim=claim, programme="apprenticeships", organisation=enterprise_a, counted=False,
                             kind=LineKind.ADVANCE, person=trainee.person,
                             subject=f"apprenticeships.trainee:{trainee.pk}", amount=Decimal("999.00"),
                             explanation="未计入")
    client.force_login(admin_a)
    url = reverse("apprenticeships:filing_cancel", args=[filing_a.pk])
    assert "已预支 2400.00 元，应退回" in client.get(url).content.decode()
    response = client.post(url, {"reason": "停办"})
    assert "已预支 2400.00 元，应退回" in _messages(response)
    assert ChangeRecord.objects.get(filing=filing_a).after["advance_owed"] == "2400.00"


def test_no_advance_no_owed_line(client, admin_a, filing_a):
    client.force_login(admin_a)
    content = client.get(reverse("apprenticeships:filing_cancel", args=[filing_a.pk])).content.decode()
    assert "应退回" not in content


@pytest.mark.parametrize("status", [FilingStatus.DRAFT, FilingStatus.SUBMITTED, FilingStatus.CANCELLED,
                                    FilingStatus.REJECTED])
def test_cancel_in_the_wrong_state_is_refused(client, admin_a, enterprise_a, status):
    filing = ap.complete_filing(enterprise_a, by=admin_a, status=status, cancel_reason="x" if status == "cancelled"
                                else "", trainees=0)
    client.force_login(admin_a)
    url = reverse("apprenticeships:filing_cancel", args=[filing.pk])
    for response in (client.get(url), client.post(url, {"reason": "停办"})):
        assert response.status_code == 302
        assert any("只有审核通过的培训班可以注销" in text for text in _messages(response))
    assert Filing.objects.get(pk=filing.pk).status == status
    assert not ChangeRecord.objects.filter(filing=filing).exists()


def test_cancel_denied_to_others(client, filing_a, admin_b, claimer_a, filer_a, county_reviewer_a, institution_admin):
    url = reverse("apprenticeships:filing_cancel", args=[filing_a.pk])
    expected = {admin_b: 404, claimer_a: 403, county_reviewer_a: 403, institution_admin: 403}
    for user, status in expected.items():
        client.force_login(user)
        assert client.post(url, {"reason": "停办"}).status_code == status
    assert Filing.objects.get(pk=filing_a.pk).status == FilingStatus.APPROVED
    client.force_login(filer_a)  # the sub-admin holding the filing permission may
    assert client.post(url, {"reason": "停办"}).status_code == 302
    assert Filing.objects.get(pk=filing_a.pk).status == FilingStatus.CANCELLED
