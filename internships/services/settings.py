"""Writes of the regional settings (RegionSetting) by an education department holding manage_settings."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import record
from internships.models import RegionSetting
from internships.rules import MANAGE_SETTINGS, education_department

SETTING_FIELDS = ("position_review_required", "insurance_warning_days")


def department_for_settings(user):
    department = education_department(user)
    if department is None or not user.has_perm(MANAGE_SETTINGS) or department.region_id is None:
        raise PermissionDenied(_("只有教育部门的设置管理人员可以维护本地区实习设置"))
    return department


@transaction.atomic
def save_region_setting(*, actor, data: dict) -> RegionSetting:
    """The setting of the actor's region (it applies below, where no lower department saved its own)."""
    department = department_for_settings(actor)
    setting = RegionSetting.objects.select_for_update().filter(region_id=department.region_id).first()
    before = {name: getattr(setting, name) for name in SETTING_FIELDS} if setting else {}
    if setting is None:
        setting = RegionSetting(region_id=department.region_id)
    for name in SETTING_FIELDS:
        setattr(setting, name, data[name])
    setting.updated_by = actor
    setting.save()
    record(actor=actor, action="internships.region_setting", target=setting, before=before,
           after={name: getattr(setting, name) for name in SETTING_FIELDS})
    return setting
