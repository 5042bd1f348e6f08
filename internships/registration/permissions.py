"""The programme's permissions (organisations.permissions) and its access rule (organisations.jurisdiction).
The codes themselves are defined once, in internships.rules."""

from django.utils.translation import gettext_lazy as _

from internships.rules import (
    AUTHORITIES,
    BLACKLIST,
    GROUP,
    HOST,
    HOST_KINDS,
    MANAGE_SETTINGS,
    PROGRAMME,
    REGISTRY,
    REVIEW,
    SCHOOL,
    SCHOOL_KINDS,
)
from organisations.jurisdiction import register_programme
from organisations.permissions import GOVERNMENT_ONLY, register_permission


def register_permissions() -> None:
    register_permission(HOST, _("实习企业管理（岗位、签约、分组师傅、保险、到岗、评价、申诉）"), kinds=HOST_KINDS,
                        group=GROUP)
    register_permission(SCHOOL, _("学校实习管理（推荐企业、学生名册、协议、分组、保险、投诉处理、统计）"),
                        kinds=SCHOOL_KINDS, group=GROUP)
    register_permission(REVIEW, _("实习监管（查看辖区实习、企业入库审查、岗位审核）"), kinds=GOVERNMENT_ONLY,
                        group=GROUP)
    register_permission(BLACKLIST, _("实习企业黑名单（提出、审核、移出）"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(REGISTRY, _("企业登记信息库导入（市场监管部门数据）"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(MANAGE_SETTINGS, _("实习地区设置与保险机构名单维护"), kinds=GOVERNMENT_ONLY, group=GROUP)


def register_access() -> None:
    """Internships are seen by the education departments over the enterprise or the school (both relations go
    through the same rule: internships.selectors.access), and inside an organisation by members holding the
    host or school permission."""
    register_programme(PROGRAMME, label=_("职业院校学生实习"), authorities=AUTHORITIES,
                       member_permissions=[HOST, SCHOOL],
                       reviewer_permissions=[REVIEW, BLACKLIST, REGISTRY, MANAGE_SETTINGS])
