"""The programme's permission codes, the authorities of its access rule and the predicates its screens ask,
defined once (registered by traineeships.registration.permissions)."""

from django.utils.translation import gettext_lazy

from organisations.models import Authority
from organisations.rules import government_department, is_unit_member

PROGRAMME = "traineeships"
GROUP = gettext_lazy("就业见习")  # the programme's name in menus and the permission catalogue
# The graduate register (高校毕业生就业信息库) is kept by HR and education departments alike.
REGISTER = "traineeships.register"

MANAGE_BASE = "traineeships.manage_base"
REVIEW = "traineeships.review"  # deciding the programme's reviews (ReviewKind.decide_permission)
PUBLISH_POSTS = "traineeships.publish_posts"
FILE_BASES = "traineeships.file_bases"
MANAGE_PARAMETERS = "traineeships.manage_parameters"
IMPORT_GRADUATES = "traineeships.import_graduates"

AUTHORITIES = (Authority.HUMAN_RESOURCES,)
REGISTER_AUTHORITIES = (Authority.HUMAN_RESOURCES, Authority.EDUCATION)


def hr_department(user):
    """The user's organisation when it is a human-resources department with a region, else None."""
    return government_department(user, authority=Authority.HUMAN_RESOURCES)


def is_hr(user, level: str | None = None) -> bool:
    return government_department(user, authority=Authority.HUMAN_RESOURCES, level=level) is not None


def is_hr_reviewer(user, level: str | None = None) -> bool:
    """An HR department member who decides the programme's reviews (基地名录, 统计, 花名册 of the region)."""
    return is_hr(user, level) and user.has_perm(REVIEW)


def is_unit(user) -> bool:
    return is_unit_member(user)
