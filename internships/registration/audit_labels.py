"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register_action

LABELS = {
    # --- entry, registry, admission, blacklist, settings ------------------------------------------------------
    "internships.admission_status": _("实习企业入库状态变更"),
    "internships.blacklist_status": _("实习企业黑名单状态变更"),

    # --- positions -------------------------------------------------------------------------------------------
    "internships.position_status": _("实习岗位状态变更"),

    # --- students, applications, signing ---------------------------------------------------------------------
    "internships.application_status": _("实习申请状态变更"),

    # --- internships: agreement, groups, early end -----------------------------------------------------------
    "internships.internship_status": _("实习状态变更"),

    # --- insurance, arrival, evaluation ----------------------------------------------------------------------

    # --- complaints and appeals ------------------------------------------------------------------------------
    "internships.complaint_status": _("实习投诉处理结果变更"),
    "internships.appeal_status": _("申诉状态变更"),
    "internships.complaint_filed": _("学生提交实习投诉"),
    "internships.appeal_filed": _("企业提交申诉"),
}


def register_audit_labels() -> None:
    for action, label in LABELS.items():
        register_action(action, label)
