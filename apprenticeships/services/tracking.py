"""注销培训班 (manual 003 §3.2.1.5): the enterprise cancels an approved class with a reason. Afterwards there are
no more changes, attendance or claims (each of those services checks the filing's status), the trainees are
free to enrol elsewhere, and an advance (预支) already paid is shown as owed back."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from apprenticeships.models import ChangeKind, ChangeRecord, FilingStatus
from apprenticeships.rules import ATTENDANCE, may_file
from apprenticeships.selectors.tracking import advance_owed
from apprenticeships.services.places import release_places
from apprenticeships.services.states import FILING_STATES
from audit.services import record
from notifications.services import notify_organisation
from timeline.services import add_event


def _filing_url(filing) -> str:
    for name in ("apprenticeships:filing_detail", "apprenticeships:attendance"):
        try:
            return reverse(name, args=[filing.pk])
        except NoReverseMatch:
            continue
    return ""


def cancel_class(*, filing, actor, reason: str):
    """Lock the filing, move it 审核通过 → 已注销 with the reason, free every trainee's place, log the change,
    tell the institution. Refused (ValidationError) unless approved; a missing reason is refused too."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写注销原因")})
    with transaction.atomic():
        row = FILING_STATES.lock(filing.pk)  # the Filing row first (the programme's lock order)
        if not (may_file(actor) and actor.organisation_id == row.organisation_id):
            raise PermissionDenied(_("只有本企业的备案人员可以注销培训班"))
        if row.status != FilingStatus.APPROVED:
            raise ValidationError(_("只有审核通过的培训班可以注销（当前状态：%(status)s）")
                                  % {"status": row.get_status_display()}, code="wrong_state")
        row = FILING_STATES.move(row, FilingStatus.CANCELLED, actor=actor, locked=True, cancel_reason=reason)
        released = release_places(row)
        owed = advance_owed(row)
        ChangeRecord.objects.create(
            filing=row, kind=ChangeKind.CANCELLED, actor=actor,
            summary=(_("注销培训班：%(reason)s") % {"reason": reason})[:255],
            before={"status": str(FilingStatus.APPROVED.label)},
            after={"status": str(FilingStatus.CANCELLED.label), "reason": reason, "released": released,
                   "advance_owed": str(owed)})
        record(actor=actor, action="apprenticeships.class_cancelled", target=row,
               before={"status": FilingStatus.APPROVED}, after={"status": FilingStatus.CANCELLED,
                                                                "reason": reason, "released": released,
                                                                "advance_owed": str(owed)})
        add_event(subject=row, event="cancelled", label=_("注销培训班"), actor=actor, status=FilingStatus.CANCELLED,
                  note=reason)
        if row.institution_id:
            notify_organisation(
                organisation=row.institution, permission=ATTENDANCE,
                title=_("学徒制培训班已注销：%(number)s") % {"number": row.number},
                body=_("%(enterprise)s 已注销备案 %(number)s 的培训班，原因：%(reason)s。此后不再记录考勤。")
                % {"enterprise": row.organisation.name, "number": row.number, "reason": reason},
                url=_filing_url(row))
    filing.status, filing.cancel_reason = row.status, row.cancel_reason
    return row
