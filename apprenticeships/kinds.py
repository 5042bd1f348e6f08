"""The programme's review kinds and what the reviewer reads beside the decision form (reviews.registry,
reviews.materials); registered by apprenticeships.registration.

- 学徒制培训备案: the HR department of the county where the enterprise is insured, then filed with the city.
- 师资信息变更: the city HR department (manual 003 §3.2.1.4).
- 学徒制培训补贴申领: the county, then the city (final decision).
"""

from reviews.materials import register_materials  # noqa: F401  (used by the sections below)
from reviews.registry import ReviewKind, government_chain, register  # noqa: F401


def register_kinds() -> None:
    # --- filing ----------------------------------------------------------------------------------------------
    pass

    # --- changes: teacher change -------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------
