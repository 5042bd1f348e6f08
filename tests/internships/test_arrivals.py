"""实习到岗: the enterprise confirms arrival only once the agreement is signed and a filed policy covers the
arrival date; the date lies within the internship and not ahead; a blacklisted enterprise receives nobody."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import EnterpriseProfile, Internship, InternshipStatus
from notifications.models import Notification
from tests.internships import factories as f
from timeline.models import Event

pytestmark = pytest.mark.django_db

TODAY = f.TODAY
STARTS = TODAY - datetime.timedelta(days=10)
ENDS = TODAY + datetime.timedelta(days=120)


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a, starts_on=STARTS, ends_on=ENDS)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position), status=InternshipStatus.AGREEMENT_SIGNED)


def insure(internship, school, by, **dates):
    return f.policy(school, internship.enterprise, by, [internship], starts_on=dates.get("starts_on", STARTS),
                    ends_on=dates.get("ends_on", ENDS))


def confirm(client, internship, day=TODAY):
    return client.post(reverse("internships:arrival_confirm", args=[internship.pk]), {"arrived_on": day.isoformat()},
                       follow=True)


def shown(response):
    return [str(message) for message in response.context["messages"]]


def test_arrival_is_refused_without_insurance_then_confirmed(client, admin_a, school, school_admin, student,
                                                            internship):
    client.force_login(admin_a)
    page = client.get(reverse("internships:arrivals"))
    assert page.status_code == 200 and list(page.context["object_list"]) == [internship]
    assert "未投保" in page.content.decode()
    response = confirm(client, internship)
    assert response.redirect_chain == [(reverse("internships:arrivals"), 302)]
    assert shown(response) == ["张同学：学生尚未投保实习责任保险，不能确认到岗"]
    internship.refresh_from_db()
    assert (internship.status, internship.arrived_on) == (InternshipStatus.AGREEMENT_SIGNED, None)

    insure(internship, school, school_admin)
    response = confirm(client, internship)
    assert shown(response) == ["已确认 张同学 到岗"]
    internship.refresh_from_db()
    assert (internship.status, internship.arrived_on, internship.arrival_confirmed_by) == (
        InternshipStatus.ARRIVED, TODAY, admin_a)
    entry = AuditEntry.objects.get(action="internships.internship_status")
    assert (entry.before["status"], entry.after["status"]) == ("agreement_signed", "arrived")
    assert Event.objects.filter(event="arrived", subject_id=internship.pk).count() == 1
    assert Notification.objects.filter(recipient=school_admin, title="张同学 已到达实习岗位").exists()
    assert Notification.objects.filter(recipient=student, title="张同学 已到达实习岗位").exists()
    # Once arrived, a second confirmation is refused.
    response = confirm(client, internship)
    assert shown(response) == ["张同学：实习当前状态为“已到岗”，不能变为“已到岗”"]


def test_a_policy_that_does_not_cover_the_arrival_date_does_not_count(client, admin_a, school, school_admin,
                                                                      internship):
    insure(internship, school, school_admin, starts_on=TODAY + datetime.timedelta(days=1), ends_on=ENDS)
    client.force_login(admin_a)
    assert shown(confirm(client, internship)) == ["张同学：学生尚未投保实习责任保险，不能确认到岗"]
    assert shown(confirm(client, internship, TODAY + datetime.timedelta(days=1))) == ["张同学：到岗日期不能晚于今天"]
    assert Internship.objects.get().status == InternshipStatus.AGREEMENT_SIGNED


def test_the_arrival_date_lies_within_the_internship(client, admin_a, school, school_admin, internship):
    insure(internship, school, school_admin, starts_on=STARTS - datetime.timedelta(days=30))
    client.force_login(admin_a)
    assert shown(confirm(client, internship, STARTS - datetime.timedelta(days=1))) == [
        f"张同学：到岗日期应在实习期间内（{STARTS:%Y-%m-%d} 至 {ENDS:%Y-%m-%d}）"]
    response = client.post(reverse("internships:arrival_confirm", args=[internship.pk]), {"arrived_on": "不是日期"},
                           follow=True)
    assert shown(response) == ["张同学：日期格式应为 YYYY-MM-DD"]
    assert Internship.objects.get().status == InternshipStatus.AGREEMENT_SIGNED


def test_no_arrival_before_the_agreement_is_signed(client, admin_a, school, school_admin, school_b, position,
                                                   student_b_record):
    signed = f.internship(f.application(student_b_record, position), status=InternshipStatus.SIGNED)
    insure(signed, school_b, school_admin)
    client.force_login(admin_a)
    assert shown(confirm(client, signed)) == ["李同学：三方协议签署后才能确认到岗"]
    assert Internship.objects.get().status == InternshipStatus.SIGNED


def test_a_blacklisted_enterprise_receives_no_intern(client, admin_a, school, school_admin, internship):
    insure(internship, school, school_admin)
    EnterpriseProfile.objects.filter(organisation=internship.enterprise).update(blacklisted=True)
    client.force_login(admin_a)
    assert shown(confirm(client, internship)) == ["张同学：企业已列入黑名单，不能接收实习学生"]
    assert Internship.objects.get().status == InternshipStatus.AGREEMENT_SIGNED


@pytest.mark.parametrize(("who", "status"), [
    ("admin_b", 404),  # another enterprise
    ("school_b_admin", 404),  # another school
    ("school_admin", 403),  # the school sees the internship, the arrival is the enterprise's
    ("education_reviewer", 403),
    ("education_other_reviewer", 404),
    ("county_reviewer_a", 404),  # HR, not education
    ("staff_manager_a", 404),  # enterprise A's sub-admin without the programme's permission
    ("student", 404),
])
def test_only_the_enterprise_confirms_arrival(client, request, who, status, school, school_admin, internship):
    insure(internship, school, school_admin)
    client.force_login(request.getfixturevalue(who))
    assert confirm(client, internship).status_code == status
    assert Internship.objects.get().status == InternshipStatus.AGREEMENT_SIGNED


@pytest.mark.parametrize("who", ["school_admin", "staff_manager_a", "education_reviewer", "student"])
def test_the_arrivals_page_is_the_enterprises(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("internships:arrivals")).status_code == 403


def test_the_arrivals_page_lists_only_the_own_interns_and_filters(client, admin_b, admin_a, internship):
    client.force_login(admin_b)
    assert list(client.get(reverse("internships:arrivals")).context["object_list"]) == []
    client.force_login(admin_a)
    url = reverse("internships:arrivals")
    assert list(client.get(url, {"status": "arrived"}).context["object_list"]) == []
    assert list(client.get(url, {"status": "nonsense"}).context["object_list"]) == [internship]
