"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by internships.registration."""


def register_exports() -> None:
    # --- entry, pool, blacklist ----------------------------------------------------------------------------
    pass
    from django.utils.translation import gettext_lazy as _

    from batch.registry import ExportSpec, register_export
    from internships.rules import BLACKLIST, REGISTRY, SCHOOL
    from internships.selectors import enterprises as entry_selectors

    register_export(ExportSpec(
        key="internship_pool", label=str(_("实习企业库导出")), permission=SCHOOL, columns=entry_selectors.POOL_COLUMNS,
        queryset=entry_selectors.pool_export, back_url_name="internships:pool", allowed=entry_selectors.may_see_pool,
        needs_organisation=True,
    ))
    register_export(ExportSpec(
        key="internship_registry", label=str(_("企业登记信息导出")), permission=REGISTRY,
        columns=entry_selectors.REGISTRY_EXPORT_COLUMNS, queryset=entry_selectors.registry_export,
        back_url_name="internships:registry", allowed=entry_selectors.may_see_registry,
    ))
    register_export(ExportSpec(
        key="internship_blacklist", label=str(_("实习企业黑名单导出")), permission=BLACKLIST,
        columns=entry_selectors.BLACKLIST_COLUMNS, queryset=entry_selectors.blacklist_export,
        back_url_name="internships:blacklist", allowed=entry_selectors.may_see_blacklist,
    ))

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications ----------------------------------------------------------------------------

    # --- internships (school overview, education department) -----------------------------------------------

    # --- insurance -----------------------------------------------------------------------------------------

    # --- complaints ----------------------------------------------------------------------------------------
