"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by internships.registration.
Each row runs through the form of the screen that adds one record."""


def register_imports() -> None:
    # --- registry records (market regulator's data) ----------------------------------------------------------
    pass

    # --- positions -----------------------------------------------------------------------------------------
    import datetime

    from django.utils.translation import gettext_lazy as _

    from batch.registry import Column, ImportSpec, register_import
    from internships.forms.positions import NIGHT_SHIFT_CHOICES, YES_NO, PositionRowForm
    from internships.models import Education, Lodging, Overtime, PayMethod, PayPeriod
    from internships.rules import HOST, is_host
    from internships.services.positions import import_position_rows

    def choices(pairs):
        return tuple((value, str(label)) for value, label in pairs)

    year = datetime.date.today().year + 1
    position_columns = (
        Column("岗位名称", "title", required=True, example="机械制造实习生", width=18),
        Column("实习部门", "department", required=True, example="机械部", width=14),
        Column("实习报酬下限（元/月）", "pay_min", required=True, example=2400, width=14),
        Column("实习报酬上限（元/月）", "pay_max", required=True, example=3000, width=14),
        Column("本单位相同岗位工资标准（元/月）", "same_post_wage", required=True, example=3000, width=18,
               help_text="实习报酬下限不低于其80%"),
        Column("报酬发放周期", "pay_period", required=True, choices=choices(PayPeriod.choices), example="monthly"),
        Column("报酬发放方式", "pay_method", required=True, choices=choices(PayMethod.choices), example="money",
               width=24),
        Column("学历要求", "education", required=True, choices=choices(Education.choices), example="any"),
        Column("实习人数", "places", required=True, example=10, width=10),
        Column("同类岗位在岗职工数", "post_staff", required=True, example=100, width=14,
               help_text="实习人数一般不高于其20%"),
        Column("对口专业", "majors", required=True, example="机械制造与自动化", width=20),
        Column("工作地区代码", "work_region", required=True, example="410105", text=True, width=12,
               help_text="6位区县行政区划代码"),
        Column("工作地址", "address", required=True, example="郑州市金水区文化路1号", width=28),
        Column("住宿条件", "lodging", required=True, choices=choices(Lodging.choices), example="shared_small"),
        Column("夜班情况", "night_shift", required=True, choices=choices(NIGHT_SHIFT_CHOICES), example="no"),
        Column("加班情况", "overtime", required=True, choices=choices(Overtime.choices), example="none"),
        Column("特殊要求说明", "exemption_note", example="", width=20,
               help_text="有夜班或加班时须在页面上上传备案文件后才能发布"),
        Column("报名日期始", "apply_from", required=True, example=datetime.date(year, 3, 1), width=12),
        Column("报名日期止", "apply_until", required=True, example=datetime.date(year, 3, 31), width=12),
        Column("实习开始日期", "starts_on", required=True, example=datetime.date(year, 4, 1), width=12),
        Column("实习结束日期", "ends_on", required=True, example=datetime.date(year, 9, 30), width=12),
        Column("岗位描述", "description", required=True, example="参与机械零件加工。", width=28),
        Column("学习技能", "skills", required=True, example="数控机床操作", width=20),
        Column("实习要求", "requirements", required=True, example="遵守安全操作规程", width=20),
        Column("是否收取费用", "charges_fees", required=True, choices=choices(YES_NO), example="no", width=10),
        Column("是否扣留证件", "retains_documents", required=True, choices=choices(YES_NO), example="no", width=10),
        Column("是否营业性娱乐场所", "entertainment_venue", required=True, choices=choices(YES_NO), example="no",
               width=10),
        Column("是否通过中介组织", "via_intermediary", required=True, choices=choices(YES_NO), example="no",
               width=10),
    )
    register_import(ImportSpec(
        key="internship_positions", label=str(_("实习岗位导入")), permission=HOST, columns=position_columns,
        form_class=PositionRowForm, natural_key=("title", "department"), apply=import_position_rows,
        back_url_name="internships:positions", allowed=lambda user: is_host(user) and user.has_perm(HOST),
    ))

    # --- students ------------------------------------------------------------------------------------------

    # --- insured students of a policy ----------------------------------------------------------------------
