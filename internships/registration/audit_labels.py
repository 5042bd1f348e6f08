"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _

from audit.labels import register_action

LABELS = {
    # --- entry, registry, admission, blacklist, settings ------------------------------------------------------
    "internships.admission_status": _("实习企业入库状态变更"),
    "internships.blacklist_status": _("实习企业黑名单状态变更"),
    "internships.admission_checked": _("实习企业入库核查"),
    "internships.staff_on_duty": _("修改在岗职工总数"),
    "internships.recommended": _("学校推荐实习企业"),
    "internships.blacklist_proposed": _("提出列入实习企业黑名单"),
    "internships.blacklist_updated": _("修改实习企业黑名单申请"),
    "internships.blacklisted": _("实习企业列入黑名单"),
    "internships.unblacklisted": _("实习企业移出黑名单"),
    "internships.region_setting": _("修改实习地区设置"),

    # --- positions -------------------------------------------------------------------------------------------
    "internships.position_status": _("实习岗位状态变更"),
    "internships.position_created": _("新增实习岗位"),
    "internships.position_updated": _("修改实习岗位"),

    # --- students, applications, signing ---------------------------------------------------------------------
    "internships.application_status": _("实习申请状态变更"),
    "internships.student_created": _("新增实习学生"),
    "internships.student_updated": _("修改实习学生信息"),
    "internships.student_deleted": _("删除实习学生"),
    "internships.student_linked": _("学生登录并关联学生名册"),
    "internships.application_created": _("学生提交实习申请"),
    "internships.internship_created": _("企业同意签约，生成实习记录"),

    # --- internships: agreement, groups, early end -----------------------------------------------------------
    "internships.agreement_terms": _("填写实习协议条款"),
    "internships.agreement_confirmed": _("学生确认实习协议"),
    "internships.consent_uploaded": _("上传知情同意书"),
    "internships.agreement_copy_uploaded": _("上传已签署的实习协议"),
    "internships.agreement_printed": _("打印实习协议"),
    "internships.group_created": _("创建实习分组"),
    "internships.group_updated": _("修改实习分组"),
    "internships.group_assigned": _("调整实习分组成员"),
    "internships.mentor_assigned": _("指定企业指导师傅"),
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
    "internships.complaint_filed": _("学生提交实习投诉"),
    "internships.appeal_filed": _("企业提交申诉"),
}


def register_audit_labels() -> None:
    for action, label in LABELS.items():
        register_action(action, label)
