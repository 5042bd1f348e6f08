"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from audit.labels import register_action

LABELS = {
    # --- filing ----------------------------------------------------------------------------------------------
    "apprenticeships.filing_status": _("学徒制培训备案状态变更"),
    "apprenticeships.filing_created": _("创建学徒制培训备案（确认承诺书）"),
    "apprenticeships.filing_info_saved": _("保存学徒制培训备案信息"),
    "apprenticeships.filing_institution_saved": _("保存学徒制培训机构情况"),
    "apprenticeships.filing_class_saved": _("保存学徒制培训信息"),
    "apprenticeships.filing_material_uploaded": _("上传学徒制培训备案材料"),
    "apprenticeships.filing_deleted": _("删除学徒制培训备案"),

    # --- people ----------------------------------------------------------------------------------------------
    "apprenticeships.teacher_added": _("新增学徒制培训师资"),
    "apprenticeships.teacher_updated": _("修改学徒制培训师资"),
    "apprenticeships.teacher_deleted": _("删除学徒制培训师资"),
    "apprenticeships.trainee_added": _("新增学徒制培训人员"),
    "apprenticeships.trainee_updated": _("修改学徒制培训人员"),
    "apprenticeships.trainee_deleted": _("删除学徒制培训人员"),
    "apprenticeships.course_added": _("新增学徒制培训课程"),
    "apprenticeships.course_updated": _("修改学徒制培训课程"),
    "apprenticeships.course_deleted": _("删除学徒制培训课程"),
    "apprenticeships.trainee_lost": _("学徒制培训人员标记为流失"),
    "apprenticeships.trainee_certified": _("登记学徒考核结果（取得证书）"),

    # --- changes ---------------------------------------------------------------------------------------------
    "apprenticeships.class_dates_changed": _("学徒制开班信息变更"),
    "apprenticeships.course_configured": _("学徒制课程信息配置"),
    "apprenticeships.class_ended_places_released": _("学徒制培训班结束，释放在训名额"),
    "apprenticeships.teacher_change_status": _("学徒制师资信息变更状态变更"),
    "apprenticeships.teacher_change_opened": _("发起学徒制师资信息变更"),
    "apprenticeships.teacher_change_teacher_added": _("师资信息变更：新增教师"),
    "apprenticeships.teacher_change_teacher_removed": _("师资信息变更：删除新增教师"),
    "apprenticeships.teacher_change_swap": _("师资信息变更：变更培训教师"),
    "apprenticeships.teacher_change_swap_removed": _("师资信息变更：撤销教师替换"),
    "apprenticeships.teacher_change_reason": _("师资信息变更：填写变更原因"),

    # --- tracking --------------------------------------------------------------------------------------------
    "apprenticeships.class_cancelled": _("注销学徒制培训班"),
    "apprenticeships.venue_created": _("新增学徒制培训场地"),
    "apprenticeships.venue_updated": _("修改学徒制培训场地"),
    "apprenticeships.venue_deleted": _("删除学徒制培训场地"),
    "apprenticeships.attendance_recorded": _("记录学徒制培训考勤"),
    "apprenticeships.attendance_updated": _("修改学徒制培训考勤"),
    "apprenticeships.attendance_imported": _("导入学徒制培训考勤"),

    # --- claims ----------------------------------------------------------------------------------------------
    "apprenticeships.claim_started": _("学徒制补贴申领：确认承诺书并创建申领"),
    "apprenticeships.claim_basics_saved": _("学徒制补贴申领：保存单位基本信息"),
    "apprenticeships.claim_people_added": _("学徒制补贴申领：添加人员"),
    "apprenticeships.claim_person_removed": _("学徒制补贴申领：移除人员"),
    "apprenticeships.claim_attachment_added": _("学徒制补贴申领：上传附件"),
    "apprenticeships.claim_attachment_removed": _("学徒制补贴申领：删除附件"),

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
