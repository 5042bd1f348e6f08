"""Review rows for the desk's counts: a class or hours declaration under review, its step pending at the unit's
administrator or at a named department (built directly: the review kinds are registered by other sections)."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from reviews.models import Review, ReviewerLevel, ReviewStep, StepStatus

CLASS_KIND = "ce_class"
HOURS_KIND = "ce_hours"


def under_review(subject, *, kind: str, by, department, at_unit: bool = False) -> Review:
    """A pending review of `subject` (a declaration or class of `subject.organisation`): for hours, a unit step
    then a step addressed to `department`; `at_unit` leaves it pending at the unit, else at the department."""
    unit = subject.organisation
    review = Review.objects.create(
        kind=kind, subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk,
        title=str(subject), submitter_org=unit, submitted_by=by, region=unit.region, submitted_at=timezone.now())
    position = 1
    if kind == HOURS_KIND:
        ReviewStep.objects.create(review=review, position=position, level=ReviewerLevel.UNIT, reviewer_org=unit,
                                  status=StepStatus.PENDING if at_unit else StepStatus.APPROVED)
        position += 1
    ReviewStep.objects.create(review=review, position=position, level=department.gov_level,
                              authority=department.authority, region=department.region, reviewer_org=department,
                              status=StepStatus.WAITING if at_unit else StepStatus.PENDING)
    return review


def hours(member, *, by, public: int = 30, professional: int = 60, year: int | None = None):
    """Credit `public` and `professional` hours to the member's year (online results on the unit's one platform,
    named per person, so several people of a unit can be credited)."""
    from continuing_education.models import OnlinePlatform, SubjectType
    from tests.continuing_education import factories as ce

    platform = (OnlinePlatform.objects.filter(organisation=member.organisation, name="桌面测试平台").first()
                or ce.platform(member.organisation, name="桌面测试平台"))
    for subject_type, amount in ((SubjectType.PUBLIC, public), (SubjectType.PROFESSIONAL, professional)):
        if amount:
            result = ce.online_result(member.organisation, by=by, member=member, hours=amount,
                                      subject_type=subject_type, year=year, on_platform=platform,
                                      course_name=f"{member.name}{subject_type}{amount}")
            ce.credit_result(result, by=by)
