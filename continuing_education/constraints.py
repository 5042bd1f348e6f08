"""The programme's database constraints that a user can run into, with the message the form shows
(core.constraints). Registered from ContinuingEducationConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from continuing_education.models import (
    ArchiveEntry,
    ArchiveYear,
    ClassCourse,
    Course,
    HoursCertificate,
    HoursRule,
    OnlinePlatform,
    OnlineResult,
    Participant,
    TrainingSite,
)
from core.constraints import register_constraint


def register_constraints() -> None:
    register_constraint(ArchiveYear, "ce_archive_one_row_per_person_year", _("该人员该年度的培训档案已存在"))
    register_constraint(ArchiveEntry, "ce_entry_participant_once", _("该培训成果已记入培训档案"))
    register_constraint(ArchiveEntry, "ce_entry_online_result_once", _("该网络培训成果已记入培训档案"))
    register_constraint(ArchiveEntry, "ce_entry_declaration_once", _("该学时申报已记入培训档案"))
    register_constraint(Course, "ce_course_name_unique", _("已有同名的培训课程"), form_field="name")
    register_constraint(Course, "ce_course_hours_positive", _("学时必须大于 0"), form_field="hours")
    register_constraint(TrainingSite, "ce_site_name_unique", _("已有同名的面授培训点"), form_field="name")
    register_constraint(OnlinePlatform, "ce_platform_name_unique", _("已有同名的网授平台"), form_field="name")
    register_constraint(ClassCourse, "ce_class_course_once", _("该课程已在培训班中"), form_field="course")
    register_constraint(Participant, "ce_participant_once", _("该人员已在本培训班中（每人每班一条成果）"),
                        form_field="id_number")
    register_constraint(OnlineResult, "ce_online_result_once", _("该人员该平台该年度的同一课程成果已导入"))
    register_constraint(HoursRule, "ce_hours_rule_once", _("该地区该年度的学时要求已设置"), form_field="year")
    register_constraint(HoursCertificate, "ce_certificate_code_unique", _("验证码重复，请重试"))
    # --- correction
    from continuing_education.models import ResultsCorrection

    register_constraint(ResultsCorrection, "ce_correction_one_open",
                        _("该培训班已有审核中的培训成果更正申请，请等待审核结果"))
