"""Writes of the organisations app: profile, real-name verification, departments, and the verification gate.

Registration paths live in organisations.services_registration; roles and sub-administrator accounts in
organisations.services_accounts. Every function runs in one transaction and records an audit entry."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import record, snapshot
from audit.state import StateMachine
from organisations.models import (
    VERIFICATION_TRANSITIONS,
    Department,
    Organisation,
    VerificationStatus,
)

VERIFICATION_KIND = "organisation_verification"

# Editable on the profile page; name and credit code only until the organisation is verified.
PROFILE_FIELDS = (
    "name", "credit_code", "legal_representative", "region", "address", "contact_person", "contact_phone",
    "website", "introduction",
)
LOCKED_WHEN_VERIFIED = ("name", "credit_code")
# What a verification submission needs besides the always-required name, credit code and legal representative.
REQUIRED_FOR_VERIFICATION = {
    "region": gettext_lazy("提交认证前请选择注册地区"),
    "address": gettext_lazy("提交认证前请填写详细地址"),
    "contact_person": gettext_lazy("提交认证前请填写联系人"),
    "contact_phone": gettext_lazy("提交认证前请填写联系电话"),
    "introduction": gettext_lazy("提交认证前请填写单位简介"),
    "business_licence": gettext_lazy("提交认证前请上传营业执照"),
}


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


def profile_is_editable(organisation: Organisation) -> bool:
    # While a submission is with the reviewers they must see what was submitted; withdraw to change it.
    return organisation.verification_status != VerificationStatus.PENDING


def _is_filled(organisation: Organisation, field: str) -> bool:
    if field in ("region", "business_licence"):
        return getattr(organisation, f"{field}_id") is not None
    return bool((getattr(organisation, field) or "").strip())


def missing_for_verification(organisation: Organisation) -> dict[str, str]:
    return {
        field: str(message)
        for field, message in REQUIRED_FOR_VERIFICATION.items()
        if not _is_filled(organisation, field)
    }


def _apply_profile(organisation: Organisation, changes: dict) -> None:
    for field, value in changes.items():
        if field not in PROFILE_FIELDS:
            raise ValueError(f"{field} is not a profile field")
        if field in LOCKED_WHEN_VERIFIED and organisation.is_verified and value != getattr(organisation, field):
            raise ValidationError({field: _("单位已通过实名认证，%(label)s不能修改") % {
                "label": Organisation._meta.get_field(field).verbose_name}})
        setattr(organisation, field, value)


def save_profile(*, organisation: Organisation, actor, changes: dict, licence_file=None, submit: bool = False):
    """Save the profile (and a new business licence, if uploaded); with `submit`, also submit it for
    real-name verification in the same transaction, so a refused submission saves nothing.
    Returns the Review when submitted, else None."""
    from attachments.services import store_upload
    from reviews.services import submit as submit_review

    stored = None
    try:
        with transaction.atomic():
            locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
            if not profile_is_editable(locked):
                raise ValidationError(_("实名认证审核中，不能修改单位信息；如需修改请先撤回认证申请"))
            fields = list(changes) + (["business_licence"] if licence_file is not None else [])
            before = snapshot(locked, fields)
            _apply_profile(locked, changes)
            if submit:
                if locked.is_government:
                    raise ValidationError(_("政府部门由平台开通，无需实名认证"))
                if locked.verification_status == VerificationStatus.VERIFIED:
                    raise ValidationError(_("单位已通过实名认证，无需重复提交"))
                missing = missing_for_verification(locked)
                if licence_file is not None:
                    missing.pop("business_licence", None)
                if missing:
                    raise ValidationError(missing)
            if licence_file is not None:
                stored = store_upload(
                    purpose="business_licence", uploaded_file=licence_file, actor=actor, owner_org=locked
                )
                locked.business_licence = stored
            try:
                with transaction.atomic():
                    locked.save()
            except IntegrityError:
                raise ValidationError({"credit_code": _("该统一社会信用代码已被其他单位使用")}) from None
            record(actor=actor, action="organisations.profile_saved", target=locked, before=before,
                   after=snapshot(locked, fields))
            review = submit_review(kind_key=VERIFICATION_KIND, subject=locked, actor=actor) if submit else None
    except BaseException:
        # The attachment row went with the transaction; its file in storage must go too.
        if stored is not None:
            stored.file.storage.delete(stored.file.name)
        raise
    organisation.refresh_from_db()
    return review


def withdraw_verification(*, organisation: Organisation, actor, reason: str = ""):
    from reviews.models import ReviewStatus
    from reviews.selectors import latest_review_for
    from reviews.services import ReviewConflict, withdraw

    review = latest_review_for(organisation)
    if review is None or review.kind != VERIFICATION_KIND or review.status != ReviewStatus.PENDING:
        raise ReviewConflict(_("没有审核中的实名认证申请"))
    withdrawn = withdraw(review_id=review.pk, actor=actor, reason=reason)
    organisation.refresh_from_db(fields=["verification_status", "verified_at"])
    return withdrawn


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
