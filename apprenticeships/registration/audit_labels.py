"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from audit.labels import register_action

LABELS = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------
    "apprenticeships.claim_started": _("学徒制补贴申领：确认承诺书并创建申领"),
    "apprenticeships.claim_basics_saved": _("学徒制补贴申领：保存单位基本信息"),
    "apprenticeships.claim_people_added": _("学徒制补贴申领：添加人员"),
    "apprenticeships.claim_person_removed": _("学徒制补贴申领：移除人员"),
    "apprenticeships.claim_attachment_added": _("学徒制补贴申领：上传附件"),
    "apprenticeships.claim_attachment_removed": _("学徒制补贴申领：删除附件"),

    # --- hr --------------------------------------------------------------------------------------------------
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
