"""The programme's review kinds (reviews.registry) and their review materials (reviews.materials):
enterprise admission without a registry match, position review where the region requires it, blacklisting,
complaint handling and appeals. Registered by internships.registration."""


def register_kinds() -> None:
    # --- entry: admission without a registry match; blacklisting -------------------------------------------
    pass

    # --- positions: review where the region requires it ----------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
