"""The programme's review kinds (reviews.registry) and what the review page shows beside the decision
(reviews.materials): class declarations (同步上报 and 暂不上报: one kind) and hours declarations."""

from django.urls import reverse  # noqa: F401  (used by the sections below)
from django.utils.translation import gettext_lazy as _  # noqa: F401

from reviews.materials import register_materials  # noqa: F401
from reviews.registry import ReviewKind, addressed_step, register  # noqa: F401


def register_kinds() -> None:
    # --- classes: 培训班申报 ---------------------------------------------------------------------------------------

    # --- hours: 学时申报 -------------------------------------------------------------------------------------------
    pass
