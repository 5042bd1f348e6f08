"""The files the programme keeps (attachments.purposes) and who may download them."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from attachments.purposes import register_purpose  # noqa: F401
from internships.rules import PROGRAMME  # noqa: F401

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}
PDF_ONLY = {"pdf"}


def register_purposes() -> None:
    # --- entry and blacklist ------------------------------------------------------------------------------
    pass

    # --- positions ------------------------------------------------------------------------------------------

    # --- school: agreements ---------------------------------------------------------------------------------

    # --- insurance ------------------------------------------------------------------------------------------
    from internships.selectors.insurance import policy_can_view

    register_purpose("internship_policy", label=_("实习责任保险电子保单"), allowed=PDF_ONLY,
                     max_bytes=5 * 1024 * 1024, can_view=policy_can_view)

    # --- complaints -----------------------------------------------------------------------------------------
