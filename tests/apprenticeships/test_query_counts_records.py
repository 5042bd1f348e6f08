"""The filing's record lists (考勤记录, 变更记录) and the city's 生态链认定 list run a constant number of queries
whatever the number of rows (no query per row)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import AttendanceMark, AttendanceSession, ChangeKind, ChangeRecord, EcosystemRole
from tests import factories
from tests.apprenticeships import factories as ap
from tests.list_queries import queries

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_attendance_records(client, enterprise_a, admin_a, institution, institution_admin):
    """考勤记录 of a filing: sessions of different courses and teachers, recorded by different people."""
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    courses = [ap.course(filing, name=f"考勤课程{n}", teacher_=ap.teacher(filing, name=f"师傅{n}"),
                         starts_on=TODAY - datetime.timedelta(days=30), ends_on=TODAY) for n in range(3)]

    def record(days):
        for day in days:
            course = courses[day % 3]
            session = AttendanceSession.objects.create(
                course=course, day=TODAY - datetime.timedelta(days=day), teacher=course.teacher,
                teacher_present=bool(day % 2), recorded_by=(admin_a, institution_admin)[day % 2])
            for index, trainee in enumerate(filing.trainees.order_by("id")):
                AttendanceMark.objects.create(session=session, trainee=trainee,
                                              mark=("present", "absent", "leave")[(day + index) % 3])

    url = reverse("apprenticeships:attendance_records", args=[filing.pk])
    trainee = filing.trainees.order_by("id").first()
    client.force_login(admin_a)
    record([1])
    few, few_trainee = queries(client, url), queries(client, url, {"trainee": trainee.pk})
    record(range(2, 9))
    assert queries(client, url) == few
    assert queries(client, url, {"trainee": trainee.pk}) == few_trainee
    assert "考勤课程2" in client.get(url).content.decode()


def test_change_records(client, enterprise_a, admin_a, county_reviewer_a, institution):
    """查看变更内容: changes of different kinds by different people."""
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    kinds = list(ChangeKind.values)

    def add(count, start=0):
        for n in range(start, start + count):
            actor = factories.UserFactory(organisation=enterprise_a, username=f"changer{n}", real_name=f"经办{n}")
            ChangeRecord.objects.create(filing=filing, kind=kinds[n % len(kinds)], summary=f"变更内容{n}",
                                        before={"name": f"旧{n}"}, after={"name": f"新{n}"}, actor=actor)

    url = reverse("apprenticeships:change_records", args=[filing.pk])
    client.force_login(admin_a)
    add(1)
    few = queries(client, url)
    add(6, start=1)
    assert queries(client, url) == few
    assert "变更内容6" in client.get(url).content.decode()


def test_recognitions(client, city_reviewer, enterprise_a, enterprise_b):
    """生态链认定 of the city: units of different counties, in different roles, some revoked."""
    city = factories.region("410100")
    url = reverse("apprenticeships:recognitions")
    client.force_login(city_reviewer)
    ap.recognition(enterprise_a, city, by=city_reviewer)
    few = queries(client, url)
    for n in range(6):
        organisation = (enterprise_b, factories.OrganisationFactory(name=f"认定{n}企业有限公司",
                                                                    region=factories.region("410102")))[n % 2]
        item = ap.recognition(organisation, city, role=list(EcosystemRole.values)[n % len(EcosystemRole.values)],
                              valid_from=datetime.date(2026, 1 + n, 1), by=city_reviewer)
        if n % 3 == 0:
            item.revoked_at, item.revoked_by, item.revoke_reason = timezone.now(), city_reviewer, "退出"
            item.save()
    assert queries(client, url) == few
    assert "认定5企业有限公司" in client.get(url).content.decode()
