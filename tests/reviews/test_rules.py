"""The engine's rules one by one: order of levels, reasons, filing, revoke, withdraw, rounds, history,
subject callbacks and notifications."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from notifications.models import Notification
from reviews import selectors, services
from reviews.models import ReviewEvent
from reviews.services import ReviewConflict
from tests import factories
from tests.reviews.conftest import REASON, bring_to, step_statuses


@pytest.fixture
def reviewers(county_reviewer_a, county_reviewer_b, city_reviewer, province_reviewer):
    return {"county": county_reviewer_a, "county_b": county_reviewer_b, "city": city_reviewer,
            "province": province_reviewer}


@pytest.fixture
def submitted(org_kind, enterprise_a, admin_a, reviewers):
    return services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)


def test_chain_is_derived_from_the_submitters_region(submitted, county_hr_a, city_hr):
    steps = list(submitted.steps.order_by("position"))
    assert [(s.level, s.region_id, s.authority, s.is_filing, s.status) for s in steps] == [
        ("county", "410105", "hr", False, "pending"),
        ("city", "410100", "hr", False, "waiting"),
        ("province", "410000", "hr", True, "waiting"),
    ]
    assert (submitted.title, submitted.round, submitted.submitter_org.name) == (
        "甲企业有限公司核验", 1, "甲企业有限公司")


def test_submit_refused_when_a_level_has_no_department(org_kind, enterprise_a, admin_a, county_hr_a):
    with pytest.raises(ValidationError) as caught:
        services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    assert caught.value.messages == ["河南省 郑州市尚无市级审核部门入驻平台，暂无法提交，请联系上级主管部门"]
    assert not selectors.reviews_of_subject(enterprise_a).exists()


def test_city_cannot_decide_before_county(submitted, reviewers):
    city_step = submitted.steps.get(level="city")
    for step_id in (None, city_step.pk):
        with pytest.raises(PermissionDenied) as caught:
            services.decide(review_id=submitted.pk, actor=reviewers["city"], decision="approve", step_id=step_id)
        assert str(caught.value) == "下级尚未审核，暂不能审核"
    assert step_statuses(submitted) == ("pending", "waiting", "waiting")


@pytest.mark.parametrize("decision", ["reject", "return"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_and_return_need_a_reason(submitted, reviewers, decision, reason):
    with pytest.raises(ValidationError) as caught:
        services.decide(review_id=submitted.pk, actor=reviewers["county"], decision=decision, reason=reason)
    assert caught.value.message_dict == {"reason": ["不通过或退回时必须填写原因"]}
    submitted.refresh_from_db()
    assert submitted.status == "pending"
    assert list(submitted.events.values_list("action", flat=True)) == ["submitted"]


@pytest.mark.parametrize("decision", ["approve", "reject", "return"])
def test_a_reason_beyond_the_engines_limit_is_refused_and_nothing_written(submitted, reviewers, decision):
    with pytest.raises(ValidationError) as caught:
        services.decide(review_id=submitted.pk, actor=reviewers["county"], decision=decision, reason="理" * 2001)
    assert caught.value.message_dict == {"reason": ["审核意见不能超过2000个字（目前2001个字）"]}
    submitted.refresh_from_db()
    assert submitted.status == "pending" and step_statuses(submitted) == ("pending", "waiting", "waiting")
    assert list(submitted.events.values_list("action", flat=True)) == ["submitted"]
    # The longest a programme asks for (an internship complaint's conclusion) still goes through.
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision=decision, reason="理" * 2000)
    assert submitted.steps.get(level="county").reason == "理" * 2000


def test_final_approval_files_with_the_province(client, submitted, reviewers):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    services.decide(review_id=submitted.pk, actor=reviewers["city"], decision="approve")
    submitted.refresh_from_db()
    assert submitted.status == "approved" and submitted.finished_at is not None
    filing = submitted.steps.get(level="province")
    assert (filing.status, filing.decided_by) == ("filed", None)
    assert list(selectors.filed_with_office(reviewers["province"])) == [filing]
    assert list(selectors.inbox_for(reviewers["province"])) == []

    client.force_login(reviewers["province"])
    page = client.get("/reviews/inbox/?status=filed").content.decode()
    assert f'data-step="{filing.pk}"' in page
    assert "甲企业有限公司核验" in page
    assert "暂无待审核事项" in client.get("/reviews/inbox/").content.decode()


def test_revoke_at_county_while_city_has_not_acted(submitted, reviewers):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    assert [s.review_id for s in selectors.inbox_for(reviewers["city"])] == [submitted.pk]
    services.revoke(review_id=submitted.pk, actor=reviewers["county"], reason="误操作")
    submitted.refresh_from_db()
    assert (submitted.status, step_statuses(submitted)) == ("pending", ("pending", "waiting", "waiting"))
    county_step = submitted.steps.get(level="county")
    assert (county_step.decided_by, county_step.decided_at, county_step.reason) == (None, None, "")
    assert [s.review_id for s in selectors.inbox_for(reviewers["county"])] == [submitted.pk]
    assert list(selectors.inbox_for(reviewers["city"])) == []
    revoked = submitted.events.get(action="revoked")
    assert (revoked.actor, revoked.level, revoked.reason) == (reviewers["county"], "county", "误操作")


def test_revoke_blocked_after_city_acted(submitted, reviewers):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    services.decide(review_id=submitted.pk, actor=reviewers["city"], decision="return", reason=REASON)
    with pytest.raises(ReviewConflict) as caught:
        services.revoke(review_id=submitted.pk, actor=reviewers["county"])
    assert caught.value.messages == ["上级已作出审核，不能撤销"]
    submitted.refresh_from_db()
    assert (submitted.status, step_statuses(submitted)) == ("returned", ("approved", "returned", "cancelled"))


def test_revoke_blocked_after_resubmission(org_kind, enterprise_a, admin_a, reviewers):
    first = bring_to("returned", kind=org_kind, subject=enterprise_a, submitter=admin_a,
                     county=reviewers["county"], city=reviewers["city"])
    services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    with pytest.raises(ReviewConflict) as caught:
        services.revoke(review_id=first.pk, actor=reviewers["county"])
    assert caught.value.messages == ["申报单位已重新提交，不能撤销"]


def test_withdraw_blocked_after_first_decision(submitted, reviewers, admin_a):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    with pytest.raises(ReviewConflict) as caught:
        services.withdraw(review_id=submitted.pk, actor=admin_a)
    assert caught.value.messages == ["审核部门已作出审核，不能撤回"]


def test_withdraw_allowed_again_after_the_decision_was_revoked(submitted, reviewers, admin_a):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    services.revoke(review_id=submitted.pk, actor=reviewers["county"])
    services.withdraw(review_id=submitted.pk, actor=admin_a, reason="补充材料后再报")
    submitted.refresh_from_db()
    assert submitted.status == "withdrawn"


def test_resubmission_after_return_starts_round_two_and_history_keeps_both(
    org_kind, enterprise_a, admin_a, reviewers, status_calls
):
    first = bring_to("returned", kind=org_kind, subject=enterprise_a, submitter=admin_a,
                     county=reviewers["county"], city=reviewers["city"])
    second = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    assert (second.round, second.status, step_statuses(second)) == (2, "pending", ("pending", "waiting", "waiting"))
    history = [(e.review.round, e.action, e.level, e.actor.username, e.reason)
               for e in selectors.history_for_subject(enterprise_a)]
    assert history == [
        (1, "submitted", "", "admin_a", ""),
        (1, "returned", "county", "county_a", REASON),
        (2, "submitted", "", "admin_a", ""),
    ]
    first.refresh_from_db()
    assert first.status == "returned"
    assert status_calls == [
        ("test_org_check", enterprise_a.pk, "pending"),
        ("test_org_check", enterprise_a.pk, "returned"),
        ("test_org_check", enterprise_a.pk, "pending"),
    ]


def test_subject_is_told_of_every_overall_status_change(submitted, reviewers, enterprise_a, status_calls):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    services.decide(review_id=submitted.pk, actor=reviewers["city"], decision="approve")
    services.revoke(review_id=submitted.pk, actor=reviewers["city"])
    assert [status for _, _, status in status_calls] == ["pending", "approved", "pending"]


def test_history_rows_are_append_only(submitted):
    event = ReviewEvent.objects.get(review=submitted)
    event.reason = "改写历史"
    with pytest.raises(RuntimeError, match="append-only"):
        event.save()
    event.refresh_from_db()
    assert event.reason == ""


def test_stale_step_from_the_same_office_is_someone_else_was_faster(submitted, county_hr_a, reviewers):
    colleague = factories.UserFactory(organisation=county_hr_a, username="county_a2", real_name="金水审核员二")
    colleague.roles.add(county_hr_a.roles.create(name="审核员", permissions=["tests.decide"]))
    seen = submitted.steps.get(level="county").pk
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve", step_id=seen)
    with pytest.raises(ReviewConflict) as caught:
        services.decide(review_id=submitted.pk, actor=colleague, decision="approve", step_id=seen)
    assert caught.value.messages == ["该环节已由他人处理，请刷新页面查看最新结果"]
    assert submitted.events.filter(action="approved").count() == 1


def test_a_step_of_another_region_is_refused_without_telling_its_state(submitted, reviewers):
    seen = submitted.steps.get(level="county").pk
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve", step_id=seen)
    for actor in (reviewers["county_b"], reviewers["province"]):
        with pytest.raises(PermissionDenied) as caught:
            services.decide(review_id=submitted.pk, actor=actor, decision="approve", step_id=seen)
        assert str(caught.value) == "您不是该环节的审核人"
    filing = submitted.steps.get(level="province").pk
    with pytest.raises(PermissionDenied) as caught:
        services.decide(review_id=submitted.pk, actor=reviewers["province"], decision="approve", step_id=filing)
    assert str(caught.value) == "您不是该环节的审核人"


def test_decide_many_reports_each_failure(org_kind, dept_kind, enterprise_a, admin_a, reviewers):
    review = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    step = review.steps.get(level="county")
    outcome = services.decide_many(step_ids=[step.pk, 999999], actor=reviewers["county"])
    assert outcome.succeeded == [review.pk]
    assert outcome.failed == [(999999, "审核事项不存在")]
    outcome = services.decide_many(step_ids=[step.pk], actor=reviewers["county"])
    assert outcome.failed == [(review.pk, "该环节已由他人处理，请刷新页面查看最新结果")]


def test_submit_notifies_the_county_reviewers_only(submitted, reviewers):
    notified = set(Notification.objects.values_list("recipient__username", "title"))
    assert notified == {("county_a", "新的待审核事项：甲企业有限公司核验")}
    assert Notification.objects.get().url == f"/reviews/{submitted.pk}/"


def test_county_approval_notifies_the_city_and_final_decision_notifies_the_submitter(
    submitted, reviewers, admin_a
):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    city_titles = list(Notification.objects.filter(recipient=reviewers["city"]).values_list("title", flat=True))
    assert city_titles == ["新的待审核事项：甲企业有限公司核验"]
    assert not Notification.objects.filter(recipient=admin_a).exists()
    services.decide(review_id=submitted.pk, actor=reviewers["city"], decision="approve")
    assert list(Notification.objects.filter(recipient=admin_a).values_list("title", "url")) == [
        ("审核通过：甲企业有限公司核验", f"/reviews/{submitted.pk}/")
    ]
    assert not Notification.objects.filter(recipient=reviewers["province"]).exists()


def test_rejection_notifies_the_submitter_with_the_reason(submitted, reviewers, admin_a):
    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="reject", reason=REASON)
    assert list(Notification.objects.filter(recipient=admin_a).values_list("title", flat=True)) == [
        f"审核不通过：甲企业有限公司核验（原因：{REASON}）"
    ]


def test_every_decision_is_audited(submitted, reviewers):
    from audit.models import AuditEntry

    services.decide(review_id=submitted.pk, actor=reviewers["county"], decision="approve")
    assert list(AuditEntry.objects.filter(target_id=str(submitted.pk)).order_by("id").values_list(
        "action", "actor__username")) == [("review.submitted", "admin_a"), ("review.approve", "county_a")]


def test_unit_level_step_is_decided_by_the_units_own_administrator(status_calls, enterprise_a, admin_a, member_a):
    """Hours declarations: the unit's administrator reviews what its staff submit."""
    from reviews.registry import ReviewKind, StepSpec
    from tests.reviews.conftest import _register, _unregister

    kind = _register(ReviewKind(
        key="test_unit_hours", label="测试学时申报",
        build_chain=lambda dept: [StepSpec(level="unit", reviewer_org=dept.organisation)],
        submitter_org=lambda dept: dept.organisation, region=lambda dept: dept.organisation.region,
        title=lambda dept: f"{dept.name}学时", subject_url=lambda dept: "/", on_status=lambda **kwargs: None,
    ))
    try:
        member_a.roles.add(enterprise_a.roles.create(name="申报员", permissions=["reviews.submit"]))
        from tests.reviews.conftest import department

        review = services.submit(kind_key=kind.key, subject=department(enterprise_a), actor=member_a)
        assert [s.review_id for s in selectors.inbox_for(admin_a)] == [review.pk]
        assert list(selectors.inbox_for(member_a)) == []
        services.decide(review_id=review.pk, actor=admin_a, decision="approve")
        review.refresh_from_db()
        assert review.status == "approved"
    finally:
        _unregister(kind)

