"""The programme's imports (batch.registry ImportSpec), each through its screen's own form."""

from batch.registry import register_import  # noqa: F401  (used by the sections below)


def register_imports() -> None:
    # --- units: 导入人员 (organisations' staff import is the foundation's) ----------------------------------------

    # --- catalogue: 培训课程批量导入, 培训教师批量导入 ---------------------------------------------------------------

    # --- classes: 班级人员导入, 面授班培训成果导入, 申请培训班的培训成果导入 ---
    from batch.registry import Column, ImportParent, ImportSpec
    from continuing_education.forms.classes import NamesRowForm, ResultRowForm
    from continuing_education.models import Assessment
    from continuing_education.rules import DECLARE_CLASS, may_declare_class
    from continuing_education.selectors.classes import class_for_import
    from continuing_education.services.classes import import_participant_rows

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
    pass
