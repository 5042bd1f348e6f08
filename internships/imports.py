"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by internships.registration.
Each row runs through the form of the screen that adds one record."""


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

    # --- insured students of a policy ----------------------------------------------------------------------
