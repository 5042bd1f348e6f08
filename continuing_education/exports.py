"""The programme's exports (batch.registry ExportSpec), each from its list's own query."""

from batch.registry import register_export  # noqa: F401  (used by the sections below)


def register_exports() -> None:
    # --- catalogue -----------------------------------------------------------------------------------------------
    # 培训课程 and 师资管理 lists, each with the list's own filters (its query string).
    from batch.registry import Column, ExportSpec  # catalogue
    from continuing_education.forms.catalogue import CourseFilterForm, TeacherFilterForm, filters_of  # catalogue
    from continuing_education.models import SubjectType  # catalogue
    from continuing_education.rules import MANAGE_TRAINING, may_manage_training  # catalogue
    from continuing_education.selectors import catalogue as catalogue_selectors  # catalogue

    register_export(ExportSpec(
        key="ce_course_list", label="培训课程导出", permission=MANAGE_TRAINING, allowed=may_manage_training,
        needs_organisation=True, back_url_name="continuing_education:courses",
        queryset=lambda user, params: catalogue_selectors.courses_for_user(
            user, filters_of(CourseFilterForm(params or None))),
        columns=(
            Column("课程名称", "name", width=24),
            Column("科目类型", "subject_type", width=12,
                   choices=tuple((value, str(label)) for value, label in SubjectType.choices)),
            Column("学时", "hours", width=8, value=lambda course: str(course.hours)),
            Column("授课教师", "teachers", width=24,
                   value=lambda course: "、".join(teacher.name for teacher in course.teachers.all())),
            Column("课程大纲", "outline", width=40),
        )))
    register_export(ExportSpec(
        key="ce_teacher_list", label="培训教师导出", permission=MANAGE_TRAINING, allowed=may_manage_training,
        needs_organisation=True, back_url_name="continuing_education:teachers",
        queryset=lambda user, params: catalogue_selectors.teachers_for_user(
            user, filters_of(TeacherFilterForm(params or None))),
        columns=(
            Column("教师姓名", "name", width=12),
            Column("职称/职务", "title", width=14),
            Column("工作单位", "employer", width=24),
            Column("专业领域", "specialty", width=16),
            Column("联系电话", "mobile", text=True, personal="mobile", width=14,
                   value=lambda teacher: teacher.mobile),
            Column("授课课程数", "course_count", width=10, value=lambda teacher: teacher.course_count),
            Column("教师简介", "introduction", width=40),
        )))

    # --- classes: 班级人员导出, 培训班 ------------------------------------------------------------------------------

    # --- hours: 学时申报管理 ----------------------------------------------------------------------------------------

    # --- archive: 培训档案 ------------------------------------------------------------------------------------------
    pass
