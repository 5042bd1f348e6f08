"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by internships.registration."""


from django.utils.translation import gettext_lazy as _


def register_exports() -> None:
    # --- entry, pool, blacklist ----------------------------------------------------------------------------
    pass
    from django.utils.translation import gettext_lazy as _

    from batch.registry import ExportSpec, register_export
    from internships.rules import BLACKLIST, REGISTRY, SCHOOL
    from internships.selectors import enterprises as entry_selectors

    register_export(ExportSpec(
        key="internship_pool", label=str(_("实习企业库导出")), permission=SCHOOL, columns=entry_selectors.POOL_COLUMNS,
        queryset=entry_selectors.pool_export, back_url_name="internships:pool", allowed=entry_selectors.may_see_pool,
        needs_organisation=True,
    ))
    register_export(ExportSpec(
        key="internship_registry", label=str(_("企业登记信息导出")), permission=REGISTRY,
        columns=entry_selectors.REGISTRY_EXPORT_COLUMNS, queryset=entry_selectors.registry_export,
        back_url_name="internships:registry", allowed=entry_selectors.may_see_registry,
    ))
    register_export(ExportSpec(
        key="internship_blacklist", label=str(_("实习企业黑名单导出")), permission=BLACKLIST,
        columns=entry_selectors.BLACKLIST_COLUMNS, queryset=entry_selectors.blacklist_export,
        back_url_name="internships:blacklist", allowed=entry_selectors.may_see_blacklist,
    ))

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications ----------------------------------------------------------------------------
    from batch.registry import Column, ExportSpec, register_export
    from internships.models import ApplicationStatus, StudyLevel
    from internships.rules import HOST, SCHOOL, is_host, is_school

    def _roll(user, params):
        from internships.forms.students import RollFilterForm
        from internships.selectors.students import filter_roll, roll_for_user, roll_values

        form = RollFilterForm(params, classes=roll_values(user, "class_name"), majors=roll_values(user, "major"))
        return filter_roll(roll_for_user(user), **form.filters())

    def _signing(user, params):
        from internships.forms.students import SigningFilterForm
        from internships.selectors.students import applications_for_host, filter_applications, host_positions

        form = SigningFilterForm(params, positions=host_positions(user))
        return filter_applications(applications_for_host(user), **form.filters())

    def _school_applications(user, params):
        from internships.forms.students import SchoolApplicationFilterForm
        from internships.selectors.students import applications_for_school, filter_applications, roll_values

        form = SchoolApplicationFilterForm(params, classes=roll_values(user, "class_name"))
        return filter_applications(applications_for_school(user), **form.filters())

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
    from internships.school_exports import register_school_exports

    register_school_exports()

    # --- insurance -----------------------------------------------------------------------------------------

    # --- complaints ----------------------------------------------------------------------------------------
