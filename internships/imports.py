"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by internships.registration.
Each row runs through the form of the screen that adds one record."""


import datetime

from django.utils.translation import gettext_lazy as _


def register_imports() -> None:
    # --- registry records (market regulator's data) ----------------------------------------------------------
    pass
    from django.utils.translation import gettext_lazy as _

    from batch.registry import ImportSpec, register_import
    from internships.forms.entry import REGISTRY_COLUMNS, RegistryRecordForm
    from internships.rules import REGISTRY
    from internships.services.enterprises import REGISTRY_IMPORT, import_registry_rows, may_import_registry

    register_import(ImportSpec(
        key=REGISTRY_IMPORT, label=str(_("企业登记信息导入")), permission=REGISTRY, columns=REGISTRY_COLUMNS,
        form_class=RegistryRecordForm, natural_key=("credit_code",), apply=import_registry_rows,
        back_url_name="internships:registry", allowed=may_import_registry, with_job=True, independent_rows=True,
    ))

    # --- positions -----------------------------------------------------------------------------------------

    # --- students ------------------------------------------------------------------------------------------
    # 学生名册导入: each row through the roll's form; upserted by ID number within the school.
    from batch.registry import Column, ImportSpec, register_import
    from internships.forms.students import StudentForm
    from internships.models import StudyLevel
    from internships.rules import SCHOOL, is_school
    from internships.services.students import import_student_rows

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
    from django.utils.translation import gettext_lazy as _

    from batch.registry import Column, ImportParent, ImportSpec, register_import
    from internships.forms.insurance import InsuredStudentRowForm
    from internships.rules import HOST
    from internships.selectors.insurance import may_file_policies, policy_for_import
    from internships.services.insurance import import_insured_rows

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
