"""The programme's permissions (organisations.permissions) and its access rule (organisations.jurisdiction).
The codes themselves are defined once, in traineeships.rules."""

from django.utils.translation import gettext_lazy as _

from organisations.jurisdiction import register_programme
from organisations.permissions import GOVERNMENT_ONLY, NON_GOVERNMENT, register_permission
from traineeships.rules import (
    AUTHORITIES,
    FILE_BASES,
    GROUP,
    IMPORT_GRADUATES,
    MANAGE_BASE,
    MANAGE_PARAMETERS,
    PROGRAMME,
    PUBLISH_POSTS,
    REGISTER,
    REGISTER_AUTHORITIES,
    REVIEW,
)


def register_permissions() -> None:
    register_permission(MANAGE_BASE, _("见习基地申请与见习岗位管理"), kinds=NON_GOVERNMENT, group=GROUP)
    register_permission(REVIEW, _("就业见习审核（基地、岗位、协议、离岗、补贴申领；市级登记补贴拨付）"),
                        kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(PUBLISH_POSTS, _("见习岗位发布与撤销发布（市级）"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(FILE_BASES, _("见习基地报省厅备案（市级）"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(MANAGE_PARAMETERS, _("就业见习地区参数维护"), kinds=GOVERNMENT_ONLY, group=GROUP)
    register_permission(IMPORT_GRADUATES, _("高校毕业生信息库维护与导入（人社、教育部门）"), kinds=GOVERNMENT_ONLY,
                        group=GROUP)


def register_access() -> None:
    """The programme's records are seen by HR departments over the unit; the graduate register (a programme
    of its own) by HR and education departments alike."""
    register_programme(PROGRAMME, label=_("就业见习"), authorities=AUTHORITIES, member_permissions=[MANAGE_BASE],
                       reviewer_permissions=[REVIEW, PUBLISH_POSTS, FILE_BASES, MANAGE_PARAMETERS])
    register_programme(REGISTER, label=_("高校毕业生就业信息库"), authorities=REGISTER_AUTHORITIES,
                       member_permissions=[IMPORT_GRADUATES], reviewer_permissions=[IMPORT_GRADUATES])
