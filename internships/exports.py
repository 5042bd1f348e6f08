"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by internships.registration."""


def register_exports() -> None:
    # --- entry, pool, blacklist ----------------------------------------------------------------------------
    pass

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications ----------------------------------------------------------------------------

    # --- internships (school overview, education department) -----------------------------------------------

    # --- insurance -----------------------------------------------------------------------------------------

    # --- complaints ----------------------------------------------------------------------------------------
    # 实习投诉管理 (the enterprise) and 辖区实习投诉 (the education department): the rows their lists show.
    from django.utils.translation import gettext_lazy as _

    from batch.registry import Column, ExportSpec, register_export
    from internships.forms.complaints import ComplaintFilterForm
    from internships.rules import HOST, REVIEW
    from internships.selectors import complaints as complaint_selectors
    from internships.views.complaints import may_see_region

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
