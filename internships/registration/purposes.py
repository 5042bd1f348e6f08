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
    # 夜班/加班特殊要求备案文件: the programme's access rule on the enterprise (its HOST members, the region's
    # education departments, platform staff).
    register_purpose("internship_exemption", label=_("夜班/加班特殊要求备案文件"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme=PROGRAMME)

    # --- school: agreements ---------------------------------------------------------------------------------

    # --- insurance ------------------------------------------------------------------------------------------

    # --- complaints -----------------------------------------------------------------------------------------
