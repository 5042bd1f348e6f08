"""The programme's spreadsheet exports of its lists ("导出", batch.registry.ExportSpec): each holds what its
list shows. Registered by internships.registration."""


def register_exports() -> None:
    # --- entry, pool, blacklist ----------------------------------------------------------------------------
    pass

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications ----------------------------------------------------------------------------

    # --- internships (school overview, education department) -----------------------------------------------
    from internships.school_exports import register_school_exports

    register_school_exports()

    # --- insurance -----------------------------------------------------------------------------------------

    # --- complaints ----------------------------------------------------------------------------------------
