"""The programme's exports (batch.registry ExportSpec), each from its list's own query."""

from batch.registry import register_export  # noqa: F401  (used by the sections below)


def register_exports() -> None:
    # --- catalogue -----------------------------------------------------------------------------------------------

    # --- classes: 班级人员导出, 培训班 ------------------------------------------------------------------------------
    from batch.registry import Column, ExportSpec
    from continuing_education.rules import DECLARE_CLASS, may_declare_class, may_manage_training
    from continuing_education.selectors.classes import participants_for_export

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

    # --- archive: 培训档案 ------------------------------------------------------------------------------------------
    pass
