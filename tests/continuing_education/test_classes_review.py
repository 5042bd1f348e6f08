"""The review of a class declaration: the unit's 所属人社部门 or its 主管部门 decides (and no one else); the approval
numbers the class, keeps its snapshot and, for 同步上报, reports and credits the results."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from continuing_education.models import ArchiveEntry, ArchiveYear, ClassStatus, ReportMode, ResultsStatus
from reviews.models import Review, ReviewStatus
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import decide, messages_of

pytestmark = pytest.mark.django_db


def _submitted(client, admin, unit, **fields):
    training_class = ce.training_class(unit, by=admin, **fields)
    client.force_login(admin)
    response = client.post(reverse("continuing_education:class_submit", args=[training_class.pk]))
    assert messages_of(response) == ["培训班申报已提交审核"]
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.PENDING
    return training_class


def test_enterprise_a_goes_to_its_county_hr(client, admin_a, enterprise_a, county_reviewer_a, county_reviewer_b,
                                             industry_reviewer, city_reviewer):
    training_class = _submitted(client, admin_a, enterprise_a)
    review = Review.objects.get()
    assert review.steps.get().reviewer_org_id == county_reviewer_a.organisation_id
    for outsider, status in ((county_reviewer_b, 404), (industry_reviewer, 404)):
        response = decide(client, outsider, training_class)
        assert response.status_code == status, outsider
    assert decide(client, city_reviewer, training_class).status_code == 404
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.PENDING
    response = decide(client, county_reviewer_a, training_class)
    assert response.status_code == 302
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.APPROVED
    assert training_class.number == f"JXPX-{training_class.year}-{training_class.pk:06d}"
    course = training_class.class_courses.get().course
    teacher = course.teachers.get()
    assert training_class.approved_snapshot["courses"] == [{
        "name": course.name, "subject_type": course.subject_type, "hours": str(course.hours),
        "teachers": [{"name": teacher.name, "title": teacher.title}]}]
    assert training_class.results_status == ResultsStatus.NOT_REPORTED  # 暂不上报: results later


def test_supervised_unit_goes_to_its_industry_department(client, supervised_unit, supervised_admin,
                                                         industry_reviewer, county_reviewer_a,
                                                         other_industry_reviewer):
    training_class = _submitted(client, supervised_admin, supervised_unit)
    assert Review.objects.get().steps.get().reviewer_org_id == industry_reviewer.organisation_id
    # The unit's county HR sees the class (its region) but is not the deciding department.
    response = decide(client, county_reviewer_a, training_class)
    assert response.status_code == 404
    response = decide(client, other_industry_reviewer, training_class)
    assert response.status_code == 404
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.PENDING
    decide(client, industry_reviewer, training_class)
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.APPROVED


def test_return_reject_and_resubmit(client, admin_a, enterprise_a, county_reviewer_a):
    training_class = _submitted(client, admin_a, enterprise_a)
    decide(client, county_reviewer_a, training_class, "return", "请补充课程大纲")
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.RETURNED
    client.force_login(admin_a)
    assert client.get(reverse("continuing_education:class_edit", args=[training_class.pk])).status_code == 200
    client.post(reverse("continuing_education:class_submit", args=[training_class.pk]))
    decide(client, county_reviewer_a, training_class, "reject", "培训内容与专业不符")
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.REJECTED
    client.force_login(admin_a)
    response = client.get(reverse("continuing_education:class_detail", args=[training_class.pk]))
    assert "培训内容与专业不符" in response.content.decode()


def test_withdraw_before_a_decision(client, admin_a, enterprise_a, county_reviewer_a):
    training_class = _submitted(client, admin_a, enterprise_a)
    response = client.post(reverse("continuing_education:class_withdraw", args=[training_class.pk]))
    assert messages_of(response) == ["培训班申报已撤回，可修改后重新提交"]
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.DRAFT
    assert Review.objects.get().status == ReviewStatus.WITHDRAWN
    response = client.post(reverse("continuing_education:class_withdraw", args=[training_class.pk]))
    assert messages_of(response) == ["该培训班不在审核中，无需撤回"]


def test_sync_approval_credits_the_passed_participants(client, admin_a, enterprise_a, county_reviewer_a, staff_a,
                                                       pro_b):
    today = timezone.localdate()
    training_class = ce.training_class(enterprise_a, by=admin_a, report_mode=ReportMode.SYNC,
                                       starts_on=today, ends_on=today, year=today.year)
    ce.participant(training_class, member=staff_a, hours=20)
    ce.participant(training_class, name="不合格者", id_number=ce.factories.make_id_number("19900101"), hours=10,
                   assessment="failed")
    ce.participant(training_class, name="零学时", id_number=ce.factories.make_id_number("19910101"), hours=0)
    client.force_login(admin_a)
    client.post(reverse("continuing_education:class_submit", args=[training_class.pk]))
    decide(client, county_reviewer_a, training_class)
    training_class.refresh_from_db()
    assert training_class.status == ClassStatus.APPROVED
    assert training_class.results_status == ResultsStatus.REPORTED
    year = ArchiveYear.objects.get()
    assert (year.name, year.year, year.professional_hours, year.class_hours) == (
        "王专技", today.year, Decimal("20"), Decimal("20"))
    entry = ArchiveEntry.objects.get()
    assert (entry.title, entry.occurred_on, entry.source) == (training_class.name, today, "class")


def test_results_for_an_unapproved_later_class_are_refused(client, admin_a, enterprise_a, staff_a):
    training_class = ce.training_class(enterprise_a, by=admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("continuing_education:class_report_results", args=[training_class.pk]))
    assert messages_of(response) == ["只有审核通过的暂不上报培训班才能上报培训成果"]
    response = client.post(reverse("continuing_education:participant_pick", args=[training_class.pk]),
                           {"staff": [staff_a.pk]})
    assert messages_of(response) == ["暂不上报的培训班须审核通过后才能录入报名人员和培训成果"]
    assert not training_class.participants.exists()
