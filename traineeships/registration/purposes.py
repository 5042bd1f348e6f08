"""The files the programme keeps (attachments.purposes) and who may download them."""

from django.utils.translation import gettext_lazy as _

from attachments.purposes import register_purpose
from organisations.jurisdiction import can_see
from traineeships.models import Departure, Placement
from traineeships.rules import PROGRAMME

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}


def _trainee_or_records(field_name: str):
    """can_view of the agreement and certificate scans: the programme's access rule on the unit (its members
    holding the programme's permission, the departments with authority over it, platform staff), and the
    trainee the document is about."""

    def can_view(user, attachment) -> bool:
        if can_see(user, attachment.owner_org, PROGRAMME):
            return True
        if not user.is_authenticated:
            return False
        if field_name == "agreement_scan":
            return Placement.objects.filter(agreement_scan=attachment, person=user).exists()
        return Departure.objects.filter(certificate_scan=attachment, placement__person=user).exists()

    return can_view


def register_purposes() -> None:
    # The base's files: the programme's access rule (traineeships.rules) on the base's organisation.
    register_purpose("traineeship_rules", label=_("就业见习管理制度"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme=PROGRAMME)
    register_purpose("traineeship_certificate", label=_("单位证件"), allowed=IMAGES_AND_PDF,
                     max_bytes=5 * 1024 * 1024, programme=PROGRAMME)
    # The placement's and the departure's scans: the same rule, and the trainee.
    register_purpose("traineeship_agreement", label=_("就业见习协议（签字盖章扫描件）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=_trainee_or_records("agreement_scan"))
    register_purpose("traineeship_termination", label=_("解除见习协议证明（盖章扫描件）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=_trainee_or_records("certificate_scan"))
