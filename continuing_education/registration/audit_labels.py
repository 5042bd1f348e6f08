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
    "continuing_education.teacher_created": _("新增继续教育培训教师"),
    "continuing_education.teacher_updated": _("修改继续教育培训教师"),
    "continuing_education.teacher_deleted": _("删除继续教育培训教师"),
    "continuing_education.course_created": _("新增继续教育培训课程"),
    "continuing_education.course_updated": _("修改继续教育培训课程"),
    "continuing_education.course_deleted": _("删除继续教育培训课程"),
    "continuing_education.site_created": _("新增继续教育面授培训点"),
    "continuing_education.site_updated": _("修改继续教育面授培训点"),
    "continuing_education.site_deleted": _("删除继续教育面授培训点"),
    "continuing_education.platform_created": _("新增继续教育网授平台"),
    "continuing_education.platform_updated": _("修改继续教育网授平台"),
    "continuing_education.platform_deleted": _("删除继续教育网授平台"),
    "continuing_education.docking_completed": _("补充网授平台对接信息"),

    # --- classes ------------------------------------------------------------------------------------------------
    "continuing_education.class_created": _("继续教育培训班申报新建"),
    "continuing_education.class_updated": _("继续教育培训班申报修改"),
    "continuing_education.class_deleted": _("继续教育培训班申报删除"),
    "continuing_education.class_material_removed": _("继续教育培训班附件删除"),
    "continuing_education.participant_added": _("继续教育培训班添加报名人员"),
    "continuing_education.participant_result": _("继续教育培训班录入培训成果"),
    "continuing_education.participant_removed": _("继续教育培训班移除报名人员"),

    # --- hours ---------------------------------------------------------------------------------------------------
    "continuing_education.declaration_created": _("新增继续教育学时申报"),
    "continuing_education.declaration_updated": _("修改继续教育学时申报"),
    "continuing_education.declaration_deleted": _("删除继续教育学时申报"),

    # --- archive -------------------------------------------------------------------------------------------------
    "continuing_education.hours_rule_saved": _("保存继续教育学时要求"),
    "continuing_education.certificate_issued": _("出具继续教育学时证明"),

    # --- correction ----------------------------------------------------------------------------------------------
    "continuing_education.correction_filed": _("提交继续教育培训成果更正申请"),
    "continuing_education.correction_applied": _("继续教育培训成果更正生效"),
    "continuing_education.correction_status": _("继续教育培训成果更正申请状态变更"),
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
