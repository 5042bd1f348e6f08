"""课程信息配置 (【修改】 a course, manual 003 §3.2.1.4): after approval, dates, daily times and a venue, at the
latest the day before the course (calendar days); a course already begun cannot change; inside the class
period; 线上培训 needs no venue. Each configuration is a 变更备案 record with before/after."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apprenticeships.models import ChangeKind, ChangeRecord, Course, RuleSet
from apprenticeships.services import changes as services
from audit.models import AuditEntry
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db

D = datetime.date
T = datetime.time


@pytest.fixture
def spring(enterprise_a, admin_a):
    """An approved filing whose class runs 2026-03-02 to 2027-03-01."""
    return ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 3, 2), ends_on=D(2027, 3, 1))


@pytest.fixture
def workshop(enterprise_a):
    return ap.venue(enterprise_a)


def _data(start, end, venue=None, daily=(T(8, 30), T(17, 0))):
    return {"starts_on": start, "ends_on": end, "daily_start": daily[0], "daily_end": daily[1], "venue": venue}


def _offline(filing):
    return filing.courses.get(delivery="offline")


def _online(filing):
    return filing.courses.get(delivery="online")


def test_configure_a_course_the_day_before(spring, admin_a, workshop):
    course = services.configure_course(course=_offline(spring), actor=admin_a,
                                       data=_data(D(2026, 3, 3), D(2026, 3, 5), workshop), today=D(2026, 3, 2))
    course.refresh_from_db()
    assert (course.starts_on, course.ends_on, course.venue, course.is_configured) == (
        D(2026, 3, 3), D(2026, 3, 5), workshop, True)
    assert course.configured_at is not None
    record = ChangeRecord.objects.get(filing=spring)
    assert record.kind == ChangeKind.COURSE and record.summary == "配置课程“电工基础”：2026-03-03至2026-03-05"
    assert record.before == {"starts_on": "", "ends_on": "", "daily_start": "", "daily_end": "", "venue": ""}
    assert record.after == {"starts_on": "2026-03-03", "ends_on": "2026-03-05", "daily_start": "08:30",
                            "daily_end": "17:00", "venue": "一号实训车间"}
    assert AuditEntry.objects.filter(action="apprenticeships.course_configured").count() == 1


def test_an_online_course_needs_no_venue(spring, admin_a):
    services.configure_course(course=_online(spring), actor=admin_a, data=_data(D(2026, 3, 10), D(2026, 3, 10)),
                              today=D(2026, 3, 2))
    assert Course.objects.get(pk=_online(spring).pk).is_configured


def test_too_late_is_refused(spring, admin_a, workshop):
    with pytest.raises(ValidationError) as refused:
        services.configure_course(course=_offline(spring), actor=admin_a,
                                  data=_data(D(2026, 3, 2), D(2026, 3, 5), workshop), today=D(2026, 3, 2))
    assert refused.value.message_dict == {"starts_on": ["课程信息须在开课1天前配置，开始日期最早为 2026-03-03"]}
    assert not ChangeRecord.objects.exists() and Course.objects.get(pk=_offline(spring).pk).starts_on is None


def test_a_configured_course_changes_only_as_long_as_the_rule_allows(spring, admin_a, workshop):
    services.configure_course(course=_offline(spring), actor=admin_a,
                              data=_data(D(2026, 3, 10), D(2026, 3, 12), workshop), today=D(2026, 3, 2))
    RuleSet.objects.update(course_config_days_before=3)
    with pytest.raises(ValidationError) as refused:
        services.configure_course(course=_offline(spring), actor=admin_a,
                                  data=_data(D(2026, 3, 20), D(2026, 3, 21), workshop), today=D(2026, 3, 8))
    assert refused.value.messages == ["已配置的课程须在开课3天前变更（开课日期 2026-03-10），现已不能变更"]
    services.configure_course(course=_offline(spring), actor=admin_a,
                              data=_data(D(2026, 3, 20), D(2026, 3, 21), workshop), today=D(2026, 3, 7))
    record = ChangeRecord.objects.filter(filing=spring).first()
    assert record.summary == "变更课程“电工基础”：2026-03-20至2026-03-21"
    assert (record.before["starts_on"], record.after["starts_on"]) == ("2026-03-10", "2026-03-20")


def test_a_course_already_begun_cannot_change(spring, admin_a, workshop):
    services.configure_course(course=_offline(spring), actor=admin_a,
                              data=_data(D(2026, 3, 10), D(2026, 3, 12), workshop), today=D(2026, 3, 2))
    with pytest.raises(ValidationError) as refused:
        services.configure_course(course=_offline(spring), actor=admin_a,
                                  data=_data(D(2026, 4, 10), D(2026, 4, 12), workshop), today=D(2026, 3, 11))
    assert refused.value.messages == ["课程“电工基础”已于 2026-03-10 开始，已开始的课程不能变更"]
    assert ChangeRecord.objects.filter(filing=spring).count() == 1


def test_outside_the_class_period_is_refused(spring, admin_a, workshop):
    with pytest.raises(ValidationError) as refused:
        services.configure_course(course=_offline(spring), actor=admin_a,
                                  data=_data(D(2027, 2, 27), D(2027, 3, 3), workshop), today=D(2026, 3, 2))
    assert refused.value.message_dict == {"ends_on": ["课程日期须在培训期间（2026-03-02至2027-03-01）内"]}
    with pytest.raises(ValidationError) as refused:
        services.configure_course(course=_offline(spring), actor=admin_a,
                                  data=_data(D(2026, 3, 10), D(2026, 3, 10), workshop, daily=(T(17), T(9))),
                                  today=D(2026, 3, 2))
    assert refused.value.message_dict == {"daily_end": ["每日结束时间应晚于开始时间"]}


def test_offline_needs_a_venue_of_the_own_enterprise(spring, admin_a, enterprise_b):
    for venue, message in ((None, "线下培训须选择培训场地"), (ap.venue(enterprise_b), "请选择本单位的培训场地")):
        with pytest.raises(ValidationError) as refused:
            services.configure_course(course=_offline(spring), actor=admin_a,
                                      data=_data(D(2026, 3, 10), D(2026, 3, 10), venue), today=D(2026, 3, 2))
        assert refused.value.message_dict == {"venue": [message]}


def test_only_the_enterprise_and_only_approved(spring, draft_a, admin_b, claimer_a, admin_a, workshop):
    for outsider in (admin_b, claimer_a):
        with pytest.raises(PermissionDenied):
            services.configure_course(course=_offline(spring), actor=outsider,
                                      data=_data(D(2026, 3, 10), D(2026, 3, 10), workshop), today=D(2026, 3, 2))
    with pytest.raises(ValidationError) as refused:
        services.configure_course(course=_offline(draft_a), actor=admin_a,
                                  data=_data(D(2026, 3, 10), D(2026, 3, 10), workshop), today=D(2026, 3, 2))
    assert refused.value.messages == ["只有审核通过的备案可以办理变更（当前状态：未提交）"]


# ------------------------------------------------------------------------------------------------ the screen


def test_configure_through_the_screen(client, filing_a, admin_a, enterprise_a, enterprise_b):
    workshop = ap.venue(enterprise_a)
    foreign = ap.venue(enterprise_b, name="乙企业车间")
    course = _offline(filing_a)
    start = filing_a.training_class.starts_on + datetime.timedelta(days=3)
    client.force_login(admin_a)
    url = reverse("apprenticeships:course_configure", args=[course.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "一号实训车间" in response.content.decode() and "乙企业车间" not in response.content.decode()
    response = client.post(url, {"starts_on": start.isoformat(), "ends_on": start.isoformat(),
                                 "daily_start": "09:00", "daily_end": "25:00", "venue": foreign.pk})
    assert response.status_code == 400
    assert response.context["form"].errors == {"daily_end": ["时间格式应为 08:30"],
                                               "venue": ["请选择本单位的培训场地"]}
    response = client.post(url, {"starts_on": start.isoformat(), "ends_on": start.isoformat(),
                                 "daily_start": "09:00", "daily_end": "12:00", "venue": workshop.pk}, follow=True)
    assert "课程“电工基础”的培训信息已配置" in response.content.decode()
    course.refresh_from_db()
    assert course.starts_on == start and course.venue == workshop


def test_the_screen_is_for_the_enterprise(client, filing_a, draft_a, filing_b, admin_a, admin_b, county_reviewer_a,
                                          institution_admin):
    course = _offline(filing_a)
    url = reverse("apprenticeships:course_configure", args=[course.pk])
    client.force_login(admin_b)
    assert client.get(url).status_code == 404
    for user in (county_reviewer_a, institution_admin):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:course_configure", args=[_offline(draft_a).pk]), follow=True)
    assert "只有审核通过的备案可以办理变更（当前状态：未提交）" in response.content.decode()
    assert client.get(reverse("apprenticeships:course_configure", args=[_offline(filing_b).pk])).status_code == 404
