"""Roles and sub-administrator accounts (manual 004 §4 管理员管理).

The rule that keeps this safe: nobody hands out more than they hold. Role permissions must apply to the
organisation's kind; a sub-administrator (unlike the organisation's administrator) may only put into roles
and give to accounts the permissions they hold themselves, and may only manage accounts whose permissions
are within their own. The administrator's own account is never edited, reset or removed here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User, UserKind
from audit.services import record
from organisations.models import Department, Organisation, Role
from organisations.permissions import CATALOGUE, permissions_for_kind


def _is_owner(actor, organisation: Organisation) -> bool:
    """The organisation's administrator, or platform staff: may hand out anything the kind allows."""
    return actor.is_staff or actor.is_superuser or (actor.is_org_admin and actor.organisation_id == organisation.pk)


def grantable_permissions(actor, organisation: Organisation) -> set[str]:
    allowed = permissions_for_kind(organisation.kind)
    if _is_owner(actor, organisation):
        return allowed
    return allowed & actor.get_all_permissions()


def role_permissions(role: Role) -> set[str]:
    return set(role.permissions) & permissions_for_kind(role.organisation.kind)


def account_permissions(account: User) -> set[str]:
    if account.is_org_admin:
        return permissions_for_kind(account.organisation.kind)
    codes = set()
    for role in account.roles.all():
        codes |= role_permissions(role)
    return codes


def can_manage_role(actor, role: Role) -> bool:
    return role_permissions(role) <= grantable_permissions(actor, role.organisation)


def can_manage_account(actor, account: User) -> bool:
    if account.is_org_admin or account.pk == actor.pk:
        return False
    return account_permissions(account) <= grantable_permissions(actor, account.organisation)


def _clean_permissions(actor, organisation, codes) -> list[str]:
    codes = set(codes)
    unknown = codes - set(CATALOGUE)
    not_for_kind = (codes - unknown) - permissions_for_kind(organisation.kind)
    if unknown or not_for_kind:
        raise ValidationError({"permissions": _("所选权限不适用于本单位")})
    beyond = codes - grantable_permissions(actor, organisation)
    if beyond:
        labels = "、".join(sorted(str(CATALOGUE[code].label) for code in beyond))
        raise ValidationError({"permissions": _("您不能授予自己没有的权限：%(labels)s") % {"labels": labels}})
    # Stored in catalogue order so the audit before/after compare cleanly.
    return [code for code in CATALOGUE if code in codes]


def _clean_role_name(organisation, name: str, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("请输入角色名称")})
    taken = Role.objects.filter(organisation=organisation, name=name)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"name": _("本单位已有名为“%(name)s”的角色") % {"name": name}})
    return name


@transaction.atomic
def create_role(*, organisation: Organisation, actor, name: str, description: str = "", permissions=()) -> Role:
    name = _clean_role_name(organisation, name)
    codes = _clean_permissions(actor, organisation, permissions)
    role = Role.objects.create(organisation=organisation, name=name, description=description.strip(),
                               permissions=codes)
    record(actor=actor, action="organisations.role_created", target=role, after={"name": name, "permissions": codes})
    return role


@transaction.atomic
def update_role(*, role: Role, actor, name: str, description: str = "", permissions=()) -> Role:
    locked = Role.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=role.pk)
    if not can_manage_role(actor, locked):
        raise PermissionDenied(_("该角色包含您没有的权限，您不能修改"))
    name = _clean_role_name(locked.organisation, name, exclude_pk=locked.pk)
    codes = _clean_permissions(actor, locked.organisation, permissions)
    before = {"name": locked.name, "description": locked.description, "permissions": list(locked.permissions)}
    locked.name, locked.description, locked.permissions = name, description.strip(), codes
    locked.save(update_fields=["name", "description", "permissions"])
    record(actor=actor, action="organisations.role_updated", target=locked, before=before,
           after={"name": name, "description": locked.description, "permissions": codes})
    return locked


@transaction.atomic
def delete_role(*, role: Role, actor) -> list[str]:
    """Delete the role; the accounts holding it lose it. Returns those accounts' names."""
    locked = Role.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=role.pk)
    if not can_manage_role(actor, locked):
        raise PermissionDenied(_("该角色包含您没有的权限，您不能删除"))
    holders = [user.username for user in locked.users.order_by("username")]
    record(actor=actor, action="organisations.role_deleted", target=locked,
           before={"name": locked.name, "permissions": list(locked.permissions), "holders": holders})
    locked.delete()
    return holders


def _check_roles_and_department(actor, organisation, roles, department) -> None:
    for role in roles:
        if role.organisation_id != organisation.pk:
            raise ValidationError({"roles": _("所选角色不属于本单位")})
        if not can_manage_role(actor, role):
            raise ValidationError({"roles": _("角色“%(name)s”包含您没有的权限，您不能分配") % {"name": role.name}})
    if department is not None and department.organisation_id != organisation.pk:
        raise ValidationError({"department": _("所选部门不属于本单位")})


@transaction.atomic
def create_sub_account(*, organisation: Organisation, actor, username: str, real_name: str, mobile: str,
                       password: str, department: Department | None = None, roles=()) -> User:
    """新增子管理员. The form has checked the login name, the mobile and the password rules."""
    roles = list(roles)
    _check_roles_and_department(actor, organisation, roles, department)
    account = User(username=username, real_name=real_name, mobile=mobile, kind=UserKind.ORGANISATION,
                   organisation=organisation, department=department, is_org_admin=False)
    account.set_password(password)
    try:
        with transaction.atomic():
            account.save()
    except IntegrityError:
        if User.objects.filter(mobile=mobile).exists():
            raise ValidationError({"mobile": _("该手机号已被其他账号使用")}) from None
        raise ValidationError({"username": _("该登录名已被使用，请换一个")}) from None
    account.roles.set(roles)
    record(actor=actor, action="organisations.account_created", target=account,
           after={"username": username, "department": department.pk if department else None,
                  "roles": sorted(role.name for role in roles)})
    return account


def _lock_account(actor, account: User) -> User:
    locked = User.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=account.pk)
    if locked.is_org_admin:
        raise PermissionDenied(_("单位管理员账号不能在此修改、重置密码或移除"))
    if locked.pk == actor.pk:
        raise PermissionDenied(_("不能修改自己的账号权限，请联系单位管理员"))
    if not can_manage_account(actor, locked):
        raise PermissionDenied(_("该账号拥有您没有的权限，您不能管理"))
    return locked


@transaction.atomic
def update_sub_account(*, account: User, actor, real_name: str, department: Department | None, roles) -> User:
    locked = _lock_account(actor, account)
    roles = list(roles)
    _check_roles_and_department(actor, locked.organisation, roles, department)
    before = {"real_name": locked.real_name, "department": locked.department_id,
              "roles": sorted(role.name for role in locked.roles.all())}
    locked.real_name = real_name.strip()
    locked.department = department
    locked.save(update_fields=["real_name", "department"])
    locked.roles.set(roles)
    record(actor=actor, action="organisations.account_updated", target=locked, before=before,
           after={"real_name": locked.real_name, "department": department.pk if department else None,
                  "roles": sorted(role.name for role in roles)})
    return locked


@transaction.atomic
def reset_sub_account_password(*, account: User, actor, new_password: str) -> None:
    """The administrator types a new password for a sub-administrator (manual 004 §4.1 重置密码); a freeze
    from wrong passwords is lifted with it."""
    locked = _lock_account(actor, account)
    locked.set_password(new_password)
    locked.failed_login_count = 0
    locked.locked_until = None
    locked.save(update_fields=["password", "failed_login_count", "locked_until"])
    record(actor=actor, action="organisations.account_password_reset", target=locked)


@transaction.atomic
def set_sub_account_active(*, account: User, actor, active: bool) -> User:
    """移除管理权限 (deactivate: the account can no longer sign in) or restore it."""
    locked = _lock_account(actor, account)
    if locked.is_active == active:
        return locked
    locked.is_active = active
    locked.save(update_fields=["is_active"])
    record(actor=actor, action="organisations.account_reactivated" if active else "organisations.account_deactivated",
           target=locked, before={"is_active": not active}, after={"is_active": active})
    return locked
