"""Archive factories: hours credited to a person's year through the archive's one writer (online results of one
platform per unit, each result its own course so that a person may be credited several times)."""

import itertools

from continuing_education.models import OnlinePlatform, SubjectType
from tests.continuing_education import factories as ce

_numbers = itertools.count(1)


def credit_hours(member, *, by, public=0, professional=0, year=None, online=True):
    """Credit `public` and `professional` hours to the member's year (as online results of the member's unit)."""
    platform = OnlinePlatform.objects.filter(organisation=member.organisation, name="档案测试平台").first() or (
        ce.platform(member.organisation, name="档案测试平台"))
    entries = []
    for subject_type, hours in ((SubjectType.PUBLIC, public), (SubjectType.PROFESSIONAL, professional)):
        if hours:
            result = ce.online_result(member.organisation, by=by, member=member, hours=hours,
                                      subject_type=subject_type, year=year, on_platform=platform,
                                      course_name=f"{SubjectType(subject_type).label}课程{next(_numbers)}")
            entries.append(ce.credit_result(result, by=by))
    return entries
