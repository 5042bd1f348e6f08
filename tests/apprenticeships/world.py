"""The objects of the programme's access matrix (tests/apprenticeships/test_access_matrix.py): one of each kind
a URL can name, each with the user who owns it. Enterprise A (金水区, 郑州) files; the training institution is
named by its filings."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from apprenticeships.models import (
    ClaimDetails,
    ClaimMaterial,
    ClaimPerson,
    RuleSet,
    ShortageOccupation,
    SubsidyStandard,
)
from apprenticeships.rules import ATTENDANCE
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from tests import factories
from tests.apprenticeships import factories as ap
from tests.internships.factories import attachment


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
    world.update(_claims(enterprise_a, admin_a, filing))

    # --- hr --------------------------------------------------------------------------------------------------
    zhengzhou = factories.region("410100")
    world["recognition"] = Thing(ap.recognition(enterprise_a, zhengzhou, by=city_reviewer).pk, city_reviewer)
    world["standard"] = Thing(SubsidyStandard.objects.filter(region=zhengzhou).first().pk, city_reviewer)
    world["ruleset"] = Thing(RuleSet.objects.filter(region=zhengzhou).first().pk, city_reviewer)
    world["shortage"] = Thing(ShortageOccupation.objects.create(
        region=zhengzhou, year=2026, occupation="电工", uplift_rate="0.2", source="目录", set_by=city_reviewer).pk,
        city_reviewer)
    return world


def _claims(enterprise, admin, filing) -> dict:
    """A submitted advance claim (counted lines, no review needed for reading) and a draft with a person and an
    attachment (the targets of the remove URLs)."""
    month = timezone.localdate().replace(day=1)
    trainee = filing.trainees.order_by("id").first()
    made = {}
    for key, status, number in (("claim", ClaimStatus.SUBMITTED, "XTBT-2026-990001"),
                                ("claim_draft", ClaimStatus.DRAFT, "XTBT-2026-990002")):
        claim = Claim.objects.create(programme="apprenticeships", organisation=enterprise, number=number,
                                     first_month=month, last_month=month, status=status, created_by=admin,
                                     submitted_at=timezone.now() if status != ClaimStatus.DRAFT else None,
                                     submitted_by=admin if status != ClaimStatus.DRAFT else None,
                                     total=Decimal("2400.00") if status != ClaimStatus.DRAFT else Decimal("0"))
        ClaimDetails.objects.create(claim=claim, stage="advance", commitment_version="2026-01",
                                    commitment_accepted_by=admin, commitment_accepted_at=timezone.now(),
                                    contact_name="甲联系人", contact_phone="0371-66668888", bank_name="工商银行",
                                    account_name=enterprise.name, bank_account="6222021001012345678",
                                    basics_saved_at=timezone.now())
        entry = ClaimPerson.objects.create(claim=claim, trainee=trainee, added_by=admin)
        material = ClaimMaterial.objects.create(
            claim=claim, uploaded_by=admin,
            attachment=attachment("apprenticeship_claim_attachment", enterprise, admin))
        if status != ClaimStatus.DRAFT:
            ClaimLine.objects.create(claim=claim, programme="apprenticeships", organisation=enterprise, counted=True,
                                     kind=LineKind.ADVANCE, person=trainee.person, amount=Decimal("2400.00"),
                                     subject=f"apprenticeships.trainee:{trainee.pk}", explanation="预支",
                                     detail={"name": trainee.name, "id_number": trainee.id_number})
        made[key] = Thing(claim.pk, admin)
        made[f"{key}_entry"] = Thing(entry.pk, admin)
        made[f"{key}_material"] = Thing(material.pk, admin)
    return made
