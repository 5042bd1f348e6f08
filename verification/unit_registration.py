"""注册用人单位 (issue 10, manual 004 §三): a signed-in person with no organisation registers their 用人单位 and
becomes its administrator. Lives here, not in organisations: it stores the 统一社会信用代码 image through
attachments, which organisations (below it) may not import.

An existing unit is never taken over: the search and the form refuse its credit code, and the unique credit code
holds against a parallel registration."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User, UserKind
from accounts.rules import is_individual
from attachments.services import store_upload
from audit.services import record
from notifications.services import notify_organisation
from organisations.codes import new_platform_code
from organisations.models import Authority, Organisation, OrganisationKind, Origin, UnitNature

PURPOSE = "unit_credit_code_image"
IMAGE_FORMATS = {"jpeg", "png", "gif", "bmp"}
IMAGE_MAX_BYTES = 4 * 1024 * 1024

# 单位性质 → the platform's organisation kind. 机关, 事业单位 and 社会组织 are non-profit public bodies: they are
# filed as public institutions (their programmes' rules for 事业单位 fit them best); every kind of enterprise and
# 其他 as an enterprise.
PUBLIC_NATURES = {UnitNature.STATE_ORGAN, UnitNature.PUBLIC_INSTITUTION, UnitNature.SOCIAL_ORGANISATION}


def register_unit_purpose() -> None:
    from attachments.purposes import register_purpose

    register_purpose(PURPOSE, label=gettext_lazy("统一社会信用代码附件"), allowed=IMAGE_FORMATS,
                     max_bytes=IMAGE_MAX_BYTES)


def kind_for(nature: str) -> str:
    return OrganisationKind.PUBLIC_INSTITUTION if nature in PUBLIC_NATURES else OrganisationKind.ENTERPRISE


def already_registered_message() -> str:
    return _("该单位已注册，请联系该单位管理员添加")


def may_register_unit(user) -> bool:
    return is_individual(user)


def find_registered(text: str):
    """The units a search for `text` (a name or a credit code) finds: their names only are shown."""
    text = (text or "").strip()
    if not text:
        return Organisation.objects.none()
    return (Organisation.objects.exclude(kind=OrganisationKind.GOVERNMENT)
            .filter(Q(credit_code__iexact=text) | Q(name__icontains=text)).order_by("name")[:10])


def departments_containing(region, authority: str):
    """The departments of `authority` whose region contains `region` (its county, city or province)."""
    departments = Organisation.objects.filter(kind=OrganisationKind.GOVERNMENT, authority=authority)
    if region is None:
        return departments.order_by("region__code", "name")
    codes = {region.code, region.city_code, region.province_code} - {None, ""}
    return departments.filter(region__code__in=codes).order_by("region__code", "name")


def _contains(department, region) -> bool:
    """`department`'s region is the unit's county, or its city or province."""
    area = department.region
    return area is not None and region is not None and area.code in {region.code, region.city_code,
                                                                      region.province_code}


@transaction.atomic
def register_unit(*, actor: User, name: str, credit_code: str, credit_code_image, region, hr_department,
                  supervising_department=None, nature: str, unit_level: str, legal_representative: str,
                  contact_phone: str, address: str) -> Organisation:
    """The unit (activated, not yet verified), its 统一社会信用代码 image, and the person as its administrator (same
    account); filed with its 所属人社部门, whose users are notified. The person's own staff record is not made."""
    if not may_register_unit(actor):
        raise PermissionDenied
    locked = User.objects.select_for_update().get(pk=actor.pk)  # lock order 1: the acting person
    if locked.organisation_id is not None:
        raise ValidationError(_("您已是单位用户，不能再注册用人单位"))
    if hr_department.authority != Authority.HUMAN_RESOURCES or not _contains(hr_department, region):
        raise ValidationError({"hr_department": _("所属人社部门须为单位所在地区或其上级地区的人社部门")})
    if supervising_department is not None and (supervising_department.authority != Authority.INDUSTRY
                                               or not _contains(supervising_department, region)):
        raise ValidationError({"supervising_department": _("主管部门须为单位所在地区或其上级地区的行业主管部门")})
    organisation = Organisation(
        name=name, credit_code=credit_code, kind=kind_for(nature), legal_representative=legal_representative,
        region=region, address=address, contact_person=locked.real_name, contact_phone=contact_phone,
        origin=Origin.SELF_REGISTERED, created_by=locked, hr_department=hr_department,
        supervising_department=supervising_department, nature=nature, unit_level=unit_level,
        platform_code=new_platform_code(), activated_at=timezone.now())
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        if Organisation.objects.filter(credit_code=credit_code).exists():
            raise ValidationError({"credit_code": already_registered_message()}) from None
        raise
    stored = store_upload(purpose=PURPOSE, uploaded_file=credit_code_image, actor=locked, owner_org=organisation)
    try:
        organisation.business_licence = stored
        organisation.save(update_fields=["business_licence", "updated_at"])
        before = {"organisation": None, "is_org_admin": False, "kind": locked.kind}
        # An organisation's account is marked ORGANISATION across the platform (sign-in entries, programmes for
        # people refuse it); the person keeps the same account, login account and ID number.
        locked.organisation, locked.is_org_admin, locked.kind = organisation, True, UserKind.ORGANISATION
        try:
            with transaction.atomic():
                locked.save(update_fields=["organisation", "is_org_admin", "kind"])
        except IntegrityError:  # pragma: no cover - a new organisation has no administrator yet
            raise ValidationError(_("该单位已有管理员")) from None
    except BaseException:
        stored.file.storage.delete(stored.file.name)  # the row goes with the transaction, the file must too
        raise
    record(actor=locked, action="organisations.unit_registered", target=organisation,
           after={"credit_code": credit_code, "kind": organisation.kind, "nature": nature, "unit_level": unit_level,
                  "hr_department": hr_department.pk,
                  "supervising_department": supervising_department.pk if supervising_department else None,
                  "admin": locked.username, "admin_before": before})
    url = reverse("organisations:detail", args=[organisation.pk])
    body = _("%(name)s（统一社会信用代码 %(code)s）已注册，所属人社部门为本部门。") % {"name": name,
                                                                                  "code": credit_code}
    notify_organisation(organisation=hr_department, title=_("新注册用人单位：%(name)s") % {"name": name}, body=body,
                        url=url)
    if supervising_department is not None:
        notify_organisation(organisation=supervising_department, title=_("新注册用人单位：%(name)s") % {"name": name},
                            body=_("%(name)s已注册，主管部门为本部门。") % {"name": name}, url=url)
    actor.organisation, actor.is_org_admin, actor.kind = organisation, True, UserKind.ORGANISATION
    return organisation
