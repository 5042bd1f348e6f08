"""The files the programme keeps (attachments.purposes) and who may download them."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from attachments.purposes import register_purpose
from internships.models import BlacklistEntry
from internships.rules import PROGRAMME
from internships.selectors.enterprises import get_blacklisting_for_user
from internships.selectors.insurance import policy_can_view
from internships.selectors.school import internship_file_can_view
from internships.services.school import AGREEMENT_PURPOSE, CONSENT_PURPOSE

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}
PDF_ONLY = {"pdf"}


def _may_view_evidence(user, attachment) -> bool:
    entry = BlacklistEntry.objects.filter(evidence=attachment).only("pk").first()
    if entry is None or not user.is_authenticated:
        return False
    try:
        get_blacklisting_for_user(user, entry.pk)
    except Http404:
        return False
    return True


def register_purposes() -> None:
    # --- entry and blacklist ------------------------------------------------------------------------------
    # 黑名单证明材料: the proposing organisation and the education departments that see the blacklisting.
    register_purpose("internship_blacklist_evidence", label=_("黑名单证明材料"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=_may_view_evidence)

    # --- positions ------------------------------------------------------------------------------------------
    # 夜班/加班特殊要求备案文件: the programme's access rule on the enterprise (its HOST members, the region's
    # education departments, platform staff).
    register_purpose("internship_exemption", label=_("夜班/加班特殊要求备案文件"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, programme=PROGRAMME)

    # --- school: agreements ---------------------------------------------------------------------------------
    register_purpose(CONSENT_PURPOSE, label=_("实习知情同意书（学生及监护人签字）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=internship_file_can_view("consent_form"))
    register_purpose(AGREEMENT_PURPOSE, label=_("三方实习协议（签字盖章扫描件）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=internship_file_can_view("agreement_copy"))

    # --- insurance ------------------------------------------------------------------------------------------
    register_purpose("internship_policy", label=_("实习责任保险电子保单"), allowed=PDF_ONLY,
                     max_bytes=5 * 1024 * 1024, can_view=policy_can_view)

    # --- complaints -----------------------------------------------------------------------------------------
