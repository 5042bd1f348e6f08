"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from audit.labels import register_action

LABELS = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------
    "apprenticeships.class_cancelled": _("注销学徒制培训班"),
    "apprenticeships.venue_created": _("新增学徒制培训场地"),
    "apprenticeships.venue_updated": _("修改学徒制培训场地"),
    "apprenticeships.venue_deleted": _("删除学徒制培训场地"),
    "apprenticeships.attendance_recorded": _("记录学徒制培训考勤"),
    "apprenticeships.attendance_updated": _("修改学徒制培训考勤"),
    "apprenticeships.attendance_imported": _("导入学徒制培训考勤"),
    # The filing's status writer (services/states.py), which cancelling uses; the filing section may label it
    # too: unpacked, so a second label merges without a repeated key.
    **{"apprenticeships.filing_status": _("学徒制培训备案状态变更")},

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
