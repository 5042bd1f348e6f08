"""The objects of the programme's access matrix (tests/apprenticeships/test_access_matrix.py): one of each kind
a URL can name, each with the user who owns it. Enterprise A (金水区, 郑州) files; the training institution is
named by its filings."""

from dataclasses import dataclass

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

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
    from apprenticeships.models import RuleSet, ShortageOccupation, SubsidyStandard
    from tests import factories

    zhengzhou = factories.region("410100")
    world["recognition"] = Thing(ap.recognition(enterprise_a, zhengzhou, by=city_reviewer).pk, city_reviewer)
    world["standard"] = Thing(SubsidyStandard.objects.filter(region=zhengzhou).first().pk, city_reviewer)
    world["ruleset"] = Thing(RuleSet.objects.filter(region=zhengzhou).first().pk, city_reviewer)
    world["shortage"] = Thing(ShortageOccupation.objects.create(
        region=zhengzhou, year=2026, occupation="电工", uplift_rate="0.2", source="目录", set_by=city_reviewer).pk,
        city_reviewer)
    return world
