"""Registrations of part 2b (placements and money), called once from traineeships.setup.register_everything()."""

from django.utils.translation import gettext_lazy as _

IMAGES_AND_PDF = {"jpeg", "png", "gif", "bmp", "webp", "pdf"}


def _trainee_or_records(field_name: str):
    """can_view of the agreement and certificate scans: the programme's access rule on the unit (its members
    holding the programme's permission, the departments with authority over it, platform staff), and the
    trainee the document is about."""

    def can_view(user, attachment) -> bool:
        from organisations.jurisdiction import can_see
        from traineeships.models import Departure, Placement
        from traineeships.rules import PROGRAMME

        if can_see(user, attachment.owner_org, PROGRAMME):
            return True
        if not user.is_authenticated:
            return False
        if field_name == "agreement_scan":
            return Placement.objects.filter(agreement_scan=attachment, person=user).exists()
        return Departure.objects.filter(certificate_scan=attachment, placement__person=user).exists()

    return can_view


def register_purposes() -> None:
    from attachments.purposes import register_purpose

    register_purpose("traineeship_agreement", label=_("就业见习协议（签字盖章扫描件）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=_trainee_or_records("agreement_scan"))
    register_purpose("traineeship_termination", label=_("解除见习协议证明（盖章扫描件）"), allowed=IMAGES_AND_PDF,
                     max_bytes=10 * 1024 * 1024, can_view=_trainee_or_records("certificate_scan"))


def _unit_with_base(user) -> bool:
    """The unit's roster works on its own base; before it has one there is nothing to open."""
    from traineeships.models import TraineeshipBase
    from traineeships.rules import is_unit

    return is_unit(user) and TraineeshipBase.objects.filter(organisation_id=user.organisation_id).exists()


def register_navigation() -> None:
    from accounts.rules import is_individual
    from core.navigation import NavEntry, add_programme_entry, register_programme
    from traineeships.rules import GROUP, is_hr

    register_programme("traineeships", GROUP, icon="briefcase")
    for entry in (
        NavEntry(_("上岗人员"), "traineeships:placements", "person-badge", "traineeships.manage_base",
                 needs_organisation=True),
        NavEntry(_("批量上报"), "traineeships:reports", "cloud-upload", "traineeships.manage_base",
                 needs_organisation=True),
        NavEntry(_("补贴花名册"), "traineeships:roster", "cash-coin", "traineeships.manage_base",
                 visible=_unit_with_base),
        NavEntry(_("统计分析"), "traineeships:statistics", "bar-chart", "traineeships.review", visible=is_hr),
        NavEntry(_("补贴花名册"), "traineeships:roster", "cash-coin", "traineeships.review", visible=is_hr),
        NavEntry(_("我的见习"), "traineeships:my_placement", "person-workspace", None, visible=is_individual),
    ):
        add_programme_entry("traineeships", entry)


def register_audit_labels() -> None:
    from audit.labels import register_action

    for code, label in {
        "traineeships.placement_created": _("录用上岗登记"),
        "traineeships.placement_updated": _("修改上岗登记"),
        "traineeships.placement_status": _("上岗登记状态变更"),
        "traineeships.agreement_uploaded": _("上传见习协议扫描件"),
        "traineeships.agreement_printed": _("下载就业见习协议"),
        "traineeships.retention_registered": _("留用登记"),
        "traineeships.departure_registered": _("离岗登记"),
        "traineeships.departure_requested": _("本人申请离岗"),
        "traineeships.departure_updated": _("修改离岗登记"),
        "traineeships.departure_status": _("离岗状态变更"),
        "traineeships.certificate_uploaded": _("上传解除见习协议证明"),
        "traineeships.certificate_printed": _("下载解除见习协议证明"),
        "traineeships.monthly_report": _("见习月度情况上报"),
        "traineeships.roster_exported": _("导出补贴经费花名册"),
    }.items():
        register_action(code, label)


def register_placements() -> None:
    from reviews.registry import register
    from traineeships.placement_kinds import AGREEMENT_REVIEW, TERMINATION_REVIEW
    from traineeships.report_batch import register_report_specs

    register_purposes()
    register(AGREEMENT_REVIEW)
    register(TERMINATION_REVIEW)
    register_navigation()
    register_audit_labels()
    register_report_specs()
