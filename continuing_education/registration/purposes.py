"""The files the programme keeps (attachments.purposes) and who may download them."""

from django.utils.translation import gettext_lazy as _

from attachments.purposes import register_purpose
from continuing_education.rules import PROGRAMME
from continuing_education.selectors.hours import may_view_proof

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}


def register_purposes() -> None:
    # --- classes: 培训相关附件 -----------------------------------------------------------------------------------
    register_purpose("ce_class_material", label=_("继续教育培训班附件"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme=PROGRAMME)

    # --- hours: 学时申报证明材料 ---------------------------------------------------------------------------------
    # The unit owns the file (its administrator and departments see it through the programme's rule); the person
    # it proves hours for sees it too, whoever uploaded it.
    register_purpose("ce_declaration_proof", label=_("学时证明材料"), allowed=IMAGES_AND_PDF,
                     max_bytes=4 * 1024 * 1024, can_view=may_view_proof)

    # --- units: 统一社会信用代码附件 (in organisations, the unit registration) ---------------------------------
