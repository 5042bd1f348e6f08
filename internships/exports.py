"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by internships.registration."""


def register_exports() -> None:
    # --- entry, pool, blacklist ----------------------------------------------------------------------------
    pass

    # --- positions -----------------------------------------------------------------------------------------
    from django.utils.translation import gettext_lazy as _

    from batch.registry import Column, ExportSpec, register_export
    from internships.forms.positions import PositionFilterForm
    from internships.models import Education, Lodging, Overtime, PayMethod, PayPeriod, PositionStatus
    from internships.rules import HOST
    from internships.selectors.positions import filter_positions, may_manage_positions, positions_for_enterprise

    def labels(enum):
        return tuple((value, str(label)) for value, label in enum.choices)

    def enterprise_positions(user, params):
        form = PositionFilterForm(params)
        return filter_positions(positions_for_enterprise(user), **form.filters())

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

    # --- internships (school overview, education department) -----------------------------------------------

    # --- insurance -----------------------------------------------------------------------------------------

    # --- complaints ----------------------------------------------------------------------------------------
