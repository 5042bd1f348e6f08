"""离岗: registered by the unit or asked for by the trainee, the certificate, HR review by the base's level."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from notifications.models import Notification
from reviews.selectors import latest_review_for
from tests import factories
from tests.attachments.files import png_upload
from tests.traineeships.test_placements import approved_application, on_post_placement, terms
from traineeships.models import Departure, DepartureStatus, PlacementStatus
from traineeships.services import departures as services
from traineeships.services import placements as placement_services

pytest_plugins = ["tests.traineeships.test_placements"]


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


def _decide(client, reviewer, subject, decision="approve", reason=""):
    review = latest_review_for(subject)
    client.force_login(reviewer)
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"decision": decision, "reason": reason, "step_id": review.steps.get().pk})


@pytest.mark.django_db
def test_unit_registers_departure_and_county_approves(client, admin_a, placement, county_reviewer_a,
                                                      county_reviewer_b):
    client.force_login(admin_a)
    url = reverse("traineeships:departure_create", args=[placement.pk])
    response = client.post(url, {"left_on": "2026-09-01", "reason": "dismissed", "note": ""})
    assert "离岗日期不能晚于见习结束日期（2026-08-31）" in response.content.decode()
    response = client.post(url, {"left_on": "2026-06-15", "reason": "hired_early", "note": "提前签订劳动合同"})
    departure = Departure.objects.get()
    assert response["Location"] == reverse("traineeships:departure_detail", args=[departure.pk])
    placement.refresh_from_db()
    assert (departure.status, placement.status) == (DepartureStatus.REGISTERED, PlacementStatus.LEAVING)
    response = client.post(reverse("traineeships:departure_submit", args=[departure.pk]), follow=True)
    assert "请先上传盖章的解除见习协议证明扫描件" in response.content.decode()
    certificate = client.get(reverse("traineeships:certificate_pdf", args=[departure.pk]))
    assert certificate["Content-Type"] == "application/pdf" and certificate.content.startswith(b"%PDF")
    client.post(reverse("traineeships:departure_upload", args=[departure.pk]), {"file": png_upload("证明.png")})
    client.post(reverse("traineeships:departure_submit", args=[departure.pk]))
    departure.refresh_from_db()
    review = latest_review_for(departure)
    assert departure.status == DepartureStatus.PENDING
    assert (review.kind, [step.level for step in review.steps.all()]) == ("traineeship_termination", ["county"])
    client.force_login(county_reviewer_b)
    assert client.get(reverse("traineeships:departure_detail", args=[departure.pk])).status_code == 404
    client.force_login(county_reviewer_a)
    page = client.get(reverse("traineeships:departure_detail", args=[departure.pk])).content.decode()
    assert f'src="{reverse("traineeships:certificate_pdf", args=[departure.pk])}"' in page
    assert f'src="{reverse("attachments:preview", args=[departure.certificate_scan_id])}"' in page
    _decide(client, county_reviewer_a, departure)
    placement.refresh_from_db()
    departure.refresh_from_db()
    assert (departure.status, placement.status, placement.ended_on, placement.end_reason,
            placement.termination_certificate_id) == (
        DepartureStatus.APPROVED, PlacementStatus.ENDED, datetime.date(2026, 6, 15), "hired_early",
        departure.certificate_scan_id)
    # Every field the approval wrote on the placement is in its audit entry, not only the status; the unit has
    # the region's 30 days from the approval (later than the departure) to register 留用 or 未留用.
    due_on = timezone.localdate() + datetime.timedelta(days=29)
    ended = AuditEntry.objects.filter(action="traineeships.placement_status", target_id=str(placement.pk)).first()
    assert (ended.before, ended.after) == (
        {"status": "leaving", "ended_on": None, "end_reason": "", "end_note": "", "end_requested_by": "",
         "termination_certificate_id": None, "retention_due_on": None},
        {"status": "ended", "ended_on": "2026-06-15", "end_reason": "hired_early", "end_note": "提前签订劳动合同",
         "end_requested_by": "unit", "termination_certificate_id": str(departure.certificate_scan_id),
         "retention_due_on": due_on.isoformat()},
    )
    assert placement.retention_due_on == due_on and placement.retention_settled_on is None
    assert Notification.objects.filter(
        recipient=admin_a, title=f"王见习已离岗，请于{due_on.isoformat()}前登记留用情况（留用或未留用），逾期按未留用计"
    ).exists()


@pytest.mark.django_db
def test_rejected_departure_is_corrected_or_cancelled(client, admin_a, placement, county_reviewer_a):
    client.force_login(admin_a)
    client.post(reverse("traineeships:departure_create", args=[placement.pk]),
                {"left_on": "2026-06-15", "reason": "other", "note": ""})
    departure = Departure.objects.get()
    client.post(reverse("traineeships:departure_upload", args=[departure.pk]), {"file": png_upload()})
    client.post(reverse("traineeships:departure_submit", args=[departure.pk]))
    _decide(client, county_reviewer_a, departure, "reject", "证明未盖章")
    departure.refresh_from_db()
    assert departure.status == DepartureStatus.REJECTED
    client.force_login(admin_a)
    client.post(reverse("traineeships:departure_cancel", args=[departure.pk]))
    departure.refresh_from_db()
    placement.refresh_from_db()
    assert (departure.status, placement.status) == (DepartureStatus.CANCELLED, PlacementStatus.ON_POST)


@pytest.mark.django_db
def test_trainee_requests_departure_and_unit_answers(client, admin_a, placement, outsider):
    person = placement.person
    client.force_login(person)
    page = client.get(reverse("traineeships:my_placement")).content.decode()
    assert 'data-testid="request-departure"' in page and "在岗" in page
    response = client.post(reverse("traineeships:my_departure_request"), {"left_on": "2026-06-30", "note": ""})
    assert "请填写申请离岗的原因" in response.content.decode()
    client.post(reverse("traineeships:my_departure_request"), {"left_on": "2026-06-30", "note": "考取研究生"})
    departure = Departure.objects.get()
    assert (departure.status, departure.requested_by, departure.reason) == (
        DepartureStatus.REQUESTED, "trainee", "left_by_trainee")
    assert Notification.objects.filter(recipient=admin_a, title="见习人员王见习申请离岗，请确认").exists()
    # Nobody else may see or answer it.
    client.force_login(outsider)
    assert client.get(reverse("traineeships:departure_detail", args=[departure.pk])).status_code == 404
    client.force_login(person)
    assert client.post(reverse("traineeships:departure_answer", args=[departure.pk]),
                       {"decision": "agree"}).status_code == 403
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:departure_answer", args=[departure.pk]),
                           {"decision": "refuse", "reply": ""}, follow=True)
    assert "不同意时请填写原因" in response.content.decode()
    client.post(reverse("traineeships:departure_answer", args=[departure.pk]), {"decision": "agree", "reply": ""})
    departure.refresh_from_db()
    placement.refresh_from_db()
    assert (departure.status, placement.status) == (DepartureStatus.REGISTERED, PlacementStatus.LEAVING)
    assert Notification.objects.filter(recipient=person, title="单位已同意您的离岗申请，正在办理离岗手续").exists()
    # Answered: it cannot be answered again, nor withdrawn by the trainee.
    response = client.post(reverse("traineeships:departure_answer", args=[departure.pk]), {"decision": "agree"},
                           follow=True)
    assert "该离岗申请当前状态为“已登记，待提交审核”，不能再处理" in response.content.decode()
    client.force_login(person)
    response = client.post(reverse("traineeships:my_departure_withdraw", args=[departure.pk]), follow=True)
    assert "单位已处理该申请，不能撤回" in response.content.decode()


@pytest.mark.django_db
def test_departure_answer_refuses_a_tampered_decision_and_a_long_reply(client, admin_a, placement):
    client.force_login(placement.person)
    client.post(reverse("traineeships:my_departure_request"), {"left_on": "2026-06-30", "note": "考取研究生"})
    departure = Departure.objects.get()
    answer = reverse("traineeships:departure_answer", args=[departure.pk])
    told = Notification.objects.filter(recipient=placement.person).count()
    client.force_login(admin_a)
    for data, message in (
        ({"decision": "maybe", "reply": "岗位调整"}, "处理结果不正确，请选择同意或不同意"),
        ({"reply": "岗位调整"}, "请选择同意或不同意"),
        ({"decision": "refuse", "reply": "不" * 256}, "单位意见不能超过255个字（目前256个字）"),
    ):
        response = client.post(answer, data, follow=True)
        assert message in response.content.decode()
        departure.refresh_from_db()
        assert (departure.status, departure.unit_reply) == (DepartureStatus.REQUESTED, "")
    assert Notification.objects.filter(recipient=placement.person).count() == told
    with pytest.raises(ValidationError, match="单位意见不能超过255个字"):
        services.answer_request(departure=departure, actor=admin_a, agree=False, reply="不" * 256)
    response = client.post(answer, {"decision": "refuse", "reply": "不" * 255}, follow=True)
    assert "已答复：不同意离岗" in response.content.decode()
    departure.refresh_from_db()
    assert (departure.status, departure.unit_reply) == (DepartureStatus.REFUSED, "不" * 255)


@pytest.mark.django_db
def test_departure_deny_paths_and_wrong_state(client, admin_a, admin_b, application, placement, post_a,
                                              county_reviewer_a):
    client.force_login(admin_b)
    assert client.get(reverse("traineeships:departure_create", args=[placement.pk])).status_code == 404
    client.force_login(placement.person)
    assert client.get(reverse("traineeships:departure_create", args=[placement.pk])).status_code == 403
    # A registration not yet on post cannot depart.
    draft = approved_application(post_a, person=factories.individual(real_name="李未上岗"))

    pending = placement_services.onboard(application=draft, actor=admin_a, data=terms())
    client.force_login(admin_a)
    response = client.get(reverse("traineeships:departure_create", args=[pending.pk]), follow=True)
    assert "只有在岗人员可以办理离岗（当前：待提交协议）" in response.content.decode()
    # An individual without a placement sees so; unit users may not use the individual's page.
    client.force_login(factories.individual())
    assert 'data-testid="no-placement"' in client.get(reverse("traineeships:my_placement")).content.decode()
    client.force_login(admin_a)
    assert client.get(reverse("traineeships:my_placement")).status_code == 403
