"""见习岗位报名 and 报名审核 through HTTP: search, apply, one pending application at a time, withdraw and apply
again, apply again after a rejection, one traineeship per lifetime, the places limit, 感兴趣, the unit's
decision, and every deny path (other unit, member without the permission, government, other individual,
wrong state)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from organisations.models import Role
from tests import factories
from tests.batch.helpers import id_number
from tests.traineeships.helpers import published_post
from traineeships.models import Application, ApplicationStatus, Placement, PlacementStatus, PostInterest, TraineeKind
from traineeships.services import individuals

SEARCH = reverse("traineeships:individual_posts")
MINE = reverse("traineeships:my_applications")
REVIEWS = reverse("traineeships:application_reviews")


def make_trainee(name="王小青", number=None, mobile="13700001111", submitted=True):
    """An individual who entered the programme, bound a mobile and (by default) submitted the intention form."""
    person = individuals.enter_programme(identity=individuals.Identity(
        name=name, id_number=number or id_number("20040101", 331), kind=TraineeKind.YOUTH, graduate=None,
        user=None))
    individuals.bind_mobile(actor=person, mobile=mobile)
    if submitted:
        individuals.submit_intention(actor=person, data={
            "household_region": factories.region("410105"), "address": "郑州市金水区花园路8号", "email": "",
            "contact_mobile": mobile, "intended_region": factories.region("410100"), "intended_post": "软件测试",
            "intended_industry": "", "intention_note": "", "education": "secondary", "major": "",
            "id_document_type": "resident_id", "id_issuing_authority": "郑州市公安局", "id_valid_from":
                datetime.date(2020, 1, 1), "id_valid_to": None, "id_valid_long_term": True,
        })
    person.refresh_from_db()
    return person


def hold_place(person, post, admin, status=PlacementStatus.ON_POST):
    """A placement made directly (its screens belong to the placements part): it holds the person's one
    traineeship and one of the post's places."""
    application = Application.objects.create(person=person, post=post, status=ApplicationStatus.APPROVED,
                                             applied_at=timezone.now())
    start = timezone.localdate()
    return Placement.objects.create(
        application=application, person=person, post=post, base=post.base, start_on=start,
        end_on=start + datetime.timedelta(days=180), monthly_allowance=Decimal("2200"),
        insurance_company="某保险公司", insurance_policy_number="P001", insurance_premium=Decimal("100"),
        insurance_sum_insured=Decimal("100000"), status=status, created_by=admin, place_number=1,
    )


@pytest.fixture
def posts(base_a, base_b, admin_a, admin_b, county_reviewer_a, county_reviewer_b, city_reviewer):
    a_reviewers = [county_reviewer_a, city_reviewer]
    return {
        "java": published_post(base_a.organisation, admin_a, a_reviewers, city_reviewer, title="Java开发见习生"),
        "account": published_post(base_a.organisation, admin_a, a_reviewers, city_reviewer, title="会计见习生",
                                  places=1),
        "sales": published_post(base_b.organisation, admin_b, [county_reviewer_b, city_reviewer], city_reviewer,
                                title="销售见习生", work_region_code="410103"),
    }


@pytest.fixture
def trainee(db):
    return make_trainee()


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


def apply(client, post):
    return client.post(reverse("traineeships:individual_apply", args=[post.pk]), follow=True)


def page_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# ---------------------------------------------------------------- the individual


def test_search_by_region_unit_and_title(trainee_client, posts):
    response = trainee_client.get(SEARCH)
    assert [post.title for post in response.context["posts"]] == ["销售见习生", "会计见习生", "Java开发见习生"]
    response = trainee_client.get(SEARCH, {"city": "410100", "county": "410105"})
    assert [post.title for post in response.context["posts"]] == ["会计见习生", "Java开发见习生"]
    response = trainee_client.get(SEARCH, {"q": "乙企业"})
    assert [post.title for post in response.context["posts"]] == ["销售见习生"]
    response = trainee_client.get(SEARCH, {"q": "Java"})
    assert [post.title for post in response.context["posts"]] == ["Java开发见习生"]


def test_apply_creates_a_pending_application_and_tells_the_unit(trainee_client, trainee, posts, admin_a):
    response = trainee_client.post(reverse("traineeships:individual_apply", args=[posts["java"].pk]))
    application = Application.objects.get(person=trainee)
    assert response.status_code == 302
    assert response["Location"] == reverse("traineeships:my_application", args=[application.pk])
    assert (application.post, application.status) == (posts["java"], ApplicationStatus.PENDING)
    note = Notification.objects.get(recipient=admin_a, title__startswith="新的见习报名")
    assert note.title == "新的见习报名：王小青 报名“Java开发见习生”"
    page = trainee_client.get(response["Location"])
    assert page.status_code == 200
    assert [entry.event for entry in page.context["history"]] == ["created"]
    assert 'data-testid="withdraw"' in page.content.decode()


def test_second_pending_application_is_refused(trainee_client, trainee, posts):
    apply(trainee_client, posts["java"])
    response = apply(trainee_client, posts["sales"])
    assert page_messages(response) == ["您已有一个待审核的报名，每人同一时间只能报名一个岗位；如需改报，请先撤销原报名"]
    assert list(Application.objects.filter(person=trainee).values_list("post__title", "status")) == [
        ("Java开发见习生", "pending")]


def test_withdraw_while_pending_then_apply_again(trainee_client, trainee, posts):
    apply(trainee_client, posts["java"])
    application = Application.objects.get(person=trainee)
    response = trainee_client.post(reverse("traineeships:my_application_withdraw", args=[application.pk]),
                                   follow=True)
    assert page_messages(response) == ["已撤销报名，可以重新选择岗位报名"]
    application.refresh_from_db()
    assert (application.status, application.withdrawn_at is not None) == (ApplicationStatus.WITHDRAWN, True)
    response = trainee_client.post(reverse("traineeships:my_application_withdraw", args=[application.pk]),
                                   follow=True)
    assert page_messages(response) == ["只有待审核的报名可以撤销（当前：已撤销报名）"]
    apply(trainee_client, posts["sales"])
    assert sorted(Application.objects.filter(person=trainee).values_list("post__title", "status")) == [
        ("Java开发见习生", "withdrawn"), ("销售见习生", "pending")]


def test_apply_again_after_a_rejection(client, trainee, posts, admin_a):
    client.force_login(trainee)
    apply(client, posts["java"])
    application = Application.objects.get(person=trainee)
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:application_decide", args=[application.pk]),
                           {"decision": "reject", "reason": "专业不符"}, follow=True)
    assert page_messages(response) == ["已审核不通过"]
    application.refresh_from_db()
    assert (application.status, application.reason, application.decided_by) == ("rejected", "专业不符", admin_a)
    note = Notification.objects.get(recipient=trainee)
    assert (note.title, note.body) == ("您报名的见习岗位“Java开发见习生”审核不通过", "专业不符")
    client.force_login(trainee)
    apply(client, posts["java"])
    assert Application.objects.filter(person=trainee, status="pending").count() == 1


def test_intention_form_is_required_before_applying(client, posts):
    person = make_trainee(name="未填表", number=id_number("20030303", 553), mobile="13700003333", submitted=False)
    client.force_login(person)
    response = apply(client, posts["java"])
    assert page_messages(response) == ["请先填写并提交见习意向表，再报名见习岗位"]
    assert not Application.objects.filter(person=person).exists()


def test_one_traineeship_per_lifetime(trainee_client, trainee, posts, admin_b):
    hold_place(trainee, posts["sales"], admin_b, status=PlacementStatus.ENDED)
    response = apply(trainee_client, posts["java"])
    assert page_messages(response) == ["您已参加过就业见习，每人只有一次见习机会"]
    assert not Application.objects.filter(person=trainee, post=posts["java"]).exists()
    page = trainee_client.get(MINE)
    assert page.context["blocked"] == "您已参加过就业见习，每人只有一次见习机会"
    assert page.context["rows"][0]["placement"].status == PlacementStatus.ENDED


def test_a_post_whose_places_are_held_takes_no_more_applications(trainee_client, trainee, posts, admin_a):
    other = make_trainee(name="先上岗", number=id_number("20030404", 664), mobile="13700004444")
    hold_place(other, posts["account"], admin_a)
    response = apply(trainee_client, posts["account"])
    assert page_messages(response) == ["该岗位招募人数已满，请选择其他岗位"]
    assert not Application.objects.filter(person=trainee).exists()


def test_unpublished_posts_cannot_be_opened_or_applied_to(trainee_client, trainee, posts, admin_a):
    trainee_client.force_login(admin_a)
    trainee_client.post(reverse("traineeships:post_unpublish", args=[posts["java"].pk]))
    trainee_client.force_login(trainee)
    assert trainee_client.get(reverse("traineeships:individual_post", args=[posts["java"].pk])).status_code == 404
    response = trainee_client.post(reverse("traineeships:individual_apply", args=[posts["java"].pk]))
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_interest_is_marked_and_removed(trainee_client, trainee, posts):
    url = reverse("traineeships:individual_interest", args=[posts["java"].pk])
    response = trainee_client.post(url, {"interested": "1"}, follow=True)
    assert page_messages(response) == ["已标记为感兴趣"]
    assert list(PostInterest.objects.values_list("person", "post")) == [(trainee.pk, posts["java"].pk)]
    trainee_client.post(url, {"interested": "1"}, follow=True)
    assert PostInterest.objects.count() == 1
    response = trainee_client.post(url, {"interested": "0"}, follow=True)
    assert page_messages(response) == ["已取消感兴趣"]
    assert not PostInterest.objects.exists()


def test_individual_cannot_see_another_persons_application(client, trainee, posts):
    client.force_login(trainee)
    apply(client, posts["java"])
    application = Application.objects.get(person=trainee)
    other = make_trainee(name="旁人", number=id_number("20030505", 775), mobile="13700005555")
    client.force_login(other)
    assert client.get(reverse("traineeships:my_application", args=[application.pk])).status_code == 404
    response = client.post(reverse("traineeships:my_application_withdraw", args=[application.pk]))
    assert response.status_code == 404
    assert client.get(MINE).context["rows"] == []
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING


def test_units_and_governments_do_not_reach_the_individual_pages(client, admin_a, county_reviewer_a, posts):
    for user in (admin_a, county_reviewer_a):
        client.force_login(user)
        assert client.get(SEARCH).status_code == 403
        assert client.post(reverse("traineeships:individual_apply", args=[posts["java"].pk])).status_code == 403


# ---------------------------------------------------------------- the unit: 报名审核


@pytest.fixture
def pending(client, trainee, posts):
    client.force_login(trainee)
    apply(client, posts["java"])
    client.logout()
    return Application.objects.get(person=trainee)


def test_unit_lists_filters_and_approves(client, pending, trainee, posts, admin_a):
    client.force_login(admin_a)
    response = client.get(REVIEWS)
    assert [application.pk for application in response.context["object_list"]] == [pending.pk]
    assert client.get(REVIEWS, {"status": "rejected"}).context["object_list"].__len__() == 0
    assert [a.pk for a in client.get(REVIEWS, {"post": posts["java"].pk}).context["object_list"]] == [pending.pk]
    # A malformed filter (another unit's post, an unknown status): its message beside the field and nothing
    # listed, not the unit's applications less filtered than asked.
    for query, field, message in (({"post": posts["sales"].pk}, "post", "请选择本单位的岗位"),
                                  ({"status": "bogus"}, "status", "没有该状态，请从列表中选择")):
        response = client.get(REVIEWS, query)
        assert response.status_code == 200 and list(response.context["object_list"]) == []
        assert response.context["filter_form"].errors == {field: [message]}
        assert message in response.content.decode()
    detail = client.get(reverse("traineeships:application_review", args=[pending.pk]))
    content = detail.content.decode()
    assert "软件测试" in content and "郑州市公安局" not in content  # intention shown; ID document details not
    response = client.post(reverse("traineeships:application_decide", args=[pending.pk]),
                           {"decision": "approve", "reason": ""}, follow=True)
    assert page_messages(response) == ["已审核通过"]
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (ApplicationStatus.APPROVED, admin_a)
    assert Notification.objects.get(recipient=trainee).title == "您报名的见习岗位“Java开发见习生”审核通过"
    assert not Placement.objects.exists()  # approval does not onboard
    history = [(entry.actor_name, entry.status) for entry in response.context["history"]]
    assert history == [("王小青", "pending"), ("甲管理员", "approved")]
    # Approved and waiting for onboarding: no other application meanwhile.
    client.force_login(trainee)
    response = apply(client, posts["sales"])
    assert page_messages(response) == ["您报名的“Java开发见习生”已审核通过，请等待单位办理录用上岗登记"]


def test_rejection_needs_a_reason(client, pending, admin_a):
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:application_decide", args=[pending.pk]),
                           {"decision": "reject", "reason": " "})
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["请填写不通过原因"]
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.PENDING


def test_approving_a_withdrawn_application_is_refused(client, pending, trainee, admin_a):
    client.force_login(trainee)
    client.post(reverse("traineeships:my_application_withdraw", args=[pending.pk]))
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:application_decide", args=[pending.pk]),
                           {"decision": "approve"}, follow=True)
    assert page_messages(response) == ["该报名当前状态为“已撤销报名”，不能审核"]
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.WITHDRAWN


def test_another_unit_cannot_see_or_decide(client, pending, admin_b):
    client.force_login(admin_b)
    assert client.get(REVIEWS).context["object_list"].__len__() == 0
    assert client.get(reverse("traineeships:application_review", args=[pending.pk])).status_code == 404
    response = client.post(reverse("traineeships:application_decide", args=[pending.pk]), {"decision": "approve"})
    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.PENDING


def test_member_without_manage_base_and_government_get_403(client, pending, member_a, county_reviewer_a,
                                                           city_reviewer, trainee):
    for user in (member_a, county_reviewer_a, city_reviewer, trainee):
        client.force_login(user)
        assert client.get(REVIEWS).status_code == 403
        assert client.get(reverse("traineeships:application_review", args=[pending.pk])).status_code == 403
        response = client.post(reverse("traineeships:application_decide", args=[pending.pk]), {"decision": "approve"})
        assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.PENDING


def test_personal_data_is_masked_without_view_personal_data(client, pending, enterprise_a, trainee):
    role = Role.objects.create(organisation=enterprise_a, name="报名审核员", permissions=["traineeships.manage_base"])
    clerk = factories.UserFactory(organisation=enterprise_a, username="clerk_a", real_name="审核员")
    clerk.roles.add(role)
    client.force_login(clerk)
    content = client.get(REVIEWS).content.decode()
    assert trainee.id_number not in content
    assert f"{trainee.id_number[:4]}**********{trainee.id_number[-4:]}" in content
    assert "137****1111" in content
    detail = client.get(reverse("traineeships:application_review", args=[pending.pk])).content.decode()
    assert trainee.id_number not in detail and "13700001111" not in detail
