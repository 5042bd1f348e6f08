"""Approvals within the post's places, 释放报名 by the unit, the lapse of an approved application not onboarded
in time (a daily job), and a second registration of one application (issue 7: "Approvals beyond the places
strand a person", "Double onboarding ... answers 已在其他见习单位登记")."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.daily import registered_jobs, run_daily_jobs
from notifications.models import Notification
from tests.batch.helpers import id_number
from tests.traineeships.test_applications import apply, hold_place, make_trainee, page_messages
from tests.traineeships.test_placements import approved_application, terms, terms_form, wage_parameter
from timeline.selectors import events_for
from traineeships.models import Application, ApplicationStatus, Placement, PlacementStatus
from traineeships.services import applications as services
from traineeships.services import placements as placement_services

pytest_plugins = ["tests.traineeships.test_applications", "tests.traineeships.test_placements"]

pytestmark = pytest.mark.django_db

FULL_ONE_WAITING = ("该岗位招募名额已满（1人：已登记上岗0人，已审核通过待登记上岗1人），不能再审核通过。"
                    "已审核通过的人员无法上岗时，请先释放其报名")


def decide(client, application, decision="approve", reason=""):
    return client.post(reverse("traineeships:application_decide", args=[application.pk]),
                       {"decision": decision, "reason": reason}, follow=True)


def release(client, application, reason="岗位预算取消，无法录用"):
    return client.post(reverse("traineeships:application_release", args=[application.pk]), {"reason": reason},
                       follow=True)


@pytest.fixture
def second(db):
    return make_trainee(name="张二", number=id_number("20030606", 886), mobile="13700006666")


def approved_days_ago(application, days):
    """The approval moved `days` days into the past (10:00 local time that day)."""
    day = timezone.localdate() - datetime.timedelta(days=days)
    decided = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    Application.objects.filter(pk=application.pk).update(decided_at=decided)
    application.refresh_from_db()
    return application


# ---------------------------------------------------------------- approving within the places


def test_stranded_applicant_story_cannot_happen_and_release_frees_the_place(client, trainee, second, posts, admin_a):
    """The issue's story: two applicants for a 1-place post. The second approval is refused with the count;
    the unit releases the first (who is told why and applies elsewhere) and may then approve the second."""
    account = posts["account"]  # 1 place
    for person in (trainee, second):
        client.force_login(person)
        apply(client, account)
    first_app, second_app = (Application.objects.get(person=trainee), Application.objects.get(person=second))
    client.force_login(admin_a)
    assert page_messages(decide(client, first_app)) == ["已审核通过"]
    response = decide(client, second_app)
    assert page_messages(response) == [FULL_ONE_WAITING]
    second_app.refresh_from_db()
    assert second_app.status == ApplicationStatus.PENDING  # not stranded: still free to withdraw and apply
    # The first cannot be onboarded after all: the unit releases them with a reason.
    response = release(client, first_app)
    assert page_messages(response) == ["已释放该报名，报名人已收到通知，可报名其他岗位"]
    first_app.refresh_from_db()
    assert (first_app.status, first_app.close_reason) == (ApplicationStatus.RELEASED, "岗位预算取消，无法录用")
    assert first_app.closed_at is not None and first_app.decided_by == admin_a  # the approval stays recorded
    note = Notification.objects.filter(recipient=trainee).latest("id")
    assert (note.title, note.body) == ("您报名的见习岗位“会计见习生”已被单位释放，您可以报名其他岗位",
                                       "释放原因：岗位预算取消，无法录用")
    assert [(event.event, event.note) for event in events_for(first_app)][-1] == (
        "released", "岗位预算取消，无法录用")
    # The released place can go to the second applicant now.
    assert page_messages(decide(client, second_app)) == ["已审核通过"]
    # The released person sees the reason and applies to another post.
    client.force_login(trainee)
    page = client.get(reverse("traineeships:my_application", args=[first_app.pk])).content.decode()
    assert "单位已释放" in page and "岗位预算取消，无法录用" in page and 'data-testid="close-reason"' in page
    assert services.why_cannot_apply(trainee, first_app.person.trainee_profile) == ""
    assert page_messages(apply(client, posts["sales"])) == ["报名成功，请等待单位审核"]
    assert Application.objects.get(person=trainee, post=posts["sales"]).status == ApplicationStatus.PENDING


def test_over_approved_data_is_unstuck_by_releasing(client, base_a, admin_a, county_reviewer_a, city_reviewer,
                                                    trainee, second, posts):
    """Two approvals for one place from before the rule (made directly): onboarding the second answers that
    the places are full, he waits 已审核通过，请等待…; the unit releases him and he applies elsewhere."""
    wage_parameter(city_reviewer)
    account = posts["account"]
    first_app = approved_application(account, trainee)
    second_app = approved_application(account, second)
    placement_services.onboard(application=first_app, actor=admin_a, data=terms())
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_create", args=[second_app.pk]), terms_form())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["该岗位招募名额已满（1人），不能再登记上岗"]
    client.force_login(second)
    assert page_messages(apply(client, posts["sales"])) == [
        "您报名的“会计见习生”已审核通过，请等待单位办理录用上岗登记"]
    client.force_login(admin_a)
    listing = client.get(reverse("traineeships:placements")).content.decode()
    assert reverse("traineeships:application_review", args=[second_app.pk]) in listing  # the way to 释放
    release(client, second_app, reason="名额已满")
    client.force_login(second)
    assert page_messages(apply(client, posts["sales"])) == ["报名成功，请等待单位审核"]


def test_places_count_placements_and_waiting_approvals(client, trainee, second, posts, admin_a, admin_b):
    java = posts["java"]  # 3 places: one held by a placement, one promised to an approval
    holder = make_trainee(name="已上岗", number=id_number("20030707", 997), mobile="13700007777")
    hold_place(holder, java, admin_a)
    approved_application(java, make_trainee(name="待登记", number=id_number("20030808", 118),
                                            mobile="13700008888"))
    for person in (trainee, second):
        client.force_login(person)
        apply(client, java)
    client.force_login(admin_a)
    assert page_messages(decide(client, Application.objects.get(person=trainee))) == ["已审核通过"]
    assert page_messages(decide(client, Application.objects.get(person=second))) == [
        "该岗位招募名额已满（3人：已登记上岗1人，已审核通过待登记上岗2人），不能再审核通过。"
        "已审核通过的人员无法上岗时，请先释放其报名"]
    # Rejecting stays possible when full.
    assert page_messages(decide(client, Application.objects.get(person=second), "reject", "名额已满")) == [
        "已审核不通过"]


# ---------------------------------------------------------------- release: deny paths


@pytest.fixture
def approved(client, trainee, posts, admin_a):
    client.force_login(trainee)
    apply(client, posts["java"])
    application = Application.objects.get(person=trainee)
    client.force_login(admin_a)
    decide(client, application)
    client.logout()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    return application


def test_release_needs_a_reason(client, approved, admin_a):
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:application_release", args=[approved.pk]), {"reason": "  "})
    assert response.status_code == 400
    assert response.context["release_form"].errors["reason"] == ["请填写释放原因"]
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.APPROVED


def test_another_unit_cannot_release(client, approved, admin_b):
    client.force_login(admin_b)
    assert release(client, approved).status_code == 404
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.APPROVED


def test_individual_member_and_government_cannot_release(client, approved, trainee, member_a, county_reviewer_a,
                                                          admin_b):
    for user in (trainee, member_a, county_reviewer_a):
        client.force_login(user)
        assert release(client, approved).status_code == 403
    for actor in (trainee, admin_b):
        with pytest.raises(PermissionDenied):
            services.release(actor=actor, application=approved, reason="想释放")
    approved.refresh_from_db()
    assert approved.status == ApplicationStatus.APPROVED


def test_release_in_the_wrong_state_is_refused(client, approved, second, posts, admin_a):
    client.force_login(second)
    apply(client, posts["java"])
    pending = Application.objects.get(person=second)
    client.force_login(admin_a)
    assert page_messages(release(client, pending)) == ["只有审核通过且未登记上岗的报名可以释放（当前：待审核）"]
    release(client, approved)
    assert page_messages(release(client, approved)) == [
        "只有审核通过且未登记上岗的报名可以释放（当前：单位已释放）"]
    assert Application.objects.get(pk=pending.pk).status == ApplicationStatus.PENDING


def test_an_onboarded_application_is_not_released(client, posts, admin_a, city_reviewer, second):
    wage_parameter(city_reviewer)
    application = approved_application(posts["java"], second)
    placement_services.onboard(application=application, actor=admin_a, data=terms())
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:application_review", args=[application.pk])).content.decode()
    assert 'data-testid="release-form"' not in page
    assert page_messages(release(client, application)) == [
        "该报名已登记上岗，不能释放；如需终止，请在上岗登记中办理撤销登记"]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


# ---------------------------------------------------------------- lapse (the daily job)


def test_approval_lapses_after_the_default_days_and_the_job_is_idempotent(trainee, posts, admin_a):
    """No region parameter at the post's work region: the model's default of 30 days, and the reason says so."""
    today = timezone.localdate()
    application = approved_days_ago(approved_application(posts["java"], trainee), 31)
    on_time = approved_days_ago(approved_application(posts["sales"], make_trainee(
        name="刚好", number=id_number("20030909", 229), mobile="13700009999")), 30)
    assert services.onboard_by(application) == today - datetime.timedelta(days=1)
    assert services.lapse_overdue_approvals(today=today) == 1
    assert services.lapse_overdue_approvals(today=today) == 0  # a second run changes nothing
    application.refresh_from_db()
    reason = "审核通过后30天内未办理录用上岗登记，报名已失效（该地区未设置期限参数，按默认30天）"
    assert (application.status, application.close_reason) == (ApplicationStatus.LAPSED, reason)
    assert Application.objects.get(pk=on_time.pk).status == ApplicationStatus.APPROVED  # due today, not past
    person_note = Notification.objects.filter(recipient=trainee).latest("id")
    assert (person_note.title, person_note.body) == (
        "您报名的见习岗位“Java开发见习生”逾期未办理上岗登记，报名已失效，您可以报名其他岗位", reason)
    unit_note = Notification.objects.filter(recipient=admin_a).latest("id")
    assert unit_note.title == "王小青 报名“Java开发见习生”审核通过后逾期未办理上岗登记，报名已失效"
    assert [(event.event, event.actor_name) for event in events_for(application)][-1] == ("lapsed", "")
    assert services.why_cannot_apply(trainee, trainee.trainee_profile) == ""


def test_lapse_follows_the_regional_parameter(trainee, second, posts, city_reviewer):
    wage_parameter(city_reviewer, approval_lapse_days=45)
    today = timezone.localdate()
    waiting = approved_days_ago(approved_application(posts["java"], trainee), 45)
    overdue = approved_days_ago(approved_application(posts["account"], second), 46)
    assert services.lapse_overdue_approvals(today=today) == 1
    assert Application.objects.get(pk=waiting.pk).status == ApplicationStatus.APPROVED
    overdue.refresh_from_db()
    assert (overdue.status, overdue.close_reason) == (
        ApplicationStatus.LAPSED, "审核通过后45天内未办理录用上岗登记，报名已失效")


def test_onboarded_and_released_applications_do_not_lapse(client, trainee, second, posts, admin_a, city_reviewer):
    wage_parameter(city_reviewer)
    onboarded = approved_application(posts["java"], trainee)
    placement_services.onboard(application=onboarded, actor=admin_a, data=terms())
    approved_days_ago(onboarded, 90)
    released = approved_days_ago(approved_application(posts["account"], second), 90)
    services.release(actor=admin_a, application=released, reason="岗位取消")
    assert services.lapse_overdue_approvals(today=timezone.localdate()) == 0
    assert [Application.objects.get(pk=a.pk).status for a in (onboarded, released)] == [
        ApplicationStatus.APPROVED, ApplicationStatus.RELEASED]


def test_the_lapse_is_a_registered_daily_job_run_once_a_day(trainee, posts):
    assert registered_jobs()["traineeships.lapse_approvals"] is services.lapse_overdue_approvals
    approved_days_ago(approved_application(posts["java"], trainee), 40)
    today = timezone.localdate()
    assert run_daily_jobs(today=today)["traineeships.lapse_approvals"] == 1
    assert run_daily_jobs(today=today)["traineeships.lapse_approvals"] is None  # already ran today
    assert run_daily_jobs(today=today, force=True)["traineeships.lapse_approvals"] == 0


def test_unit_and_person_see_the_onboarding_deadline(client, approved, trainee, admin_a):
    due = (timezone.localdate(approved.decided_at) + datetime.timedelta(days=30)).isoformat()
    client.force_login(admin_a)
    listing = client.get(reverse("traineeships:placements")).content.decode()
    assert f'<td class="text-nowrap" data-testid="onboard-by">{due}</td>' in listing
    assert f"请于 {due} 前办理录用上岗登记" in client.get(
        reverse("traineeships:application_review", args=[approved.pk])).content.decode()
    client.force_login(trainee)
    assert f"单位须于 {due} 前为您办理录用上岗登记" in client.get(
        reverse("traineeships:my_application", args=[approved.pk])).content.decode()


# ---------------------------------------------------------------- one application, one registration


def test_registering_one_application_twice_answers_already_registered(client, posts, admin_a, city_reviewer, second):
    wage_parameter(city_reviewer)
    application = approved_application(posts["java"], second)  # 3 places: the places are not what refuses
    client.force_login(admin_a)
    url = reverse("traineeships:placement_create", args=[application.pk])
    assert page_messages(client.post(url, terms_form(), follow=True)) == [
        "已登记上岗，请下载见习协议，双方签字盖章后上传扫描件并提交审核"]
    response = client.post(url, terms_form(), follow=True)
    assert page_messages(response) == ["该报名已登记过上岗"]
    with pytest.raises(ValidationError) as refused:
        placement_services.onboard(application=application, actor=admin_a, data=terms())
    assert refused.value.messages == ["该报名已登记过上岗"]
    assert Placement.objects.filter(application=application).count() == 1


def test_after_a_cancelled_registration_the_application_answers_already_registered(posts, admin_a, city_reviewer,
                                                                                   second):
    """The cancelled registration frees the person's one traineeship, so only the application rule refuses."""
    wage_parameter(city_reviewer)
    application = approved_application(posts["java"], second)
    placement = placement_services.onboard(application=application, actor=admin_a, data=terms())
    placement_services.cancel_placement(placement=placement, actor=admin_a)
    with pytest.raises(ValidationError) as refused:
        placement_services.onboard(application=application, actor=admin_a, data=terms())
    assert refused.value.messages == ["该报名已登记过上岗"]


def test_the_database_rule_of_one_registration_per_application_has_its_message(posts, admin_a, city_reviewer,
                                                                                 second):
    """What a registration that got past every check would run into: the application's unique column,
    turned into 该报名已登记过上岗 (core.constraints), not the one-traineeship message."""
    wage_parameter(city_reviewer)
    application = approved_application(posts["java"], second)
    first = placement_services.onboard(application=application, actor=admin_a, data=terms())
    Placement.objects.filter(pk=first.pk).update(status=PlacementStatus.CANCELLED)
    duplicate = Placement(application=application, person=second, post=posts["java"], base=posts["java"].base,
                          created_by=admin_a, place_number=2, status=PlacementStatus.DRAFT,
                          **{name: terms()[name] for name in placement_services.TERM_FIELDS})
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        duplicate.save()
    message = placement_services._integrity_message(error.value, duplicate)
    assert (message.messages, message.code) == (["该报名已登记过上岗"], "already_onboarded")
