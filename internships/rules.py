"""The programme's permission codes, the authorities of its access rule and the predicates its screens ask,
defined once (registered by internships.registration.permissions)."""

from django.utils.translation import gettext_lazy

from organisations.models import Authority, OrganisationKind
from organisations.rules import government_department, is_unit_member

PROGRAMME = "internships"
GROUP = gettext_lazy("职业院校学生实习")  # the programme's name in menus and the permission catalogue

# Enterprise side (manual 000 §3–§4): positions, signing, mentors, insurance, arrival, evaluation, appeals.
HOST = "internships.host"
# School side: recommending enterprises, the student roll, agreements, groups, insurance, complaints, appeals.
SCHOOL = "internships.school"
# Education departments: see the region's internships, review positions and enterprises without a registry match.
REVIEW = "internships.review"
BLACKLIST = "internships.blacklist"  # propose, decide and lift blacklistings
REGISTRY = "internships.registry"  # import the market regulator's enterprise registry
MANAGE_SETTINGS = "internships.manage_settings"  # regional settings and the list of insurers

AUTHORITIES = (Authority.EDUCATION,)
# Organisations that host interns (an on-campus production base that is a legal entity counts, regulation §1.1).
HOST_KINDS = frozenset({OrganisationKind.ENTERPRISE, OrganisationKind.PUBLIC_INSTITUTION})
SCHOOL_KINDS = frozenset({OrganisationKind.SCHOOL})


def education_department(user, level: str | None = None):
    """The user's organisation when it is an education department with a region, else None."""
    return government_department(user, authority=Authority.EDUCATION, level=level)


def is_education(user, level: str | None = None) -> bool:
    return education_department(user, level) is not None


def is_education_reviewer(user, level: str | None = None) -> bool:
    return is_education(user, level) and user.has_perm(REVIEW)


def is_host(user) -> bool:
    """A member of an enterprise (or public institution) that may host interns."""
    return is_unit_member(user) and user.organisation.kind in HOST_KINDS


def is_school(user) -> bool:
    return is_unit_member(user) and user.organisation.kind in SCHOOL_KINDS
