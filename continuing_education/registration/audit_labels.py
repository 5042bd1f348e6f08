"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register_action

LABELS = {
    "continuing_education.class_status": _("继续教育培训班审核状态变更"),
    "continuing_education.class_results": _("继续教育培训成果上报"),
    "continuing_education.declaration_status": _("继续教育学时申报状态变更"),
    "continuing_education.archive_credited": _("记入继续教育培训档案"),
    "continuing_education.archive_debited": _("撤销继续教育培训档案记录"),

    # --- units -------------------------------------------------------------------------------------------------
    # (staff.link_status, organisations.unit_registered and accounts.registered are the foundation's labels.)

    # --- catalogue -----------------------------------------------------------------------------------------------

    # --- classes ------------------------------------------------------------------------------------------------

    # --- hours ---------------------------------------------------------------------------------------------------

    # --- archive -------------------------------------------------------------------------------------------------
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
