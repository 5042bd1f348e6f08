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
    "internships.policy_filed": _("备案实习责任保险保单"),
    "internships.policy_students_added": _("保单新增被保险学生"),
    "internships.policy_ending_warned": _("实习责任保险保单到期提醒"),
    "internships.policies_printed": _("打印实习责任保险保单清单"),
    "internships.insurer_saved": _("维护实习责任保险承保机构"),
    "internships.evaluation_added": _("提交实习评价"),

    # --- complaints and appeals ------------------------------------------------------------------------------
    "internships.complaint_status": _("实习投诉处理结果变更"),
    "internships.appeal_status": _("申诉状态变更"),
}


def register_audit_labels() -> None:
    for action, label in LABELS.items():
        register_action(action, label)
