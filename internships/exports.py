"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by internships.registration."""

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, register_export
from internships.forms.blacklist import BlacklistFilterForm
from internships.forms.complaints import ComplaintFilterForm
from internships.forms.entry import PoolFilterForm, RegistryFilterForm
from internships.forms.positions import PositionFilterForm
from internships.models import (
    ApplicationStatus,
    Education,
    Lodging,
    Overtime,
    PayMethod,
    PayPeriod,
    PositionStatus,
    StudyLevel,
)
from internships.rules import BLACKLIST, HOST, REGISTRY, REVIEW, SCHOOL, is_host, is_school
from internships.school_exports import register_school_exports
from internships.selectors import complaints as complaint_selectors
from internships.selectors import enterprises as entry_selectors
from internships.selectors.positions import filter_positions, may_manage_positions, positions_for_enterprise
from internships.views.complaints import may_see_region


def _filter_data(form_class, params) -> dict:
    form = form_class(params)
    return form.cleaned_data if form.is_valid() else {}


def pool_export(user, params):
    return entry_selectors.filter_pool(entry_selectors.pool_for_user(user), _filter_data(PoolFilterForm, params))


def registry_export(user, params):
    records = entry_selectors.registry_records(user)
    return entry_selectors.filter_registry(records, _filter_data(RegistryFilterForm, params))


def blacklist_export(user, params):
    entries = entry_selectors.blacklist_for_user(user)
    return entry_selectors.filter_blacklist(entries, _filter_data(BlacklistFilterForm, params))


def register_exports() -> None:
    # --- entry, pool, blacklist ----------------------------------------------------------------------------
    register_export(ExportSpec(
        key="internship_pool", label=str(_("实习企业库导出")), permission=SCHOOL, columns=entry_selectors.POOL_COLUMNS,
        queryset=pool_export, back_url_name="internships:pool", allowed=entry_selectors.may_see_pool,
        needs_organisation=True,
    ))
    register_export(ExportSpec(
        key="internship_registry", label=str(_("企业登记信息导出")), permission=REGISTRY,
        columns=entry_selectors.REGISTRY_EXPORT_COLUMNS, queryset=registry_export,
        back_url_name="internships:registry", allowed=entry_selectors.may_see_registry,
    ))
    register_export(ExportSpec(
        key="internship_blacklist", label=str(_("实习企业黑名单导出")), permission=BLACKLIST,
        columns=entry_selectors.BLACKLIST_COLUMNS, queryset=blacklist_export,
        back_url_name="internships:blacklist", allowed=entry_selectors.may_see_blacklist,
    ))

    # --- positions -----------------------------------------------------------------------------------------
    def labels(enum):
        return tuple((value, str(label)) for value, label in enum.choices)

    def enterprise_positions(user, params):
        filters, positions = PositionFilterForm(params).filters(), positions_for_enterprise(user)
        return positions.none() if filters is None else filter_positions(positions, **filters)

    register_export(ExportSpec(
        key="internship_positions", label=str(_("实习岗位导出")), permission=HOST, columns=(
            Column("实习部门", "department", width=14),
            Column("实习岗位", "title", width=18),
            Column("岗位状态", "status", choices=labels(PositionStatus), width=10),
            Column("实习报酬下限（元/月）", "pay_min", width=12),
            Column("实习报酬上限（元/月）", "pay_max", width=12),
            Column("相同岗位工资标准（元/月）", "same_post_wage", width=14),
            Column("报酬发放周期", "pay_period", choices=labels(PayPeriod), width=12),
            Column("报酬发放方式", "pay_method", choices=labels(PayMethod), width=20),
            Column("学历要求", "education", choices=labels(Education), width=8),
            Column("实习人数", "places", width=8),
            Column("已签约人数", "filled", width=8),
            Column("同类岗位在岗职工数", "post_staff", width=10),
            Column("对口专业", "majors", width=20),
            Column("工作地区", "work_region__full_name", width=24),
            Column("工作地址", "address", width=28),
            Column("住宿条件", "lodging", choices=labels(Lodging), width=10),
            Column("有夜班", "night_shift", width=8),
            Column("加班情况", "overtime", choices=labels(Overtime), width=10),
            Column("报名日期始", "apply_from", width=12),
            Column("报名日期止", "apply_until", width=12),
            Column("实习开始日期", "starts_on", width=12),
            Column("实习结束日期", "ends_on", width=12),
            Column("发布时间", "published_at", width=18),
        ),
        queryset=enterprise_positions, back_url_name="internships:positions", allowed=may_manage_positions,
        needs_organisation=True,
    ))

    # --- students, applications ----------------------------------------------------------------------------
    def _roll(user, params):
        from internships.forms.students import RollFilterForm
        from internships.selectors.students import filter_roll, roll_for_user, roll_values

        form = RollFilterForm(params, classes=roll_values(user, "class_name"), majors=roll_values(user, "major"))
        filters, students = form.filters(), roll_for_user(user)
        return students.none() if filters is None else filter_roll(students, **filters)

    def _signing(user, params):
        from internships.forms.students import SigningFilterForm
        from internships.selectors.students import applications_for_host, filter_applications, host_positions

        form = SigningFilterForm(params, positions=host_positions(user))
        filters, applications = form.filters(), applications_for_host(user)
        return applications.none() if filters is None else filter_applications(applications, **filters)

    def _school_applications(user, params):
        from internships.forms.students import SchoolApplicationFilterForm
        from internships.selectors.students import applications_for_school, filter_applications, roll_values

        form = SchoolApplicationFilterForm(params, classes=roll_values(user, "class_name"))
        filters, applications = form.filters(), applications_for_school(user)
        return applications.none() if filters is None else filter_applications(applications, **filters)

    levels = tuple((value, str(label)) for value, label in StudyLevel.choices)
    statuses = tuple((value, str(label)) for value, label in ApplicationStatus.choices)
    register_export(ExportSpec(
        key="internship_students", label=str(_("实习学生名册导出")), permission=SCHOOL, queryset=_roll,
        back_url_name="internships:students", allowed=lambda user: is_school(user) and user.has_perm(SCHOOL),
        columns=(
            Column("姓名", "name", width=10),
            Column("身份证号", "id_number", text=True, personal="id_number", width=22),
            Column("学历层次", "study_level", choices=levels, width=12),
            Column("专业", "major", width=18),
            Column("班级", "class_name", width=14),
            Column("入学日期", "enrolled_on", width=12),
            Column("手机号", "mobile", text=True, personal="mobile", width=14),
            Column("已登录", "person_id", value=lambda student: "是" if student.person_id else "否", width=8),
        ),
    ))
    application_columns = (
        Column("学生姓名", "student__name", width=10),
        Column("班级", "student__class_name", width=14),
        Column("专业", "student__major", width=18),
        Column("实习企业", "enterprise__name", width=26),
        Column("岗位名称", "position__title", width=18),
        Column("志愿序号", "choice_slot", width=8),
        Column("状态", "status", choices=statuses, width=16),
        Column("申请时间", "created_at", width=18),
        Column("处理时间", "decided_at", width=18),
        Column("拒绝原因", "refusal_reason", width=24),
    )
    register_export(ExportSpec(
        key="internship_signing", label=str(_("实习签约管理导出")), permission=HOST, queryset=_signing,
        back_url_name="internships:signing", allowed=lambda user: is_host(user) and user.has_perm(HOST),
        columns=application_columns,
    ))
    register_export(ExportSpec(
        key="internship_school_applications", label=str(_("学生实习申请导出")), permission=SCHOOL,
        queryset=_school_applications, back_url_name="internships:school_applications",
        allowed=lambda user: is_school(user) and user.has_perm(SCHOOL), columns=application_columns,
    ))

    # --- internships (school overview, education department) -----------------------------------------------
    register_school_exports()

    # --- insurance -----------------------------------------------------------------------------------------
    # --- complaints ----------------------------------------------------------------------------------------
    # 实习投诉管理 (the enterprise) and 辖区实习投诉 (the education department): the rows their lists show.
    def appeal_record(complaint):
        appeal = complaint.appeals.order_by("-created_at", "-id").first()
        return f"{appeal.text} [{appeal.get_status_display()}]" if appeal else ""

    complaint_columns = (
        Column("投诉时间", "created_at", width=20, value=lambda c: c.created_at.strftime("%Y-%m-%d %H:%M:%S")),
        Column("投诉内容", "details", width=40,
               value=lambda c: ",".join(c.category_labels()) + "：" + c.details),
        Column("投诉人姓名", "student__name", width=12, value=lambda c: c.student.name),
        Column("学校名称", "school__name", width=24, value=lambda c: c.school.name),
        Column("被投诉企业", "enterprise__name", width=24, value=lambda c: c.enterprise.name),
        Column("指导教师", "internship__group__teacher_name", width=12,
               value=lambda c: c.internship.group.teacher_name if c.internship.group_id else ""),
        Column("处理结果", "status", width=14, value=lambda c: c.get_status_display()),
        Column("处理意见", "conclusion", width=30, value=lambda c: c.conclusion),
        Column("申诉记录", "appeals", width=30, value=appeal_record),
    )

    def filtered(queryset, params):
        return ComplaintFilterForm(params).apply(queryset)

    register_export(ExportSpec(
        key="internship_complaints", label=str(_("实习投诉导出")), permission=HOST, columns=complaint_columns,
        queryset=lambda user, params: filtered(complaint_selectors.complaints_for_enterprise(user), params),
        back_url_name="internships:enterprise_complaints", needs_organisation=True,
    ))
    register_export(ExportSpec(
        key="internship_region_complaints", label=str(_("辖区实习投诉导出")), permission=REVIEW,
        columns=complaint_columns, allowed=may_see_region,
        queryset=lambda user, params: filtered(complaint_selectors.complaints_for_region(user), params),
        back_url_name="internships:education_complaints",
    ))
