"""生态链企业认定: the city HR department keeps the recognitions of its city's enterprises (链主单位/生态企业);
every write is audited with the before and after."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apprenticeships.models import EcosystemRecognition
from apprenticeships.selectors.hr import enterprises_of_city, may_keep_recognitions, recognition_department
from audit.services import record, snapshot
from core.constraints import known_violation

FIELDS = ("organisation", "city", "role", "chain_name", "valid_from", "valid_to", "source", "revoked_at",
          "revoke_reason")
EDITABLE = ("organisation", "role", "chain_name", "valid_from", "valid_to", "source")


def _department(actor):
    if not may_keep_recognitions(actor):
        raise PermissionDenied(_("只有地市人社部门可以维护产业技能生态链企业认定"))
    return recognition_department(actor)


def _check(data: dict, city) -> None:
    errors = {}
    organisation = data["organisation"]
    if not enterprises_of_city(city).filter(pk=organisation.pk).exists():
        errors["organisation"] = _("只能认定本市的企业")
    if data["valid_to"] < data["valid_from"]:
        errors["valid_to"] = _("有效期止不能早于有效期起")
    if errors:
        raise ValidationError(errors)


def _save(item: EcosystemRecognition) -> None:
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None


@transaction.atomic
def create_recognition(*, actor, data: dict) -> EcosystemRecognition:
    department = _department(actor)
    _check(data, department.region)
    item = EcosystemRecognition(city=department.region, created_by=actor, **{name: data[name] for name in EDITABLE})
    _save(item)
    record(actor=actor, action="apprenticeships.recognition_created", target=item, after=snapshot(item, FIELDS))
    return item


@transaction.atomic
def update_recognition(*, recognition: EcosystemRecognition, actor, data: dict) -> EcosystemRecognition:
    department = _department(actor)
    locked = EcosystemRecognition.objects.select_for_update().get(pk=recognition.pk)
    if locked.city_id != department.region_id:
        raise PermissionDenied(_("只能维护本市的认定"))
    if locked.revoked_at is not None:
        raise ValidationError(_("该认定已撤销，不能修改"), code="revoked")
    _check(data, department.region)
    before = snapshot(locked, FIELDS)
    for name in EDITABLE:
        setattr(locked, name, data[name])
    _save(locked)
    record(actor=actor, action="apprenticeships.recognition_updated", target=locked, before=before,
           after=snapshot(locked, FIELDS))
    return locked


@transaction.atomic
def revoke_recognition(*, recognition: EcosystemRecognition, actor, reason: str) -> EcosystemRecognition:
    department = _department(actor)
    locked = EcosystemRecognition.objects.select_for_update().get(pk=recognition.pk)
    if locked.city_id != department.region_id:
        raise PermissionDenied(_("只能维护本市的认定"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写撤销原因")})
    if locked.revoked_at is not None:
        raise ValidationError(_("该认定已撤销"), code="revoked")
    before = snapshot(locked, FIELDS)
    locked.revoked_at = timezone.now()
    locked.revoked_by = actor
    locked.revoke_reason = reason[:255]
    _save(locked)
    record(actor=actor, action="apprenticeships.recognition_revoked", target=locked, before=before,
           after=snapshot(locked, FIELDS))
    return locked
