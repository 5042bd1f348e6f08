"""The objects of the programme's access matrix (tests/apprenticeships/test_access_matrix.py): one of each kind
a URL can name, each with the user who owns it. Enterprise A (金水区, 郑州) files; the training institution is
named by its filings."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from apprenticeships.rules import ATTENDANCE
from tests import factories
from tests.apprenticeships import factories as ap


@dataclass
class Thing:
    pk: object
    owner: object  # the user for whom the object is theirs (the "owner" persona of its rows)


def build_world(*, enterprise_a, admin_a, institution, city_reviewer):
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    draft = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status="draft")
    world = {
        "filing": Thing(filing.pk, admin_a),
        "draft": Thing(draft.pk, admin_a),
        "trainee": Thing(filing.trainees.first().pk, admin_a),
        "draft_trainee": Thing(draft.trainees.first().pk, admin_a),
        "teacher": Thing(draft.teachers.first().pk, admin_a),
        "course": Thing(filing.courses.first().pk, admin_a),
        "draft_course": Thing(draft.courses.first().pk, admin_a),
    }
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------
    # A venue of enterprise A; a course of the approved filing configured around today (its attendance is
    # recorded by the named institution).
    today = timezone.localdate()
    venue = ap.venue(enterprise_a, name="矩阵实训场地")
    attended = ap.course(filing, name="考勤课程", starts_on=today - datetime.timedelta(days=10),
                         ends_on=today + datetime.timedelta(days=10), venue=venue)
    world["venue"] = Thing(venue.pk, admin_a)
    recorder = factories.UserFactory(organisation=institution, username="matrix_recorder", real_name="矩阵考勤员")
    recorder.roles.add(institution.roles.create(name="矩阵考勤员", permissions=[ATTENDANCE]))
    world["attendance_course"] = Thing(attended.pk, recorder)

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
    return world
