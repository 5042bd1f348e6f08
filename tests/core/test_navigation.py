"""The menu shows exactly what each role can open: every entry answers 200 for every persona, one entry is
highlighted on each page, and each programme has its own section."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.navigation import NavEntry, add_programme_entry, navigation_for, register_programme
from organisations.models import Authority, Role
from regions.models import RegionLevel
from tests import factories
from tests.traineeships.helpers import submitted_base
from traineeships.models import TraineeKind, TraineeProfile

PERSONAS = ["platform", "province_hr", "city_hr", "county_hr", "education", "enterprise_admin", "unit_with_base",
            "sub_admin_staff_only", "school", "student", "job_seeker"]


@pytest.fixture
def personas(db, admin_a, admin_b, enterprise_a, enterprise_b, county_reviewer_a, county_reviewer_b, city_reviewer,
             province_reviewer, school_admin, student):
    education = factories.GovernmentFactory(
        name="郑州市教育局", authority=Authority.EDUCATION, gov_level=RegionLevel.CITY,
        region=factories.region("410100"),
    )
    staff_manager = factories.UserFactory(organisation=enterprise_a, username="staff_manager", real_name="人员管理员")
    role = Role.objects.create(organisation=enterprise_a, name="人员管理员", permissions=["organisations.manage_staff"])
    staff_manager.roles.add(role)
    submitted_base(enterprise_b, admin_b)
    seeker = factories.individual(username="seeker", real_name="求职青年")
    TraineeProfile.objects.create(person=seeker, kind=TraineeKind.YOUTH)
    return {
        "platform": factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform"),
        "province_hr": province_reviewer,
        "city_hr": city_reviewer,
        "county_hr": county_reviewer_a,
        "education": factories.org_admin(education, username="edu_city"),
        "enterprise_admin": admin_a,
        "unit_with_base": admin_b,
        "sub_admin_staff_only": staff_manager,
        "school": school_admin,
        "student": student,  # an individual who has not entered the traineeship programme
        "job_seeker": seeker,
    }


def _menu(user) -> dict[str, list[str]]:
    return {section["label"]: [item["label"] for item in section["items"]] for section in navigation_for(user, "/")}


def _active_links(html: str) -> list[str]:
    nav = html[html.index('id="praxis-nav"'):html.index("</nav>")]
    return re.findall(r'class="nav-link active"[^>]*href="([^"]+)"', nav)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_entry_shown_answers_200_with_itself_alone_highlighted(personas, persona):
    user = personas[persona]
    client = Client()
    client.force_login(user)
    failures = []
    for section in navigation_for(user, "/"):
        for item in section["items"]:
            # An entry may lead on to its current record (见习基地申请 → the submitted base), never to a sign-in.
            response = client.get(item["url"], follow=True)
            landed = response.redirect_chain[-1][0] if response.redirect_chain else item["url"]
            sent_away = response.redirect_chain and landed.endswith(("/sign-in/", "/accounts/login/"))
            if response.status_code != 200 or sent_away:
                failures.append(f"{section['label']} › {item['label']} {item['url']}: {response.status_code} {landed}")
            elif _active_links(response.content.decode()) != [item["url"]]:
                failures.append(f"{item['url']} highlights {_active_links(response.content.decode())}")
            else:
                # The import buttons on the page must open too.
                for link in set(re.findall(r'href="(/tasks/import/[^"/]+/)"', response.content.decode())):
                    status = client.get(link).status_code
                    if status != 200:
                        failures.append(f"{item['url']} offers {link}: {status}")
    assert failures == [], "\n".join(failures)


def test_platform_admin_is_not_offered_the_screens_of_an_organisation(personas):
    menu = _menu(personas["platform"])
    offered = {label for labels in menu.values() for label in labels}
    for label in ("单位信息与认证", "部门管理", "子账号管理", "角色管理", "人员信息", "见习基地申请", "见习岗位",
                  "岗位查询", "上岗人员", "批量上报", "报名审核"):
        assert label not in offered
    assert "单位名录" in menu["单位管理"]
    assert menu["系统管理"] == ["登录日志", "操作日志", "工作日历", "最低工资标准"]


def test_individual_menu_has_no_unit_management(personas):
    # Issue 7: 我的申报 (no review is submitted by a person) and 推荐实习单位 (a student's service; a trainee has
    # left school) are not a trainee's.
    assert _menu(personas["job_seeker"]) == {
        "就业见习": ["我的见习", "意向填表", "岗位报名", "我的报名"],
        # Issue 10: a person with an ID number may join their unit, and register one that is not on the platform.
        "专业技术人员继续教育": ["加入单位"],
        "个人服务": ["注册用人单位"],
        "任务中心与消息": ["任务中心", "站内消息"],
    }
    assert _menu(personas["student"]) == {
        "就业见习": ["我的见习", "见习人员身份核验"],
        # Issue 8: a person who may be at school is offered the internship programme's sign-in.
        "职业院校学生实习": ["学生身份核验"],
        "专业技术人员继续教育": ["加入单位"],
        "个人服务": ["推荐实习单位", "注册用人单位"],
        "任务中心与消息": ["任务中心", "站内消息"],
    }


def test_a_trainee_is_refused_the_student_recommendation_the_menu_hides(personas, client):
    client.force_login(personas["job_seeker"])
    assert client.get(reverse("organisations:recommend")).status_code == 403
    client.force_login(personas["student"])
    assert client.get(reverse("organisations:recommend")).status_code == 200


def test_mine_is_offered_to_individuals_once_a_review_kind_is_submitted_by_people(personas):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from accounts.models import User
    from reviews.models import Review
    from reviews.registry import ReviewKind, register, unregister

    register(ReviewKind(key="test_personal", label="个人申报", build_chain=lambda subject: [],
                        submitter_org=lambda subject: None, region=lambda subject: None,
                        title=lambda subject: "", subject_url=lambda subject: "/",
                        decide_permission="traineeships.review", submitted_by_people=True))
    try:
        # Only once the person has submitted something for themselves (a student's 实习投诉): otherwise the
        # list would stay empty for ever.
        assert "审核与申报" not in _menu(personas["job_seeker"])
        Review.objects.create(kind="test_personal", subject_type=ContentType.objects.get_for_model(User),
                              subject_id=personas["job_seeker"].pk, title="个人申报",
                              submitted_by=personas["job_seeker"], region=factories.region("410105"),
                              submitted_at=timezone.now())
        assert _menu(personas["job_seeker"])["审核与申报"] == ["我的申报"]
    finally:
        unregister("test_personal")
        Review.objects.filter(kind="test_personal").delete()
    assert "审核与申报" not in _menu(personas["job_seeker"])


def test_sub_admin_with_one_role_sees_only_that_role(personas):
    assert _menu(personas["sub_admin_staff_only"]) == {
        # Issue 10: 人员信息 decides who joins the unit (待审核的专技人员).
        "专业技术人员继续教育": ["待审核的专技人员"],
        "单位管理": ["人员信息"],
        "任务中心与消息": ["任务中心", "站内消息"],
    }


def test_unit_roster_entry_appears_once_the_unit_has_a_base(personas):
    assert "补贴花名册" not in _menu(personas["enterprise_admin"])["就业见习"]
    assert "补贴花名册" in _menu(personas["unit_with_base"])["就业见习"]


def test_task_centre_filter_offers_only_the_users_own_businesses(personas, client):
    client.force_login(personas["job_seeker"])
    html = client.get("/tasks/").content.decode()
    assert "人员信息" not in html
    client.force_login(personas["sub_admin_staff_only"])
    assert "人员信息" in client.get("/tasks/").content.decode()


def test_longest_matching_prefix_wins(personas):
    sections = navigation_for(personas["county_hr"], "/reviews/mine/?page=2")
    active = [(section["label"], item["url"]) for section in sections for item in section["items"] if item["active"]]
    assert len(active) <= 1
    sections = navigation_for(personas["enterprise_admin"], "/traineeships/posts/query/")
    active = [item["url"] for section in sections for item in section["items"] if item["active"]]
    assert active == ["/traineeships/posts/query/"]
    assert [section["label"] for section in sections if section["active"]] == ["就业见习"]


def test_a_programme_registers_its_own_section_before_the_foundation(personas):
    register_programme("test_programme", "测试项目")
    add_programme_entry("test_programme", NavEntry("测试入口", "portal:home", "house"))
    try:
        labels = [section["label"] for section in navigation_for(personas["enterprise_admin"], "/")]
        assert labels.index("测试项目") < labels.index("审核与申报")
        assert labels[0] == "就业见习"
        with pytest.raises(LookupError):
            add_programme_entry("reviews", NavEntry("x", "notifications:list"))
    finally:
        from core import navigation

        navigation._sections.pop("test_programme")


def test_a_check_marked_asked_once_per_menu_is_asked_once_per_build_and_afresh_outside(personas):
    from core.navigation import asked_once_per_menu

    calls = []

    @asked_once_per_menu
    def is_checked(user):
        calls.append(user.pk)
        return True

    register_programme("once_test", "一次性检查")
    for name in ("portal:home", "accounts:profile", "accounts:password_change"):
        add_programme_entry("once_test", NavEntry("一次", name, visible=is_checked))
    student, seeker = personas["student"], personas["job_seeker"]
    try:
        labels = [item["label"] for section in navigation_for(student, "/") for item in section["items"]]
        assert labels.count("一次") == 3
        assert calls == [student.pk]
        navigation_for(seeker, "/")
        assert calls == [student.pk, seeker.pk]
    finally:
        from core import navigation

        navigation._sections.pop("once_test")
    # Outside a build (a view asking), every call asks again: no answer outlives its menu.
    assert is_checked(student) and is_checked(student)
    assert calls == [student.pk, seeker.pk, student.pk, student.pk]


def test_no_query_repeats_while_a_students_menu_is_built(personas, school):
    """A student who is also a trainee: the entries of both programmes ask "is this person one of yours?"
    (each programme's one question, asked once)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.internships import factories as internship_factories

    student = personas["student"]
    internship_factories.student(school, person=student)
    student.mobile = "13900000001"
    student.save(update_fields=["mobile"])
    TraineeProfile.objects.create(person=student, kind=TraineeKind.YOUTH)
    with CaptureQueriesContext(connection) as queries:
        sections = navigation_for(student, "/")
    statements = [query["sql"] for query in queries.captured_queries]
    assert len(statements) == len(set(statements))
    labels = {item["label"] for section in sections for item in section["items"]}
    assert {"实习岗位", "我的实习申请", "岗位报名", "我的报名"} <= labels
