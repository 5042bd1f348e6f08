"""The programme's exports (batch.registry ExportSpec), each from its list's own query."""

from batch.registry import Column, ExportSpec, register_export
from continuing_education import list_exports
from continuing_education.forms.catalogue import CourseFilterForm, TeacherFilterForm, filters_of
from continuing_education.models import SubjectType
from continuing_education.rules import (
    DECLARE_CLASS,
    MANAGE_HOURS,
    MANAGE_TRAINING,
    may_declare_class,
    may_manage_hours,
    may_manage_training,
)
from continuing_education.selectors import catalogue as catalogue_selectors
from continuing_education.selectors.archive import may_open_archive, missing_text, result_label
from continuing_education.selectors.classes import participants_for_export
from continuing_education.selectors.desk_statistics import may_see_statistics
from continuing_education.selectors.units import may_see_units


def register_exports() -> None:
    # --- catalogue -----------------------------------------------------------------------------------------------
    # 培训课程 and 师资管理 lists, each with the list's own filters (its query string).
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
    register_export(ExportSpec(
        key="ce_class_people", label="班级人员导出", permission=DECLARE_CLASS, queryset=participants_for_export,
        allowed=lambda user: may_declare_class(user) or may_manage_training(user),
        back_url_name="continuing_education:classes", needs_organisation=True,
        columns=(
            Column("培训班名称", "training_class__name", width=24, value=lambda person: person.training_class.name),
            Column("姓名", "name", width=12),
            Column("身份证号", "id_number", text=True, personal="id_number", width=22,
                   value=lambda person: person.id_number),
            Column("获得学时", "hours", width=10,
                   value=lambda person: "" if person.hours is None else str(person.hours)),
            Column("考核结果", "assessment", width=10, value=lambda person: person.get_assessment_display()),
        )))

    # --- hours: 学时申报管理 ----------------------------------------------------------------------------------------
    # forms.hours builds its upload field from the attachment purpose registered in ready() after this module is
    # imported, so it is imported here, when the exports are registered.
    from continuing_education.forms.hours import approved_for_export

    register_export(ExportSpec(
        key="ce_declarations", label="学时申报导出", permission=MANAGE_HOURS, allowed=may_manage_hours,
        queryset=approved_for_export, back_url_name="continuing_education:hours_manage", needs_organisation=True,
        columns=(
            Column("姓名", "name", width=10),
            Column("身份证号", "id_number", text=True, personal="id_number", width=22),
            Column("年度", "year", width=8),
            Column("学习形式", "learning_form", width=24, value=lambda row: row.get_learning_form_display()),
            Column("科目类型", "subject_type", width=12, value=lambda row: row.get_subject_type_display()),
            Column("名称", "title", width=28),
            Column("主办单位", "organiser", width=20),
            Column("开始日期", "starts_on", width=12, value=lambda row: row.starts_on.isoformat()),
            Column("结束日期", "ends_on", width=12, value=lambda row: row.ends_on.isoformat()),
            Column("学时", "hours", width=8, value=lambda row: str(row.hours)),
            Column("申报方式", "on_behalf", width=12,
                   value=lambda row: "单位代为申报" if row.on_behalf else "个人申报"),
        )))

    # --- archive: 培训档案 ------------------------------------------------------------------------------------------
    # The list's own query (roster × year, the list's filters from the query string), masked as on screen.
    def _archive_column(header, name, width=12, **options):
        return Column(header, name, width=width, value=lambda row: getattr(row, name), **options)

    register_export(ExportSpec(
        key="ce_archive", label="继续教育培训档案导出", permission="", allowed=may_open_archive,
        queryset=list_exports.archive_export_rows, back_url_name="continuing_education:archive",
        columns=(
            Column("单位", "organisation__name", width=28, value=lambda row: row.organisation.name),
            _archive_column("培训年度", "archive_year", 10),
            _archive_column("姓名", "name", 10),
            Column("身份证号", "id_number", text=True, personal="id_number", width=22,
                   value=lambda row: row.id_number),
            Column("性别", "gender", width=6, value=lambda row: row.get_gender_display()),
            Column("职称等级", "title_level", width=10, value=lambda row: row.get_title_level_display()),
            _archive_column("公需科目学时", "public_hours"),
            _archive_column("专业科目学时", "professional_hours"),
            _archive_column("总学时", "total_hours"),
            _archive_column("面授培训学时", "class_hours"),
            _archive_column("网络培训学时", "online_hours"),
            _archive_column("学时申报学时", "declared_hours"),
            Column("认定结果", "result", width=10, value=result_label),
            Column("尚缺学时", "missing", width=30, value=missing_text),
        )))

    # --- gaps: 培训班管理, 我申报的, 培训班 (departments), 面授培训点, 网授平台, 网络培训成果, 用人单位, 统计分析 -----
    # Each list's own query and filters (list_exports), the columns as on the page.
    def _label(name):
        return lambda row: getattr(row, f"get_{name}_display")()

    def _date(name):
        return lambda row: getattr(row, name).isoformat() if getattr(row, name) else ""

    def _text(name):
        return lambda row: "" if getattr(row, name) is None else str(getattr(row, name))

    class_number = Column("培训班编号", "number", width=18, value=lambda item: item.number or "")
    class_name = Column("培训班名称", "name", width=28)
    class_year = Column("培训年度", "year", width=10)
    class_subject = Column("科目类型", "subject_type", width=12, value=_label("subject_type"))
    class_dates = (Column("开始日期", "starts_on", width=12, value=_date("starts_on")),
                   Column("结束日期", "ends_on", width=12, value=_date("ends_on")))
    class_hours = Column("学时", "hours", width=8, value=_text("hours"))
    class_mode = Column("上报方式", "report_mode", width=12, value=_label("report_mode"))
    class_status = Column("审核状态", "status", width=12, value=_label("status"))
    class_results = Column("培训成果", "results_status", width=12, value=_label("results_status"))
    register_export(ExportSpec(
        key="ce_classes", label="培训班管理导出", permission=DECLARE_CLASS, allowed=list_exports.may_manage_classes,
        queryset=list_exports.managed_classes, back_url_name="continuing_education:classes", needs_organisation=True,
        columns=(class_number, class_name, class_year, class_subject, *class_dates, class_hours, class_mode,
                 Column("人数", "participant_count", width=8), class_results)))
    register_export(ExportSpec(
        key="ce_declared_classes", label="我申报的培训班导出", permission=DECLARE_CLASS, allowed=may_declare_class,
        queryset=list_exports.declared_classes, back_url_name="continuing_education:declared",
        needs_organisation=True,
        columns=(class_number, class_name, class_year, class_subject, *class_dates, class_hours, class_mode,
                 class_status)))
    register_export(ExportSpec(
        key="ce_reviewed_classes", label="培训班导出", permission="", allowed=list_exports.may_see_reviewed_classes,
        queryset=list_exports.reviewed_classes, back_url_name="continuing_education:reviewed_classes",
        columns=(Column("申报单位", "organisation__name", width=28, value=lambda item: item.organisation.name),
                 class_number, class_name, class_year, class_subject, *class_dates, class_hours, class_mode,
                 class_status, class_results)))
    register_export(ExportSpec(
        key="ce_sites", label="面授培训点导出", permission=MANAGE_TRAINING, allowed=may_manage_training,
        queryset=list_exports.sites, back_url_name="continuing_education:sites", needs_organisation=True,
        columns=(Column("培训点名称", "name", width=24),
                 Column("所在地区", "region", width=24, value=lambda site: site.region.full_name),
                 Column("详细地址", "address", width=36), Column("可容纳人数", "capacity", width=10))))
    register_export(ExportSpec(
        key="ce_platforms", label="网授平台导出", permission=MANAGE_TRAINING, allowed=may_manage_training,
        queryset=list_exports.platforms, back_url_name="continuing_education:platforms", needs_organisation=True,
        columns=(Column("平台名称", "name", width=24), Column("运营单位", "operator", width=24),
                 Column("平台网址", "url", width=32), Column("联系人", "contact_name", width=12),
                 Column("联系电话", "contact_phone", text=True, width=16),
                 Column("对接状态", "is_docked", width=10,
                        value=lambda platform: "已对接" if platform.is_docked else "未对接"))))
    register_export(ExportSpec(
        key="ce_online_result_list", label="网络培训成果导出", permission=MANAGE_TRAINING,
        allowed=may_manage_training, queryset=list_exports.online_results,
        back_url_name="continuing_education:online_results", needs_organisation=True,
        columns=(Column("姓名", "name", width=10),
                 Column("身份证号", "id_number", text=True, personal="id_number", width=22,
                        value=lambda result: result.id_number),
                 Column("网授平台", "platform", width=18, value=lambda result: result.platform.name),
                 Column("课程名称", "course_name", width=24), Column("年度", "year", width=8),
                 Column("科目类型", "subject_type", width=12, value=_label("subject_type")),
                 Column("学时", "hours", width=8, value=_text("hours")),
                 Column("完成日期", "completed_on", width=12, value=_date("completed_on")))))
    register_export(ExportSpec(
        key="ce_units", label="用人单位导出", permission="", allowed=may_see_units,
        queryset=list_exports.units, back_url_name="continuing_education:units",
        columns=(Column("单位名称", "name", width=28), Column("统一社会信用代码", "credit_code", text=True, width=20),
                 Column("单位地区", "region", width=24,
                        value=lambda unit: unit.region.full_name if unit.region_id else ""),
                 Column("单位性质", "nature", width=14, value=_label("nature")),
                 Column("所属人社部门", "hr_department", width=24,
                        value=lambda unit: unit.hr_department.name if unit.hr_department_id else ""),
                 Column("主管部门", "supervising_department", width=24,
                        value=lambda unit: unit.supervising_department.name if unit.supervising_department_id else ""),
                 Column("实名认证", "verification_status", width=10, value=_label("verification_status")))))
    register_export(ExportSpec(
        key="ce_statistics", label="继续教育统计分析导出", permission="", allowed=may_see_statistics,
        queryset=list_exports.statistics, back_url_name="continuing_education:statistics",
        columns=(Column("地区", "name", width=24, value=lambda row: row.name),
                 *(Column(header, name, width=12, value=lambda row, name=name: getattr(row, name))
                   for header, name in (("单位数", "units"), ("在册人数", "staff"), ("已有学时人数", "with_hours"),
                                        ("合格人数", "qualified"))),
                 Column("合格率", "qualified_rate_text", width=10, value=lambda row: row.qualified_rate_text),
                 Column("审核通过培训班", "classes", width=14, value=lambda row: row.classes),
                 Column("申报学时", "declared_hours", width=12, value=lambda row: str(row.declared_hours)),
                 Column("审核通过学时", "approved_hours", width=12, value=lambda row: str(row.approved_hours)))))
