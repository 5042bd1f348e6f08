"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by apprenticeships.registration.
Each row runs through the form of the screen that adds one record."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms.claims import PersonRowForm
from apprenticeships.rules import CLAIM, may_claim
from apprenticeships.selectors.claims import claim_for_import
from apprenticeships.services.claims import import_people_rows
from batch.registry import Column, ImportParent, ImportSpec, register_import  # noqa: F401


def register_imports() -> None:
    # --- filing: 培训信息 ----------------------------------------------------------------------------------------
    pass

    # --- people: 培训师资, 培训人员, 培训课程 -----------------------------------------------------------------------

    # --- tracking: attendance --------------------------------------------------------------------------------

    # --- claims: 申领人员 ------------------------------------------------------------------------------------------
    register_import(ImportSpec(
        key="apprenticeship_claim_people", label=str(_("学徒制补贴申领人员导入")), permission=CLAIM,
        allowed=may_claim,
        columns=(
            Column("身份证号", "id_number", required=True, example="410105200103071234", text=True,
                   numbers_refused=True, personal="id_number", width=22, help_text=str(_("18位，请以文本格式填写"))),
            Column("姓名", "name", example="张三", width=12, help_text=str(_("可留空；填写时须与备案一致"))),
        ),
        form_class=PersonRowForm, natural_key=("id_number",), apply=import_people_rows, with_job=True,
        form_kwargs=lambda actor, organisation, **context: {"parent": context.get("parent")},
        back_url_name="apprenticeships:claims",
        parent=ImportParent(get=claim_for_import, describe=lambda claim: f"补贴申领 {claim.number}"),
    ))
