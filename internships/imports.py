"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by internships.registration.
Each row runs through the form of the screen that adds one record."""


def register_imports() -> None:
    # --- registry records (market regulator's data) ----------------------------------------------------------
    pass

    # --- positions -----------------------------------------------------------------------------------------

    # --- students ------------------------------------------------------------------------------------------

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
