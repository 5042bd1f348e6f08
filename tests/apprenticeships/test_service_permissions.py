"""The services themselves refuse an actor the screens would refuse, whatever entry point calls them (screen,
import, a future API): another enterprise, a sub-admin without the permission, an institution not named."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from apprenticeships.models import AttendanceSession, Filing, FilingStatus, Mark, Venue
from apprenticeships.services import attendance, tracking, venues
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db


def test_only_the_enterprise_s_filers_cancel_its_class(filing_a, admin_b, member_a, institution_admin, admin_a):
    for actor in (admin_b, member_a, institution_admin):
        with pytest.raises(PermissionDenied):
            tracking.cancel_class(filing=filing_a, actor=actor, reason="测试")
    assert Filing.objects.get(pk=filing_a.pk).status == FilingStatus.APPROVED
    tracking.cancel_class(filing=filing_a, actor=admin_a, reason="企业停产")
    assert Filing.objects.get(pk=filing_a.pk).status == FilingStatus.CANCELLED


def test_only_the_enterprise_s_filers_keep_its_venues(enterprise_a, admin_a, admin_b, member_a):
    venue = ap.venue(enterprise_a)
    data = {"name": "改名", "region": enterprise_a.region, "address": "地址", "capacity": 10,
            "latitude": None, "longitude": None}
    for actor in (admin_b, member_a):
        with pytest.raises(PermissionDenied):
            venues.create_venue(organisation=enterprise_a, actor=actor, data=data)
        with pytest.raises(PermissionDenied):
            venues.update_venue(venue=venue, actor=actor, data=data)
        with pytest.raises(PermissionDenied):
            venues.delete_venue(venue=venue, actor=actor)
    assert list(Venue.objects.values_list("name", flat=True)) == ["一号实训车间"]


def test_only_the_named_institution_records_attendance(filing_a, enterprise_a, institution_b_admin, admin_a,
                                                       institution_admin):
    today = timezone.localdate()
    course = ap.course(filing_a, name="考勤课程", starts_on=today - datetime.timedelta(days=3), ends_on=today,
                       venue=ap.venue(enterprise_a))
    marks = {trainee.pk: Mark.PRESENT for trainee in filing_a.trainees.all()}
    for actor in (institution_b_admin, admin_a):  # the enterprise records only for an "other" institution
        with pytest.raises(PermissionDenied):
            attendance.record_attendance(course=course, actor=actor, day=today, teacher=course.teacher,
                                         teacher_present=True, marks=marks)
    assert not AttendanceSession.objects.exists()
    attendance.record_attendance(course=course, actor=institution_admin, day=today, teacher=course.teacher,
                                 teacher_present=True, marks=marks)
    assert AttendanceSession.objects.count() == 1
