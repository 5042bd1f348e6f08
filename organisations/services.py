"""Writes of the organisations app: the verification status and gate, and departments.

The profile page and its submission for real-name verification are in verification.services.

Registration paths live in organisations.services_registration; roles and sub-administrator accounts in
organisations.services_accounts. Every function runs in one transaction and records an audit entry."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from audit.state import StateMachine
from organisations.models import (
    VERIFICATION_TRANSITIONS,
    Department,
    Organisation,
    VerificationStatus,
)

VERIFICATION_KIND = "organisation_verification"

def verification_levels() -> list[str]:
    return list(getattr(settings, "ORG_VERIFICATION_LEVELS", ["county"]))


def require_verified(organisation: Organisation) -> None:
    """The gate every programme calls before submitting or publishing anything for an organisation."""
    if organisation is None or not organisation.is_verified:
        raise ValidationError(_("单位尚未通过实名认证，暂不能提交或发布"), code="organisation_unverified")


def _verified_at(organisation: Organisation, current, new, actor) -> dict:
    if new == VerificationStatus.VERIFIED:
        return {"verified_at": timezone.now()}
    if current == VerificationStatus.VERIFIED:
        return {"verified_at": None}
    return {}


VERIFICATION_STATES = StateMachine(
    model=Organisation, transitions=VERIFICATION_TRANSITIONS, action="organisations.verification_status",
    field="verification_status", noun=_("单位实名认证"), refusal="%(noun)s状态为“%(status)s”，不能变为“%(new)s”",
    stamps=_verified_at,
)


def set_verification_status(organisation: Organisation, new_status: str, *, actor) -> None:
    """The only writer of Organisation.verification_status (through the verification kind's status map)."""
    VERIFICATION_STATES.move(organisation, VerificationStatus(new_status), actor=actor)


# --- Departments (manual 004 §8) -----------------------------------------------------------------

def _check_department_name(organisation, name: str, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("请输入部门名称")})
    taken = Department.objects.filter(organisation=organisation, name=name)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"name": _("本单位已有名为“%(name)s”的部门") % {"name": name}})
    return name


def _check_parent(organisation, department, parent) -> None:
    if parent is None:
        return
    if parent.organisation_id != organisation.pk:
        raise ValidationError({"parent": _("上级部门不属于本单位")})
    node = parent
    while node is not None:
        if department is not None and node.pk == department.pk:
            raise ValidationError({"parent": _("上级部门不能是本部门或其下级部门")})
        node = node.parent


@transaction.atomic
def create_department(*, organisation: Organisation, actor, name: str, parent: Department | None = None) -> Department:
    name = _check_department_name(organisation, name)
    _check_parent(organisation, None, parent)
    department = Department.objects.create(organisation=organisation, name=name, parent=parent)
    record(actor=actor, action="organisations.department_created", target=department,
           after={"name": name, "parent": parent.pk if parent else None})
    return department


@transaction.atomic
def update_department(*, department: Department, actor, name: str, parent: Department | None = None) -> Department:
    locked = Department.objects.select_for_update().get(pk=department.pk)
    name = _check_department_name(locked.organisation, name, exclude_pk=locked.pk)
    _check_parent(locked.organisation, locked, parent)
    before = snapshot(locked, ["name", "parent"])
    locked.name, locked.parent = name, parent
    locked.save(update_fields=["name", "parent"])
    record(actor=actor, action="organisations.department_updated", target=locked, before=before,
           after=snapshot(locked, ["name", "parent"]))
    return locked


@transaction.atomic
def delete_department(*, department: Department, actor) -> None:
    locked = Department.objects.select_for_update().get(pk=department.pk)
    members = locked.members.count()
    if members:
        raise ValidationError(
            _("部门“%(name)s”下还有 %(n)d 个账号，请先调整这些账号的部门后再删除") % {"name": locked.name, "n": members}
        )
    if locked.children.exists():
        raise ValidationError(_("部门“%(name)s”还有下级部门，请先删除或调整下级部门") % {"name": locked.name})
    record(actor=actor, action="organisations.department_deleted", target=locked, before={"name": locked.name})
    locked.delete()
