"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by internships.registration.
Each row runs through the form of the screen that adds one record."""


import datetime

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ImportParent, ImportSpec, register_import
from internships.forms.entry import REGISTRY_COLUMNS, RegistryRecordForm
from internships.forms.insurance import InsuredStudentRowForm
from internships.forms.positions import NIGHT_SHIFT_CHOICES, YES_NO, PositionRowForm
from internships.forms.students import StudentForm
from internships.models import Education, Lodging, Overtime, PayMethod, PayPeriod, StudyLevel
from internships.rules import HOST, REGISTRY, SCHOOL, is_host, is_school
from internships.selectors.insurance import may_file_policies, policy_for_import
from internships.services.enterprises import REGISTRY_IMPORT, import_registry_rows, may_import_registry
from internships.services.insurance import import_insured_rows
from internships.services.positions import import_position_rows
from internships.services.students import import_student_rows


def register_imports() -> None:
    # --- registry records (market regulator's data) ----------------------------------------------------------
    register_import(ImportSpec(
        key=REGISTRY_IMPORT, label=str(_("企业登记信息导入")), permission=REGISTRY, columns=REGISTRY_COLUMNS,
        form_class=RegistryRecordForm, natural_key=("credit_code",), apply=import_registry_rows,
        back_url_name="internships:registry", allowed=may_import_registry, with_job=True, independent_rows=True,
    ))

    # --- positions -----------------------------------------------------------------------------------------
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
    # 学生名册导入: each row through the roll's form; upserted by ID number within the school.
    register_import(ImportSpec(
        key="internship_students", label=str(_("实习学生名册导入")), permission=SCHOOL,
        columns=(
            Column("姓名", "name", required=True, example="张三", width=10),
            Column("身份证号", "id_number", required=True, example="41010520070307123X", text=True,
                   numbers_refused=True, personal="id_number", width=22, help_text="18位，请以文本格式填写"),
            Column("学历层次", "study_level", required=True, example=StudyLevel.HIGHER_VOCATIONAL, width=12,
                   choices=tuple((value, str(label)) for value, label in StudyLevel.choices)),
            Column("专业", "major", required=True, example="机电一体化技术", width=18),
            Column("班级", "class_name", required=True, example="机电2401班", width=14),
            Column("入学日期", "enrolled_on", required=True, example=datetime.date(2024, 9, 1), width=12,
                   help_text="如 2024-09-01"),
            Column("手机号", "mobile", example="13800138000", text=True, personal="mobile", width=14),
        ),
        form_class=StudentForm, form_kwargs=lambda actor, organisation, **context: {"check_existing": False},
        natural_key=("id_number",), apply=import_student_rows, back_url_name="internships:students",
        allowed=lambda user: is_school(user) and user.has_perm(SCHOOL), with_job=True,
    ))

    # --- insured students of a policy ----------------------------------------------------------------------
    register_import(ImportSpec(
        key="internship_insured_students", label=_("被保险学生导入"), permission=HOST,
        allowed=may_file_policies,
        columns=(
            Column("身份证号", "id_number", required=True, example="410105200103071234", text=True,
                   numbers_refused=True, personal="id_number", width=22, help_text=_("18位，请以文本格式填写")),
            Column("姓名", "name", required=True, example="张三", width=12),
        ),
        form_class=InsuredStudentRowForm, natural_key=("id_number",), apply=import_insured_rows,
        form_kwargs=lambda actor, organisation, **context: {"parent": context.get("parent")},
        back_url_name="internships:insurance",
        parent=ImportParent(get=policy_for_import, describe=lambda policy: f"{policy.insurer} {policy.policy_number}"),
    ))
