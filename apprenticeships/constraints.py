"""The programme's database constraints that a user can run into, with the message the form shows
(core.constraints). Registered from ApprenticeshipsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.models import (
    AttendanceMark,
    AttendanceSession,
    ClaimPerson,
    Course,
    DateChange,
    EcosystemRecognition,
    Filing,
    FilingMaterial,
    RuleSet,
    ShortageOccupation,
    SubsidyStandard,
    Teacher,
    TeacherChange,
    TeacherSwap,
    Trainee,
    TrainingClass,
    Venue,
)
from core.constraints import register_constraint


def register_constraints() -> None:
    # --- filing --------------------------------------------------------------------------------------------
    register_constraint(TrainingClass, "filing",
                        _("一次备案只允许新增一条培训信息"), code="one_class")
    register_constraint(TrainingClass, "ap_class_period_ordered", _("培训结束日期应晚于开始日期"),
                        form_field="ends_on")
    register_constraint(Filing, "ap_filing_one_institution",
                        _("合作培训机构与其他培训机构名称只能填写一项"), form_field="other_institution_name")
    register_constraint(FilingMaterial, "ap_material_once", _("该材料已上传，请刷新页面后替换"))

    # --- people --------------------------------------------------------------------------------------------
    register_constraint(Teacher, "ap_teacher_once", _("该身份证号的教师已在本备案的师资中"), form_field="id_number",
                        code="duplicate")
    register_constraint(Trainee, "ap_trainee_once_per_filing", _("该身份证号的人员已在本备案的培训人员中"),
                        form_field="id_number", code="duplicate")
    register_constraint(Trainee, "ap_trainee_one_active",
                        _("该人员已在其他学徒制培训中（已提交或已备案、未流失、培训班未注销或结束），同一人同一时间只能参加一个学徒制培训"),
                        code="already_enrolled")
    register_constraint(Trainee, "ap_trainee_contract_ordered", _("劳动合同终止日期应晚于起始日期"),
                        form_field="contract_ends_on")
    register_constraint(Course, "ap_course_offline_has_teacher", _("授课方式为线下培训的，授课教师必录"),
                        form_field="teacher")

    # --- changes -------------------------------------------------------------------------------------------
    register_constraint(DateChange, "ap_date_change_sequence",
                        _("该培训班的开班信息刚刚被他人变更，请刷新页面后重试"), code="concurrent_change")
    register_constraint(TeacherChange, "ap_teacher_change_one_open",
                        _("该备案已有办理中的师资变更申请，请先办结"), code="open_change")
    register_constraint(TeacherSwap, "ap_swap_once_per_course", _("该课程已在本次变更中更换教师"), code="duplicate")

    # --- tracking ------------------------------------------------------------------------------------------
    register_constraint(Venue, "ap_venue_name_unique", _("已有同名的培训场地"), form_field="name", code="duplicate")
    register_constraint(Venue, "ap_venue_both_coordinates", _("经度和纬度应同时填写或同时留空"),
                        form_field="longitude")
    register_constraint(AttendanceSession, "ap_session_once_per_day", _("该课程当天的考勤已记录，请修改已有记录"),
                        code="duplicate")
    register_constraint(AttendanceMark, "ap_mark_once", _("该学员当天的考勤已记录"), code="duplicate")

    # --- claims --------------------------------------------------------------------------------------------
    register_constraint(ClaimPerson, "ap_claim_person_once", _("该人员已在本申领中"), form_field="id_number",
                        code="duplicate")

    # --- hr ------------------------------------------------------------------------------------------------
    register_constraint(EcosystemRecognition, "ap_recognition_period_ordered", _("有效期止不能早于有效期起"),
                        form_field="valid_to")
    register_constraint(SubsidyStandard, "ap_standard_unique",
                        _("该地区、类型和等级在该起始月份已有补贴标准"), form_field="valid_from", code="duplicate")
    register_constraint(ShortageOccupation, "ap_shortage_unique", _("该地区该年度已有该职业（工种）"),
                        form_field="occupation", code="duplicate")
    register_constraint(RuleSet, "ap_ruleset_unique", _("该地区在该起始月份已有规则参数"), form_field="valid_from",
                        code="duplicate")

