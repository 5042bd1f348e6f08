"""The Chinese label of every audit action code the programme writes (audit.labels)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from audit.labels import register_action

LABELS = {
    # --- filing ----------------------------------------------------------------------------------------------

    # --- people ----------------------------------------------------------------------------------------------

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

    # --- claims ----------------------------------------------------------------------------------------------

    # --- hr --------------------------------------------------------------------------------------------------
}


def register_audit_labels() -> None:
    for code, label in LABELS.items():
        register_action(code, label)
