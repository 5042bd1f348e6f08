"""The programme's imports (batch.registry ImportSpec), each through its screen's own form."""

import datetime

from batch.registry import Column, ImportParent, ImportSpec, register_import
from continuing_education.forms import catalogue as catalogue_forms
from continuing_education.forms.classes import NamesRowForm, ResultRowForm
from continuing_education.models import Assessment, SubjectType
from continuing_education.rules import DECLARE_CLASS, MANAGE_TRAINING, may_declare_class, may_manage_training
from continuing_education.selectors.classes import class_for_import
from continuing_education.services import catalogue as catalogue_services
from continuing_education.services.classes import import_participant_rows
from continuing_education.services.online_results import import_online_rows


def register_imports() -> None:
    # --- units: 导入人员 (organisations' staff import is the foundation's) ----------------------------------------

    # --- catalogue: 培训课程批量导入, 培训教师批量导入 ---------------------------------------------------------------
    # Through the screens' own forms (the teachers of a course named by name, 科目类型 by its label), upserted by
    # name within the unit, in file order (the course form looks the unit's teachers up).
    register_import(ImportSpec(
        key="ce_teachers", label="培训教师批量导入", permission=MANAGE_TRAINING, allowed=may_manage_training,
        columns=(
            Column("教师姓名", "name", required=True, example="李教授", width=12),
            Column("职称/职务", "title", example="教授", width=14),
            Column("工作单位", "employer", example="福州大学", width=24),
            Column("专业领域", "specialty", example="电子信息", width=16),
            Column("联系电话", "mobile", example="13800138000", text=True, personal="mobile", width=14,
                   help_text="11位手机号码，可不填"),
            Column("教师简介", "introduction", example="长期从事电子信息技术研究", width=40),
        ),
        form_class=catalogue_forms.TeacherForm, natural_key=("name",),
        apply=catalogue_services.import_teacher_rows, back_url_name="continuing_education:teachers"))
    register_import(ImportSpec(
        key="ce_courses", label="培训课程批量导入", permission=MANAGE_TRAINING, allowed=may_manage_training,
        columns=(
            Column("课程名称", "name", required=True, example="新技术应用", width=24),
            Column("科目类型", "subject_type", required=True, example=SubjectType.PROFESSIONAL, width=12,
                   choices=tuple((value, str(label)) for value, label in SubjectType.choices)),
            Column("学时", "hours", required=True, example="6.5", text=True, width=8,
                   help_text="大于0，最多一位小数"),
            Column("授课教师", "teachers", required=True, example="李教授、王老师", width=24,
                   help_text="本单位师资中的教师姓名，多名教师以“、”分隔"),
            Column("课程大纲", "outline", example="一、新技术概述；二、应用案例", width=40),
        ),
        form_class=catalogue_forms.CourseForm, natural_key=("name",),
        form_kwargs=lambda actor, organisation, **context: {"organisation": organisation},
        apply=catalogue_services.import_course_rows, back_url_name="continuing_education:courses"))

    # --- classes: 班级人员导入, 面授班培训成果导入, 申请培训班的培训成果导入 ---
    people_columns = (
        Column("姓名", "name", required=True, example="张三", width=12),
        Column("身份证号", "id_number", required=True, example="410105198805121234", text=True, numbers_refused=True,
               personal="id_number", width=22, help_text="18位，请以文本格式填写"),
    )
    result_columns = people_columns + (
        Column("获得学时", "hours", required=True, example="12", width=10, help_text="不超过培训班学时"),
        Column("考核结果", "assessment", required=True, example=Assessment.PASSED, width=10,
               choices=tuple((value, str(label)) for value, label in Assessment.choices)),
    )
    for key, label, columns, form_class in (
        ("ce_class_people", "班级人员导入", people_columns, NamesRowForm),
        ("ce_class_results", "面授班培训成果导入", result_columns, ResultRowForm),
        ("ce_class_sync_results", "申请培训班的培训成果导入", result_columns, ResultRowForm),
    ):
        register_import(ImportSpec(
            key=key, label=label, permission=DECLARE_CLASS, allowed=may_declare_class, columns=columns,
            form_class=form_class, natural_key=("id_number",), apply=import_participant_rows,
            form_kwargs=lambda actor, organisation, **context: {"parent": context.get("parent")},
            back_url_name="continuing_education:classes",
            parent=ImportParent(get=class_for_import, describe=lambda item: f"{item.year}年度 {item.name}")))

    # --- hours: 网络班培训成果导入 ---------------------------------------------------------------------------------
    # Rows in file order (the form looks up the unit's platforms and roster; the online cap adds up earlier rows).
    # forms.hours builds its upload field from the attachment purpose registered in ready() after this module is
    # imported, so it is imported here, when the imports are registered.
    from continuing_education.forms.hours import OnlineResultRowForm

    register_import(ImportSpec(
        key="ce_online_results", label="网络班培训成果导入", permission=MANAGE_TRAINING,
        allowed=may_manage_training,
        columns=(
            Column("网授平台", "platform", required=True, example="专技学习网", width=18,
                   help_text="本单位培训对接管理中的网授平台名称"),
            Column("姓名", "name", required=True, example="张三", width=10),
            Column("身份证号", "id_number", required=True, example="410105198805120011", text=True,
                   numbers_refused=True, personal="id_number", width=22,
                   help_text="18位，请以文本格式填写；须在本单位人员信息中"),
            Column("课程名称", "course_name", required=True, example="公需科目网络课程", width=24),
            Column("年度", "year", required=True, example=2026, width=8),
            Column("科目类型", "subject_type", required=True, example=SubjectType.PUBLIC, width=12,
                   choices=tuple((value, str(label)) for value, label in SubjectType.choices)),
            Column("学时", "hours", required=True, example=10, width=8),
            Column("完成日期", "completed_on", required=True, example=datetime.date(2026, 5, 20), width=12),
        ),
        form_class=OnlineResultRowForm, natural_key=("platform", "id_number", "course_name", "year"),
        apply=import_online_rows, with_job=True,
        form_kwargs=lambda actor, organisation, **context: {"organisation": organisation},
        back_url_name="continuing_education:online_results"))
