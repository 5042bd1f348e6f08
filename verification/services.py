"""单位信息与认证: saving an organisation's profile and submitting it for real-name verification, or withdrawing it.

An app above reviews and attachments: the organisation's verification status itself is written only by
organisations.services.set_verification_status, which the review kind (verification.review_kind) calls."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from attachments.services import store_upload
from audit.services import record, snapshot
from organisations.models import Organisation, VerificationStatus
from organisations.services import VERIFICATION_KIND
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from reviews.services import ReviewConflict, withdraw
from reviews.services import submit as submit_review

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
    review = latest_review_for(organisation)
    if review is None or review.kind != VERIFICATION_KIND or review.status != ReviewStatus.PENDING:
        raise ReviewConflict(_("没有审核中的实名认证申请"))
    withdrawn = withdraw(review_id=review.pk, actor=actor, reason=reason)
    organisation.refresh_from_db(fields=["verification_status", "verified_at"])
    return withdrawn
