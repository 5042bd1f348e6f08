"""待我审核: tabs, filters, pagination with a constant number of queries, and batch approval."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import selectors, services
from reviews.models import Review
from tests import factories
from tests.reviews.conftest import department

SHANGHAI = ZoneInfo("Asia/Shanghai")


def listed_reviews(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'<tr data-review="(\d+)"', response.content.decode())]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def submit_departments(kind, organisation, submitter, count, start=0):
    return [
        services.submit(kind_key=kind.key, subject=department(organisation, f"部门{start + n:02d}"), actor=submitter)
        for n in range(count)
    ]


def set_submitted_at(review, when):
    # Test set-up only: place a submission in a given month.
    Review.objects.filter(pk=review.pk).update(submitted_at=when)


@pytest.fixture
def county_colleague(county_hr_a):
    """A second reviewer of 金水区: a sub-administrator whose role holds the test kinds' decide permission."""
    user = factories.UserFactory(organisation=county_hr_a, username="county_a2", real_name="金水审核员二")
    user.roles.add(county_hr_a.roles.create(name="审核员", permissions=["tests.decide"]))
    return user


@pytest.fixture
def two_kinds_pending_at_city(org_kind, dept_kind, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    org_review = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    services.decide(review_id=org_review.pk, actor=county_reviewer_a, decision="approve")
    dept_review = services.submit(kind_key=dept_kind.key, subject=department(enterprise_a), actor=admin_a)
    return org_review, dept_review


def test_anonymous_is_sent_to_sign_in_and_those_without_permission_get_403(client, member_a, outsider):
    response = client.get("/reviews/inbox/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    for user in (member_a, outsider):
        client.force_login(user)
        assert client.get("/reviews/inbox/").status_code == 403
        assert client.post("/reviews/inbox/", {"step_ids": ["1"]}).status_code == 403


def test_pending_tab_lists_with_kind_submitter_and_level(client, two_kinds_pending_at_city, city_reviewer):
    org_review, dept_review = two_kinds_pending_at_city
    client.force_login(city_reviewer)
    response = client.get("/reviews/inbox/")
    assert response.status_code == 200
    assert listed_reviews(response) == [org_review.pk, dept_review.pk]  # oldest first
    page = response.content.decode()
    assert "测试单位核验" in page and "测试部门备案" in page
    assert "郑州市 市级" in page
    assert f'href="/reviews/{org_review.pk}/"' in page
    assert 'name="step_ids"' in page and "批量通过" in page


def test_kind_filter(client, two_kinds_pending_at_city, city_reviewer):
    org_review, dept_review = two_kinds_pending_at_city
    client.force_login(city_reviewer)
    assert listed_reviews(client.get("/reviews/inbox/?kind=test_dept_filing")) == [dept_review.pk]
    assert listed_reviews(client.get("/reviews/inbox/?kind=test_org_check")) == [org_review.pk]
    response = client.get("/reviews/inbox/?kind=nonsense")
    assert listed_reviews(response) == []
    assert response.context["form"].errors["kind"] == ["选择一个有效的选项。 nonsense 不在可用的选项中。"]


def test_month_filter_uses_shanghai_months(client, dept_kind, enterprise_a, admin_a, city_reviewer):
    february, march_in_shanghai, april = submit_departments(dept_kind, enterprise_a, admin_a, 3)
    set_submitted_at(february, datetime.datetime(2026, 2, 28, 15, 59, tzinfo=datetime.UTC))  # 23:59 in Shanghai
    set_submitted_at(march_in_shanghai, datetime.datetime(2026, 2, 28, 16, 0, tzinfo=datetime.UTC))  # 3-1 00:00
    set_submitted_at(april, datetime.datetime(2026, 4, 1, 0, 0, tzinfo=SHANGHAI))
    client.force_login(city_reviewer)
    assert listed_reviews(client.get("/reviews/inbox/?month=2026-02")) == [february.pk]
    assert listed_reviews(client.get("/reviews/inbox/?month=2026-03")) == [march_in_shanghai.pk]
    assert listed_reviews(client.get("/reviews/inbox/?month=2026-04")) == [april.pk]
    response = client.get("/reviews/inbox/?month=2026-13")
    assert listed_reviews(response) == []
    assert '<div class="invalid-feedback d-block" data-field-error="month">请选择正确的月份（格式：2026-03）</div>' in (
        response.content.decode())


def test_keyword_filter_on_title_and_submitter(client, dept_kind, enterprise_a, enterprise_b, admin_a, admin_b,
                                               city_reviewer):
    ours = services.submit(kind_key=dept_kind.key, subject=department(enterprise_a, "财务部"), actor=admin_a)
    theirs = services.submit(kind_key=dept_kind.key, subject=department(enterprise_b, "销售部"), actor=admin_b)
    client.force_login(city_reviewer)
    assert listed_reviews(client.get("/reviews/inbox/?q=财务")) == [ours.pk]
    assert listed_reviews(client.get("/reviews/inbox/?q=乙企业")) == [theirs.pk]
    assert listed_reviews(client.get("/reviews/inbox/?q=乙管理员")) == [theirs.pk]
    assert listed_reviews(client.get("/reviews/inbox/?q=不存在的单位")) == []


def test_decided_and_filed_tabs(client, two_kinds_pending_at_city, city_reviewer, county_reviewer_a,
                                province_reviewer):
    org_review, dept_review = two_kinds_pending_at_city
    client.force_login(county_reviewer_a)
    response = client.get("/reviews/inbox/?status=decided")
    assert listed_reviews(response) == [org_review.pk]
    assert "金水审核员" in response.content.decode()
    assert 'name="step_ids"' not in response.content.decode()  # nothing to approve in this tab
    assert listed_reviews(client.get("/reviews/inbox/?status=pending")) == []

    services.decide(review_id=org_review.pk, actor=city_reviewer, decision="approve")
    client.force_login(province_reviewer)
    assert listed_reviews(client.get("/reviews/inbox/?status=filed")) == [org_review.pk]
    assert listed_reviews(client.get("/reviews/inbox/?status=decided")) == []
    assert listed_reviews(client.get("/reviews/inbox/?status=filed&kind=test_dept_filing")) == []


def test_pages_take_a_constant_number_of_queries(client, dept_kind, enterprise_a, enterprise_b, admin_a, admin_b,
                                                 city_reviewer, django_assert_max_num_queries):
    submit_departments(dept_kind, enterprise_a, admin_a, 2)
    submit_departments(dept_kind, enterprise_b, admin_b, 1)
    client.force_login(city_reviewer)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count("/reviews/inbox/")
    submit_departments(dept_kind, enterprise_a, admin_a, 30, start=10)
    submit_departments(dept_kind, enterprise_b, admin_b, 5, start=50)
    assert count("/reviews/inbox/") == few
    assert count("/reviews/inbox/?page=2") == few
    with django_assert_max_num_queries(10):
        response = client.get("/reviews/inbox/?page=2")
    assert len(listed_reviews(response)) == 18
    assert "第 2 / 2 页，共 38 条" in response.content.decode()


def test_inbox_orders_by_submission_time_then_the_reviews_own_id(dept_kind, enterprise_a, admin_a, city_reviewer):
    reviews = submit_departments(dept_kind, enterprise_a, admin_a, 3)
    same_time = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=SHANGHAI)
    for review in reviews[1:]:
        set_submitted_at(review, same_time)
    set_submitted_at(reviews[0], same_time + datetime.timedelta(hours=1))
    steps = selectors.inbox_for(city_reviewer)
    assert [step.review_id for step in steps] == [reviews[1].pk, reviews[2].pk, reviews[0].pk]
    # The tie-breaker is read from the review's table, not the step's review_id: only then does SQLite walk the
    # review's submitted_at index and stop at the page (bench/lists.py, review inbox).
    order_by = str(steps.query).split("ORDER BY")[1]
    assert order_by.strip() == '"reviews_review"."submitted_at" ASC, "reviews_review"."id" ASC'


def test_batch_approval_reports_an_item_someone_else_decided(client, org_kind, dept_kind, enterprise_a, admin_a,
                                                             county_reviewer_a, county_colleague, city_hr):
    first = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    county_step = first.steps.get(level="county")
    client.force_login(county_reviewer_a)
    page = client.get("/reviews/inbox/").content.decode()
    assert f'name="step_ids" value="{county_step.pk}"' in page
    # Meanwhile the colleague decides it.
    services.decide(review_id=first.pk, actor=county_colleague, decision="approve", step_id=county_step.pk)

    other = factories.OrganisationFactory(name="丙企业有限公司", region=factories.region("410105"))
    other_admin = factories.org_admin(other, username="admin_c", real_name="丙管理员")
    second = services.submit(kind_key=org_kind.key, subject=other, actor=other_admin)
    second_step = second.steps.get(level="county")

    response = client.post("/reviews/inbox/?status=pending&kind=test_org_check",
                           {"step_ids": [str(county_step.pk), str(second_step.pk)]}, follow=True)
    assert response.redirect_chain == [("/reviews/inbox/?status=pending&kind=test_org_check", 302)]
    assert messages_of(response) == [
        "批量通过完成：成功 1 项",
        "「甲企业有限公司核验」未能通过：该环节已由他人处理，请刷新页面查看最新结果",
    ]
    second.refresh_from_db()
    assert second.steps.get(level="county").status == "approved"
    assert first.events.filter(action="approved").count() == 1
    assert first.events.get(action="approved").actor == county_colleague


def test_batch_approval_needs_a_selection(client, county_reviewer_a):
    client.force_login(county_reviewer_a)
    response = client.post("/reviews/inbox/", {}, follow=True)
    assert messages_of(response) == ["请先勾选要通过的事项"]
    response = client.post("/reviews/inbox/", {"step_ids": ["abc"]}, follow=True)
    assert messages_of(response) == ["所选事项无效，请刷新页面后重试"]


def test_batch_approval_of_anothers_step_is_refused(client, org_kind, enterprise_a, admin_a, county_reviewer_a,
                                                    county_reviewer_b, city_hr):
    review = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    step = review.steps.get(level="county")
    client.force_login(county_reviewer_b)
    response = client.post("/reviews/inbox/", {"step_ids": [str(step.pk)]}, follow=True)
    assert messages_of(response) == [f"「编号 {review.pk}」未能通过：您不是该环节的审核人"]
    step.refresh_from_db()
    assert step.status == "pending"


def test_navigation_entries(client, county_reviewer_a, admin_a, member_a, outsider):
    def menu(user):
        client.force_login(user)
        response = client.get("/reviews/mine/")
        return [(item["label"], item["url"], item["icon"], item["active"])
                for section in response.context["nav_sections"] if section["label"] == "审核与申报"
                for item in section["items"]]

    # On 我的申报, only that entry is highlighted.
    inbox, mine = ("待我审核", "/reviews/inbox/", "inbox", False), ("我的申报", "/reviews/mine/", "send", True)
    assert menu(county_reviewer_a) == [inbox]
    # A unit's administrator decides the unit-level step of its staff's hours declarations (continuing education,
    # the engine's unit-level rule), so 待我审核 is in its menu; its sub-administrators decide nothing.
    assert menu(admin_a) == [inbox, mine]
    assert menu(member_a) == []
    # Issue 7: no registered kind is submitted by a person, so 我的申报 is not in an individual's menu.
    assert menu(outsider) == []


def test_the_bare_address_leads_to_the_right_list(client, county_reviewer_a, member_a, outsider):
    for user, target in ((county_reviewer_a, "/reviews/inbox/"), (member_a, "/reviews/mine/"),
                         (outsider, "/reviews/mine/")):
        client.force_login(user)
        response = client.get("/reviews/")
        assert (response.status_code, response["Location"]) == (302, target)
