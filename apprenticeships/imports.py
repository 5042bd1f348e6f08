"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by apprenticeships.registration.
Each row runs through the form of the screen that adds one record."""

from batch.registry import Column, ImportParent, ImportSpec, register_import  # noqa: F401


def register_imports() -> None:
    # --- filing: 培训信息 ----------------------------------------------------------------------------------------
    pass

    # --- people: 培训师资, 培训人员, 培训课程 -----------------------------------------------------------------------

    # --- tracking: attendance --------------------------------------------------------------------------------

    # --- claims: 申领人员 ------------------------------------------------------------------------------------------

    # --- hr: 紧缺急需职业目录 -----------------------------------------------------------------------------------------
    _register_shortage_import()


# --- hr ----------------------------------------------------------------------------------------------------------


def _register_shortage_import() -> None:
    from apprenticeships.forms.parameters import ShortageForm
    from apprenticeships.rules import MANAGE_PARAMETERS
    from apprenticeships.selectors.hr import may_manage_parameters
    from apprenticeships.services.parameters import import_shortage

    register_import(ImportSpec(
        key="apprenticeship_shortage", label="紧缺急需职业目录导入", permission=MANAGE_PARAMETERS,
        columns=(
            Column("目录年度", "year", required=True, example=2026, width=10),
            Column("职业（工种）", "occupation", required=True, example="电工", width=20),
            Column("上浮比例", "uplift_rate", required=True, example="0.3", width=10,
                   help_text="0 到 0.3 之间的小数，0.3 表示上浮30%。"),
            Column("依据文件", "source", required=True, example="郑州市2026年紧缺急需职业（工种）目录", width=30),
        ),
        form_class=ShortageForm, natural_key=("year", "occupation"), apply=import_shortage,
        back_url_name="apprenticeships:parameters", allowed=may_manage_parameters,
    ))
