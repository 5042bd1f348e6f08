"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by internships.registration.
Each row runs through the form of the screen that adds one record."""


def register_imports() -> None:
    # --- registry records (market regulator's data) ----------------------------------------------------------
    pass

    # --- positions -----------------------------------------------------------------------------------------

    # --- students ------------------------------------------------------------------------------------------

    # --- insured students of a policy ----------------------------------------------------------------------
