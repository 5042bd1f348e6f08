"""The files the programme keeps (attachments.purposes) and who may download them."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from attachments.purposes import register_purpose  # noqa: F401
from internships.rules import PROGRAMME  # noqa: F401
from internships.selectors.school import internship_file_can_view
from internships.services.school import AGREEMENT_PURPOSE, CONSENT_PURPOSE

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}
PDF_ONLY = {"pdf"}


def register_purposes() -> None:
    # --- entry and blacklist ------------------------------------------------------------------------------
    pass

    # --- positions ------------------------------------------------------------------------------------------

    # --- school: agreements ---------------------------------------------------------------------------------
    register_purpose(CONSENT_PURPOSE, label=_("实习知情同意书（学生及监护人签字）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=internship_file_can_view("consent_form"))
    register_purpose(AGREEMENT_PURPOSE, label=_("三方实习协议（签字盖章扫描件）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=internship_file_can_view("agreement_copy"))

    # --- insurance ------------------------------------------------------------------------------------------

    # --- complaints -----------------------------------------------------------------------------------------
