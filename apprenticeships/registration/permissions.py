"""The programme's permissions (organisations.permissions) and its access rule (organisations.jurisdiction).
The codes themselves are defined once, in apprenticeships.rules."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.rules import (
    ATTENDANCE,
    AUTHORITIES,
    CLAIM,
    ENTERPRISE_KINDS,
    FILE,
    GROUP,
    INSTITUTION_KINDS,
    MANAGE_PARAMETERS,
    PROGRAMME,
    RECOGNITION,
    REVIEW,
)
from organisations.jurisdiction import register_programme
from organisations.permissions import GOVERNMENT_ONLY, register_permission


def register_permissions() -> None:
    register_permission(FILE, _("学徒制培训备案（申请备案、变更、跟踪、场地、培训人员查询）"), kinds=ENTERPRISE_KINDS,
                        group=GROUP)
    register_permission(CLAIM, _("学徒制培训补贴申领"), kinds=ENTERPRISE_KINDS, group=GROUP)
    register_permission(ATTENDANCE, _("学徒制培训考勤（培训机构、院校）"), kinds=INSTITUTION_KINDS, group=GROUP)
    register_permission(REVIEW, _("学徒制培训审核（备案、师资变更、补贴申领、统计）"), kinds=GOVERNMENT_ONLY,
                        group=GROUP)
    register_permission(RECOGNITION, _("产业技能生态链企业认定维护"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(MANAGE_PARAMETERS, _("学徒制补贴标准与规则参数维护"), kinds=GOVERNMENT_ONLY, group=GROUP)


def register_access() -> None:
    """Filings are seen by the HR departments of the enterprise's region, and inside the enterprise by members
    holding a programme permission; a named institution's members through apprenticeships.selectors.access."""
    register_programme(PROGRAMME, label=_("企业新型学徒制"), authorities=AUTHORITIES,
                       member_permissions=[FILE, CLAIM, ATTENDANCE],
                       reviewer_permissions=[REVIEW, RECOGNITION, MANAGE_PARAMETERS])
