"""见习期满 by itself (issue 7: "A finished traineeship stays 在岗 for ever"): the daily job, the 留用 / 未留用
registration within the region's period after the end and what happens after it, and that only early
departures go through the departure review."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from core.daily import run_daily_jobs
from notifications.models import Notification
from tests.traineeships.test_placements import END, on_post_placement
from traineeships.models import Departure, DepartureStatus, Placement, PlacementStatus, RetentionOutcome
from traineeships.services import departures as departure_services
from traineeships.services.expiry import expire_placements, lapse_retention

pytest_plugins = ["tests.traineeships.test_placements"]

DAY_AFTER = END + datetime.timedelta(days=1)  # 2026-09-01
DUE = datetime.date(2026, 9, 30)  # the region's default 30 days, counted from the day after the end


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


@pytest.fixture
def on_day(monkeypatch):
    """Make `day` today for the services and views (timezone.localdate)."""
    def set_day(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day
    return set_day


def _status_entries(placement):
    return AuditEntry.objects.filter(action="traineeships.placement_status", target_id=str(placement.pk))


# ---------------------------------------------------------------- the daily job


@pytest.mark.django_db
def test_the_daily_job_expires_a_placement_the_day_after_its_end_once(placement, admin_a):
    assert expire_placements(today=END) == 0  # ending today: still on post
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ON_POST
    before = _status_entries(placement).count()

    assert expire_placements(today=DAY_AFTER) == 1  # ended yesterday: 见习期满
    placement.refresh_from_db()
    assert (placement.status, placement.get_status_display(), placement.ended_on, placement.end_reason,
            placement.retention_due_on, placement.retention_outcome, placement.retention_settled_on) == (
        PlacementStatus.EXPIRED, "见习期满", END, "completed", DUE, "", None)
    entry = _status_entries(placement).first()
    assert _status_entries(placement).count() == before + 1
    assert (entry.actor, entry.actor_name, entry.before["status"], entry.after) == (
        None, "", "on_post",
        {"status": "expired", "ended_on": "2026-08-31", "end_reason": "completed", "retention_due_on": "2026-09-30"})
    title = "王见习见习期满（2026-08-31），请于2026-09-30前登记留用情况（留用或未留用），逾期按未留用计"
    assert Notification.objects.filter(recipient=admin_a, title=title,
                                       url=reverse("traineeships:placement_detail", args=[placement.pk])).count() == 1
    assert Notification.objects.filter(recipient=placement.person,
                                       title="您的就业见习已期满（2026-08-31）").count() == 1

    # The second run (the same night again, or the next night) changes nothing and tells nobody again.
    assert expire_placements(today=DAY_AFTER) == 0
    assert expire_placements(today=DAY_AFTER + datetime.timedelta(days=1)) == 0
    assert _status_entries(placement).count() == before + 1
    assert Notification.objects.filter(recipient=admin_a, title__contains="见习期满").count() == 1


@pytest.mark.django_db
def test_the_jobs_are_registered_and_run_by_the_daily_runner(placement):
    results = run_daily_jobs(today=DAY_AFTER)
    assert (results["traineeships.placements_expire"], results["traineeships.retention_lapse"]) == (1, 0)
    again = run_daily_jobs(today=DAY_AFTER, force=True)
    assert (again["traineeships.placements_expire"], again["traineeships.retention_lapse"]) == (0, 0)
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.EXPIRED


@pytest.mark.django_db
def test_a_trainees_waiting_departure_request_is_cancelled_and_a_leaving_one_is_left_to_its_review(
        placement, application, admin_a, post_a, county_reviewer_a):
    from tests.traineeships.test_placements import approved_application

    request = departure_services.request_departure(placement=placement, actor=placement.person,
                                                   left_on=datetime.date(2026, 8, 1), note="回校答辩")
    other = on_post_placement(approved_application(post_a, real_name="李见习"), admin_a, county_reviewer_a)
    departure_services.register_departure(placement=other, actor=admin_a,
                                          data={"left_on": datetime.date(2026, 8, 20), "reason": "dismissed"})
    assert expire_placements(today=DAY_AFTER) == 1
    request.refresh_from_db()
    other.refresh_from_db()
    placement.refresh_from_db()
    assert (placement.status, request.status) == (PlacementStatus.EXPIRED, DepartureStatus.CANCELLED)
    assert other.status == PlacementStatus.LEAVING  # its departure review decides: an early end on 2026-08-20
    # The departure withdrawn: back on post, it expires the next night.
    departure_services.cancel_departure(departure=Departure.objects.get(placement=other), actor=admin_a)
    assert expire_placements(today=DAY_AFTER + datetime.timedelta(days=1)) == 1
    other.refresh_from_db()
    assert (other.status, other.ended_on) == (PlacementStatus.EXPIRED, END)


# ---------------------------------------------------------------- 留用 / 未留用 after the end, through HTTP


@pytest.mark.django_db
def test_unit_registers_not_retained_within_the_period_once(client, placement, admin_a, on_day):
    expire_placements(today=DAY_AFTER)
    on_day(datetime.date(2026, 9, 2))
    client.force_login(admin_a)
    detail = reverse("traineeships:placement_detail", args=[placement.pk])
    page = client.get(detail).content.decode()
    assert ("见习已于 2026-08-31 结束（见习期满）。请于 2026-09-30 前登记留用情况（留用或未留用），"
            "逾期未登记按未留用计；登记后不能修改。") in page
    assert 'data-testid="retention-form"' in page and 'data-testid="not-retained-form"' in page
    assert 'data-testid="register-departure"' not in page  # no 离岗 filing for a traineeship that expired
    assert '<dd class="col-sm-4" data-testid="retention">待登记（截止 2026-09-30）' in page

    response = client.post(reverse("traineeships:placement_not_retained", args=[placement.pk]), follow=True)
    assert "已登记未留用" in response.content.decode()
    placement.refresh_from_db()
    assert (placement.retention_outcome, placement.retention_settled_on, placement.retained_on) == (
        RetentionOutcome.NOT_RETAINED, datetime.date(2026, 9, 2), None)
    entry = AuditEntry.objects.get(action="traineeships.not_retained_registered", target_id=str(placement.pk))
    assert (entry.actor, entry.after["retention_outcome"]) == (admin_a, "not_retained")
    page = client.get(detail).content.decode()
    assert '<dd class="col-sm-4" data-testid="retention">未留用' in page
    assert 'data-testid="retention-form"' not in page and 'data-testid="not-retained-form"' not in page

    # Final: neither 留用 nor 未留用 again.
    response = client.post(reverse("traineeships:placement_retain", args=[placement.pk]),
                           {"retained_on": "2026-09-01", "contract": "HT-9"}, follow=True)
    assert "留用情况已于2026-09-02确定为“未留用”，不能再修改" in response.content.decode()
    placement.refresh_from_db()
    assert placement.retention_outcome == RetentionOutcome.NOT_RETAINED
    # The lapse job leaves a registered outcome alone.
    assert lapse_retention(today=datetime.date(2026, 10, 1)) == 0


@pytest.mark.django_db
def test_unit_registers_retained_with_its_contract_on_the_last_day(client, placement, admin_a, on_day):
    expire_placements(today=DAY_AFTER)
    on_day(DUE)
    client.force_login(admin_a)
    url = reverse("traineeships:placement_retain", args=[placement.pk])
    response = client.post(url, {"retained_on": "2026-09-01", "contract": ""}, follow=True)
    assert "请填写劳动合同信息" in response.content.decode()
    client.post(url, {"retained_on": "2026-09-01", "contract": "HT-2026-015，三年"})
    placement.refresh_from_db()
    assert (placement.retention_outcome, placement.retained_on, placement.retention_contract,
            placement.retention_settled_on) == (RetentionOutcome.RETAINED, datetime.date(2026, 9, 1),
                                                "HT-2026-015，三年", DUE)
    page = client.get(reverse("traineeships:placements")).content.decode()
    assert '<td data-testid="retention">留用（2026-09-01，HT-2026-015，三年）' in page


@pytest.mark.django_db
def test_after_the_period_it_counts_as_not_retained(client, placement, admin_a, on_day):
    expire_placements(today=DAY_AFTER)
    assert lapse_retention(today=DUE) == 0  # the last day is still the unit's
    on_day(DUE + datetime.timedelta(days=1))
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:placement_detail", args=[placement.pk])).content.decode()
    assert 'data-testid="retention-form"' not in page and 'data-testid="not-retained-form"' not in page
    response = client.post(reverse("traineeships:placement_retain", args=[placement.pk]),
                           {"retained_on": "2026-09-01", "contract": "HT-1"}, follow=True)
    assert "留用登记期限已于2026-09-30届满，按未留用计" in response.content.decode()
    response = client.post(reverse("traineeships:placement_not_retained", args=[placement.pk]), follow=True)
    assert "留用登记期限已于2026-09-30届满，按未留用计" in response.content.decode()

    assert lapse_retention(today=DUE + datetime.timedelta(days=1)) == 1
    assert lapse_retention(today=DUE + datetime.timedelta(days=2)) == 0  # idempotent
    placement.refresh_from_db()
    assert (placement.retention_outcome, placement.retention_settled_on) == (
        RetentionOutcome.LAPSED, DUE + datetime.timedelta(days=1))
    entry = AuditEntry.objects.get(action="traineeships.retention_lapsed", target_id=str(placement.pk))
    assert (entry.actor, entry.before["retention_outcome"], entry.after["retention_outcome"]) == (None, "", "lapsed")
    page = client.get(reverse("traineeships:placement_detail", args=[placement.pk])).content.decode()
    assert '<dd class="col-sm-4" data-testid="retention">逾期未登记（按未留用计）' in page


@pytest.mark.django_db
def test_retained_during_the_traineeship_is_settled_when_it_expires(client, placement, admin_a):
    client.force_login(admin_a)
    client.post(reverse("traineeships:placement_retain", args=[placement.pk]),
                {"retained_on": "2026-08-01", "contract": "HT-7"})
    placement.refresh_from_db()
    assert (placement.retention_outcome, placement.retention_settled_on) == (RetentionOutcome.RETAINED, None)
    expire_placements(today=DAY_AFTER)
    placement.refresh_from_db()
    assert (placement.status, placement.retention_outcome, placement.retention_settled_on) == (
        PlacementStatus.EXPIRED, RetentionOutcome.RETAINED, DAY_AFTER)
    assert Notification.objects.filter(recipient=admin_a, title="王见习见习期满（2026-08-31），已登记留用").exists()


@pytest.mark.django_db
def test_not_retained_before_the_end_is_refused(client, placement, admin_a):
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:placement_detail", args=[placement.pk])).content.decode()
    assert 'data-testid="retention-form"' in page and 'data-testid="not-retained-form"' not in page
    response = client.post(reverse("traineeships:placement_not_retained", args=[placement.pk]), follow=True)
    assert "见习结束后才能登记未留用（当前：在岗）" in response.content.decode()
    placement.refresh_from_db()
    assert placement.retention_outcome == ""


@pytest.mark.django_db
def test_retention_actions_deny_paths(client, placement, admin_b, county_reviewer_a, staff_manager_a, on_day):
    expire_placements(today=DAY_AFTER)
    on_day(datetime.date(2026, 9, 2))
    url = reverse("traineeships:placement_not_retained", args=[placement.pk])
    retain = reverse("traineeships:placement_retain", args=[placement.pk])
    for user, status in ((admin_b, 404), (county_reviewer_a, 403), (staff_manager_a, 403), (placement.person, 403)):
        client.force_login(user)
        assert client.post(url).status_code == status
        assert client.post(retain, {"retained_on": "2026-09-01", "contract": "x"}).status_code == status
    client.logout()
    assert client.post(url).status_code == 302  # to the sign-in page
    assert client.get(url).status_code == 405  # a POST-only action
    placement.refresh_from_db()
    assert (placement.retention_outcome, placement.retention_settled_on) == ("", None)
    # A reviewer of the jurisdiction sees the outcome without the unit's forms.
    client.force_login(county_reviewer_a)
    page = client.get(reverse("traineeships:placement_detail", args=[placement.pk])).content.decode()
    assert "待登记（截止 2026-09-30）" in page and 'data-testid="not-retained-form"' not in page


# ---------------------------------------------------------------- only early departures are filed


@pytest.mark.django_db
def test_departure_is_for_an_early_end_only(client, placement, admin_a):
    client.force_login(admin_a)
    url = reverse("traineeships:departure_create", args=[placement.pk])
    form = client.get(url).content.decode()
    assert 'value="completed"' not in form and "见习期满由系统在结束日期次日自动办理" in form
    response = client.post(url, {"left_on": "2026-08-31", "reason": "dismissed", "note": ""})
    assert "见习结束日期（2026-08-31）当天结束即为见习期满，系统将自动办理，无需登记离岗" in response.content.decode()
    response = client.post(url, {"left_on": "2026-08-01", "reason": "completed", "note": ""})
    assert response.status_code == 200 and not Departure.objects.exists()
    with pytest.raises(Exception, match="见习期满由系统在结束日期后自动办理"):
        departure_services.register_departure(placement=placement, actor=admin_a,
                                              data={"left_on": datetime.date(2026, 8, 1), "reason": "completed"})
    client.force_login(placement.person)
    response = client.post(reverse("traineeships:my_departure_request"), {"left_on": "2026-08-31", "note": "毕业"})
    assert "当天结束即为见习期满" in response.content.decode()
    assert not Departure.objects.exists()


@pytest.mark.django_db
def test_the_trainee_sees_the_expiry_and_may_no_longer_ask_to_leave(client, placement):
    expire_placements(today=DAY_AFTER)
    client.force_login(placement.person)
    page = client.get(reverse("traineeships:my_placement")).content.decode()
    assert '<dd class="col-sm-4" data-testid="my-status">见习期满（2026-08-31结束）</dd>' in page
    assert 'data-testid="request-departure"' not in page


@pytest.mark.django_db
def test_an_expired_placement_holds_the_lifetime_slot_and_cannot_be_revoked(placement, county_reviewer_a):
    from reviews import services as review_services
    from reviews.selectors import latest_review_for

    expire_placements(today=DAY_AFTER)
    assert Placement.objects.filter(person=placement.person, status=PlacementStatus.EXPIRED).count() == 1
    with pytest.raises(review_services.ReviewConflict, match="见习已期满，不能撤销协议审核"):
        review_services.revoke(review_id=latest_review_for(placement).pk, actor=county_reviewer_a, reason="误批")
