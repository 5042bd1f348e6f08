"""The programme's review kinds (reviews.registry) and their review materials (reviews.materials):
enterprise admission without a registry match, position review where the region requires it, blacklisting,
complaint handling and appeals. Registered by internships.registration."""


def register_kinds() -> None:
    # --- entry: admission without a registry match; blacklisting -------------------------------------------
    pass
    from internships.services import blacklist as blacklist_services
    from internships.services import enterprises as enterprise_services
    from internships.views.blacklist import blacklist_materials
    from internships.views.entry import admission_materials
    from reviews.materials import register_materials
    from reviews.registry import register

    for kind, materials in ((enterprise_services.ADMISSION_REVIEW, admission_materials),
                            (blacklist_services.BLACKLIST_REVIEW, blacklist_materials)):
        register(kind)
        register_materials(kind.key, materials)

    # --- positions: review where the region requires it ----------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
