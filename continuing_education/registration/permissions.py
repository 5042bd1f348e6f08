"""The programme's permissions (organisations.permissions) and its access rule (organisations.jurisdiction).
The codes themselves are defined once, in continuing_education.rules."""

from django.utils.translation import gettext_lazy as _

from continuing_education.rules import (
    ADDRESSED_AUTHORITIES,
    ARCHIVE,
    AUTHORITIES,
    DECLARE_CLASS,
    GROUP,
    MANAGE_HOURS,
    MANAGE_PARAMETERS,
    MANAGE_TRAINING,
    PROGRAMME,
    REVIEW,
    UNIT_KINDS,
    UNIT_PERMISSIONS,
)
from organisations.jurisdiction import register_programme
from organisations.models import OrganisationKind
from organisations.permissions import GOVERNMENT_ONLY, register_permission


def register_permissions() -> None:
    register_permission(MANAGE_TRAINING, _("继续教育培训管理（培训课程、师资、培训对接、培训班管理）"),
                        kinds=UNIT_KINDS, group=GROUP)
    register_permission(DECLARE_CLASS, _("继续教育培训班申报与培训成果上报"), kinds=UNIT_KINDS, group=GROUP)
    register_permission(MANAGE_HOURS, _("继续教育学时申报管理（代专技人员申报）"), kinds=UNIT_KINDS, group=GROUP)
    register_permission(ARCHIVE, _("继续教育培训档案"), kinds=UNIT_KINDS, group=GROUP)
    register_permission(REVIEW, _("继续教育审核（培训班申报、学时申报；单位内仅管理员审核本单位人员的学时申报）"),
                        kinds=UNIT_KINDS | {OrganisationKind.GOVERNMENT}, group=GROUP)
    register_permission(MANAGE_PARAMETERS, _("继续教育学时要求维护"), kinds=GOVERNMENT_ONLY, group=GROUP)


def register_access() -> None:
    register_programme(PROGRAMME, label=_("专业技术人员继续教育"), authorities=AUTHORITIES,
                       addressed_authorities=ADDRESSED_AUTHORITIES, member_permissions=UNIT_PERMISSIONS,
                       reviewer_permissions=[REVIEW, MANAGE_PARAMETERS])
