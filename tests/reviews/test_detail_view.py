"""One review's page: summary, chain, history of all rounds, and the actions offered to each person, posted
both as plain forms (redirect) and through htmx (the panel is swapped)."""

import pytest

from reviews import services
from reviews.models import ReviewEvent
from tests import factories
from tests.reviews.conftest import REASON, bring_to, step_statuses

HTMX = {"HX-Request": "true"}
DECISION_FORM = 'data-testid="decision-form"'
WITHDRAW_FORM = 'data-testid="withdraw-form"'
REVOKE_FORM = 'data-testid="revoke-form"'


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def people(admin_a, member_a, county_reviewer_a, county_reviewer_b, city_reviewer, province_reviewer):
    return {"admin_a": admin_a, "member_a": member_a, "county_a": county_reviewer_a, "city": city_reviewer,
            "province": province_reviewer}


@pytest.fixture
def make(org_kind, enterprise_a, people):
    def make(state):
        return bring_to(state, kind=org_kind, subject=enterprise_a, submitter=people["admin_a"],
                        county=people["county_a"], city=people["city"])

    return make


def page_for(client, user, review):
    client.force_login(user)
    response = client.get(f"/reviews/{review.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_page_shows_summary_chain_and_subject_link(client, make, people, enterprise_a):
    review = make("pending_city")
    page = page_for(client, people["admin_a"], review)
    assert "<title>甲企业有限公司核验" in page
    assert "测试单位核验" in page
    assert "甲管理员" in page
    assert "第1次申报" in page
    assert f'href="/test-subjects/org/{enterprise_a.pk}/"' in page
    chain = page[page.index('data-testid="review-chain"'):page.index('data-testid="review-history"')]
    assert chain.index("金水区 区县") < chain.index("郑州市 市级") < chain.index("河南省 省级（备案）")
    assert [s for s in ("approved", "pending", "waiting") if f'data-step-status="{s}"' in chain] == [
        "approved", "pending", "waiting"]
    assert "金水审核员（金水区人力资源和社会保障局）" in chain


# Which action forms each person is offered, in each state.
OFFERED = [
    ("pending_county", "county_a", {DECISION_FORM}),
    ("pending_county", "city", set()),
    ("pending_county", "admin_a", {WITHDRAW_FORM}),
    ("pending_county", "member_a", set()),
    ("pending_county", "province", set()),
    ("pending_city", "county_a", {REVOKE_FORM}),
    ("pending_city", "city", {DECISION_FORM}),
    ("pending_city", "admin_a", set()),
    ("approved", "county_a", set()),
    ("approved", "city", {REVOKE_FORM}),
    ("approved", "admin_a", set()),
    ("returned", "county_a", {REVOKE_FORM}),
    ("returned", "admin_a", set()),
    ("withdrawn", "admin_a", set()),
    ("withdrawn", "county_a", set()),
]


@pytest.mark.parametrize(("state", "persona", "forms"), OFFERED, ids=[f"{s}-{p}" for s, p, _ in OFFERED])
def test_actions_offered_only_when_allowed(client, make, people, state, persona, forms):
    page = page_for(client, people[persona], make(state))
    assert {form for form in (DECISION_FORM, WITHDRAW_FORM, REVOKE_FORM) if form in page} == forms


def test_city_is_told_the_county_has_not_decided(client, make, people):
    page = page_for(client, people["city"], make("pending_county"))
    assert "下级尚未审核，暂不能审核" in page


def test_revoke_no_longer_offered_once_resubmitted(client, make, people, org_kind, enterprise_a):
    first = make("returned")
    services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=people["admin_a"])
    assert REVOKE_FORM not in page_for(client, people["county_a"], first)


def test_plain_post_approves_and_redirects(client, make, people):
    review = make("pending_county")
    step = review.steps.get(level="county")
    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/decide/", {"step_id": step.pk, "decision": "approve"},
                           follow=True)
    assert response.redirect_chain == [(f"/reviews/{review.pk}/", 302)]
    assert messages_of(response) == ["已提交审核结论：通过"]
    assert step_statuses(review) == ("approved", "pending", "waiting")
    assert REVOKE_FORM in response.content.decode()


@pytest.mark.parametrize("decision", ["reject", "return"])
def test_reason_is_required_next_to_the_field(client, make, people, decision):
    review = make("pending_county")
    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/decide/",
                           {"step_id": review.steps.get(level="county").pk, "decision": decision, "reason": "  "})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-field-error="reason">不通过或退回修改时必须填写审核意见</div>' in page
    radio = f'id="id_decision_{1 if decision == "reject" else 2}"'
    assert f'value="{decision}" class="form-check-input" {radio} required checked' in page
    review.refresh_from_db()
    assert (review.status, ReviewEvent.objects.filter(review=review).count()) == ("pending", 1)


def test_decision_is_required(client, make, people):
    review = make("pending_county")
    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/decide/", {"step_id": review.steps.get(level="county").pk})
    assert 'data-field-error="decision">请选择审核结论<' in response.content.decode()


def test_reject_with_reason_records_it(client, make, people):
    review = make("pending_county")
    client.force_login(people["county_a"])
    client.post(f"/reviews/{review.pk}/decide/",
                {"step_id": review.steps.get(level="county").pk, "decision": "reject", "reason": REASON})
    review.refresh_from_db()
    assert review.status == "rejected"
    assert review.events.get(action="rejected").reason == REASON
    page = page_for(client, people["admin_a"], review)
    assert REASON in page


def test_someone_else_was_faster_is_a_message_not_an_error(client, make, people, county_hr_a):
    review = make("pending_county")
    step = review.steps.get(level="county")
    colleague = factories.UserFactory(organisation=county_hr_a, username="county_a2", real_name="金水审核员二")
    colleague.roles.add(county_hr_a.roles.create(name="审核员", permissions=["tests.decide"]))
    services.decide(review_id=review.pk, actor=colleague, decision="approve", step_id=step.pk)

    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/decide/",
                           {"step_id": step.pk, "decision": "reject", "reason": REASON}, follow=True)
    assert response.status_code == 200
    assert messages_of(response) == ["该环节已由他人处理，请刷新页面查看最新结果"]
    assert step_statuses(review) == ("approved", "pending", "waiting")

    response = client.post(f"/reviews/{review.pk}/decide/",
                           {"step_id": step.pk, "decision": "approve"}, headers=HTMX)
    assert response.status_code == 200
    assert response.templates[0].name == "reviews/_panel.html"
    notice = '<div class="alert alert-danger" role="alert" data-testid="review-notice">'
    assert f"{notice}该环节已由他人处理，请刷新页面查看最新结果</div>" in response.content.decode()


def test_permission_denied_from_the_engine_is_a_403_page_with_the_message(client, make, people):
    review = make("pending_county")
    client.force_login(people["city"])
    for step, message in ((review.steps.get(level="city"), "下级尚未审核，暂不能审核"),
                          (review.steps.get(level="county"), "您不是该环节的审核人")):
        response = client.post(f"/reviews/{review.pk}/decide/", {"step_id": step.pk, "decision": "approve"})
        assert response.status_code == 403
        assert f'<div class="alert alert-danger" data-testid="forbidden-message">{message}</div>' in (
            response.content.decode())
    response = client.post(f"/reviews/{review.pk}/decide/",
                           {"step_id": review.steps.get(level="city").pk, "decision": "approve"}, headers=HTMX)
    assert response.status_code == 200
    assert 'data-testid="review-notice">下级尚未审核，暂不能审核</div>' in response.content.decode()
    assert step_statuses(review) == ("pending", "waiting", "waiting")


def test_htmx_decision_swaps_the_panel(client, make, people):
    review = make("pending_city")
    client.force_login(people["city"])
    response = client.post(f"/reviews/{review.pk}/decide/",
                           {"step_id": review.steps.get(level="city").pk, "decision": "approve"}, headers=HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="review-panel"')
    assert "<html" not in page
    assert 'data-testid="review-notice">已提交审核结论：通过</div>' in page
    assert 'data-event-action="filed"' in page
    assert REVOKE_FORM in page and DECISION_FORM not in page
    review.refresh_from_db()
    assert review.status == "approved"


def test_htmx_form_errors_stay_in_the_panel(client, make, people):
    review = make("pending_county")
    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/decide/",
                           {"step_id": review.steps.get(level="county").pk, "decision": "return"}, headers=HTMX)
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="review-panel"')
    assert 'data-field-error="reason">不通过或退回修改时必须填写审核意见<' in page


def test_htmx_get_returns_the_panel_only(client, make, people):
    review = make("pending_county")
    client.force_login(people["admin_a"])
    response = client.get(f"/reviews/{review.pk}/", headers=HTMX)
    assert response.content.decode().lstrip().startswith('<div id="review-panel"')


def test_submitter_withdraws(client, make, people):
    review = make("pending_county")
    client.force_login(people["admin_a"])
    response = client.post(f"/reviews/{review.pk}/withdraw/", {"withdraw-reason": "信息填错了"}, follow=True)
    assert messages_of(response) == ["已撤回申报"]
    review.refresh_from_db()
    assert review.status == "withdrawn"
    assert review.events.get(action="withdrawn").reason == "信息填错了"
    assert WITHDRAW_FORM not in response.content.decode()


def test_member_without_submit_permission_may_not_withdraw(client, make, people):
    review = make("pending_county")
    client.force_login(people["member_a"])
    response = client.post(f"/reviews/{review.pk}/withdraw/", {})
    assert response.status_code == 403
    assert "您无权撤回该事项" in response.content.decode()
    review.refresh_from_db()
    assert review.status == "pending"


def test_withdraw_after_the_first_decision_is_refused_with_a_message(client, make, people):
    review = make("pending_city")
    client.force_login(people["admin_a"])
    response = client.post(f"/reviews/{review.pk}/withdraw/", {}, follow=True)
    assert messages_of(response) == ["审核部门已作出审核，不能撤回"]
    review.refresh_from_db()
    assert review.status == "pending"


def test_county_revokes_while_city_has_not_acted(client, make, people):
    review = make("pending_city")
    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/revoke/", {"revoke-reason": "误点通过"}, headers=HTMX)
    page = response.content.decode()
    assert 'data-testid="review-notice">已撤销审核结论，事项重新回到本级待审核</div>' in page
    assert DECISION_FORM in page and REVOKE_FORM not in page
    assert step_statuses(review) == ("pending", "waiting", "waiting")
    assert review.events.get(action="revoked").reason == "误点通过"


def test_revoke_after_city_acted_is_refused_with_a_message(client, make, people):
    review = make("approved")
    client.force_login(people["county_a"])
    response = client.post(f"/reviews/{review.pk}/revoke/", {}, follow=True)
    assert messages_of(response) == ["上级已作出审核，不能撤销"]
    review.refresh_from_db()
    assert review.status == "approved"


def test_history_shows_every_round(client, make, people, org_kind, enterprise_a):
    first = make("returned")
    second = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=people["admin_a"])
    for review in (first, second):
        page = page_for(client, people["admin_a"], review)
        history = page[page.index('data-testid="review-history"'):]
        assert [line for line in ('data-event-action="submitted" data-round="1"',
                                  'data-event-action="returned" data-round="1"',
                                  'data-event-action="submitted" data-round="2"') if line in history] == [
            'data-event-action="submitted" data-round="1"',
            'data-event-action="returned" data-round="1"',
            'data-event-action="submitted" data-round="2"',
        ]
        assert history.index('data-round="1"') < history.index('data-round="2"')
    page = page_for(client, people["admin_a"], second)
    assert "第2次申报" in page
    assert f'href="/reviews/{first.pk}/"' in page


def test_only_post_changes_anything(client, make, people):
    review = make("pending_county")
    client.force_login(people["county_a"])
    for action in ("decide", "withdraw", "revoke"):
        assert client.get(f"/reviews/{review.pk}/{action}/").status_code == 405


# The revoke form says why the decision can still be taken back, as it is.
REVOKE_HINTS = [
    ("pending_city", "county_a", "本级已作出“通过”的结论，上级尚未审核，可以撤销后重新审核。"),
    ("approved", "city", "本级已作出“通过”的结论，事项已办结（审核通过）；撤销后事项重新回到本级待审核。"),
    ("returned", "county_a", "本级已作出“退回修改”的结论，事项已办结（退回修改）；撤销后事项重新回到本级待审核。"),
]


@pytest.mark.parametrize(("state", "persona", "hint"), REVOKE_HINTS, ids=[s for s, _, _ in REVOKE_HINTS])
def test_revoke_hint_tells_the_situation(client, make, people, state, persona, hint):
    page = page_for(client, people[persona], make(state))
    assert f'<p class="small text-muted mb-2" data-testid="revoke-hint">{hint}</p>' in page
    if state != "pending_city":
        assert "上级尚未审核" not in page


def test_finished_single_level_review_does_not_claim_an_upper_level(client, enterprise_a, admin_a, county_reviewer_a,
                                                                  status_calls):
    from reviews.registry import ReviewKind, government_chain
    from tests.reviews.conftest import _register, _unregister

    kind = ReviewKind(
        key="test_single_level", label="单级测试", submitter_org=lambda org: org, region=lambda org: org.region,
        build_chain=lambda org: government_chain(org.region, ["county"]),
        title=lambda org: f"{org.name}单级", subject_url=lambda org: "/", on_status=lambda **kwargs: None,
    )
    kind = _register(kind)
    try:
        review = services.submit(kind_key=kind.key, subject=enterprise_a, actor=admin_a)
        services.decide(review_id=review.pk, actor=county_reviewer_a, decision="approve")
        page = page_for(client, county_reviewer_a, review)
    finally:
        _unregister(kind)
    assert REVOKE_FORM in page
    assert "上级尚未审核" not in page
    assert "事项已办结（审核通过）" in page


def test_materials_sit_beside_the_decision_form(client, make, people):
    from reviews.materials import register_materials

    register_materials("test_org_check", lambda org, user: (
        "organisations/review_materials/verification.html", {"organisation": org}))
    try:
        page = page_for(client, people["county_a"], make("pending_county"))
    finally:
        from reviews import materials

        materials._materials.pop("test_org_check")
    materials_at = page.index('data-testid="review-materials"')
    assert page.index('data-testid="materials-organisation"') > materials_at
    assert page.index(DECISION_FORM) > page.index('data-testid="materials-organisation"')
    assert '<section class="col-lg-7 order-1" data-testid="review-materials"' in page
    assert "甲企业有限公司" in page[materials_at:page.index(DECISION_FORM)]


def test_a_kind_without_materials_points_to_its_subject_page(client, make, people):
    page = page_for(client, people["county_a"], make("pending_county"))
    assert 'data-testid="no-materials"' in page


def test_htmx_answer_swaps_the_panel_and_leaves_the_materials(client, make, people):
    review = make("pending_county")
    client.force_login(people["county_a"])
    step = review.steps.get(status="pending")
    response = client.post(f"/reviews/{review.pk}/decide/", {"step_id": step.pk, "decision": "approve"}, headers=HTMX)
    assert response.status_code == 200
    assert 'data-testid="review-materials"' not in response.content.decode()
