"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from audit.labels import register_action

LABELS = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

    # --- changes ---------------------------------------------------------------------------------------------

    # --- tracking --------------------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships.recognition_created": _("新增产业技能生态链企业认定"),
    "apprenticeships.recognition_updated": _("修改产业技能生态链企业认定"),
    "apprenticeships.recognition_revoked": _("撤销产业技能生态链企业认定"),
    "apprenticeships.standard_created": _("新增学徒制补贴标准"),
    "apprenticeships.standard_updated": _("修改学徒制补贴标准"),
    "apprenticeships.shortage_created": _("新增紧缺急需职业（工种）"),
    "apprenticeships.shortage_updated": _("修改紧缺急需职业（工种）"),
    "apprenticeships.ruleset_created": _("新增学徒制规则参数"),
    "apprenticeships.ruleset_updated": _("修改学徒制规则参数"),
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
