"""The files the programme keeps (attachments.purposes) and who may download them."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.rules import PROGRAMME
from attachments.purposes import register_purpose

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}


def register_purposes() -> None:
    # --- filing: materials ------------------------------------------------------------------------------------
    # 备案材料: the programme's access rule on the enterprise (its members, the region's HR, platform staff).
    register_purpose("apprenticeship_material", label=_("学徒制培训备案材料"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme=PROGRAMME)

    # --- people: teachers' certificates -------------------------------------------------------------------------

    # --- claims: claim attachments ---------------------------------------------------------------------------
    register_purpose("apprenticeship_claim_attachment", label=_("学徒制培训补贴申领附件"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme=PROGRAMME)
