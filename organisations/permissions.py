"""The catalogue of permissions an organisation administrator can put into roles (manual 004 §4).

An organisation's administrator holds every permission that applies to the organisation's kind; a
sub-administrator holds the union of the permissions of their roles. Platform administrators hold all.
Programme apps add their own entries with `register_permission` in AppConfig.ready().
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from organisations.models import OrganisationKind

ALL_KINDS = frozenset(OrganisationKind.values)
NON_GOVERNMENT = ALL_KINDS - {OrganisationKind.GOVERNMENT}
GOVERNMENT_ONLY = frozenset({OrganisationKind.GOVERNMENT})
RECOMMENDERS = frozenset({OrganisationKind.SCHOOL, OrganisationKind.GOVERNMENT})


@dataclass(frozen=True)
class PermissionSpec:
    code: str
    label: str
    kinds: frozenset
    group: str


CATALOGUE: dict[str, PermissionSpec] = {}


def register_permission(code: str, label, kinds=ALL_KINDS, group=_("单位管理")) -> None:
    CATALOGUE[code] = PermissionSpec(code=code, label=label, kinds=frozenset(kinds), group=group)


register_permission("organisations.manage_profile", _("维护单位信息（提交实名认证另需“提交申报”权限）"))
register_permission("organisations.manage_departments", _("部门管理"))
register_permission("organisations.manage_accounts", _("子账号管理（新增、重置密码、移除权限）"))
register_permission("organisations.manage_roles", _("角色管理"))
register_permission("organisations.manage_staff", _("人员信息管理（含批量导入导出）"))
register_permission("organisations.view_personal_data", _("查看完整身份证号和手机号"))
register_permission("organisations.view_logs", _("查看本单位登录日志和操作日志"))
register_permission("organisations.preregister", _("推荐录入单位"), kinds=RECOMMENDERS)
register_permission("reviews.submit", _("提交申报、撤回申报"), kinds=NON_GOVERNMENT)
register_permission("organisations.review_verification", _("单位实名认证审核（通过、不通过、退回、撤销审核）"),
                    kinds=GOVERNMENT_ONLY, group=_("审核"))


def permissions_for_kind(kind: str) -> set[str]:
    return {code for code, spec in CATALOGUE.items() if kind in spec.kinds}


def grouped_catalogue(kind: str) -> list[tuple[str, list[PermissionSpec]]]:
    groups: dict[str, list[PermissionSpec]] = {}
    for spec in CATALOGUE.values():
        if kind in spec.kinds:
            groups.setdefault(str(spec.group), []).append(spec)
    return list(groups.items())


def permissions_for_user(user) -> set[str]:
    """What accounts.backends.IdentifierBackend answers for an active user (registered in OrganisationsConfig)."""
    if user.is_superuser or user.is_staff:
        return set(CATALOGUE)
    if user.organisation_id is None:
        return set()
    allowed = permissions_for_kind(user.organisation.kind)
    if user.is_org_admin:
        return allowed
    return {code for role in user.roles.all() for code in role.permissions if code in allowed}
