"""Writes of 申诉 (manual 000 §4.6): the enterprise appeals the school's conclusions of one or several complaints
of one school with a text; a review of kind `internship_appeal` decided by that school: approve = 申诉成立 (the
complaints' conclusions are revoked through the engine, so they go back to 调查中 and the school concludes
again), reject = 申诉不成立.

Lock order: a new appeal (the subject) before its complaints, taken in ascending id order (so two appeals over one
complaint queue, and the pending-appeal check runs under the lock); deciding takes appeal → its review (the
engine) → the complaints (ascending id) → each complaint's review (the engine's revoke)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, StatusMap
from internships.models import APPEAL_TRANSITIONS, CONCLUDED_STATUSES, Appeal, AppealStatus, Complaint
from internships.rules import HOST
from internships.services.complaints import TEXT_MAX, decision_reason
from notifications.services import notify_organisation
from reviews import services as review_services
from reviews.models import Decision, ReviewStatus
from reviews.registry import get_kind
from reviews.rules import available_actions
from reviews.selectors import latest_review_for
from timeline.services import add_event

APPEAL_KIND = "internship_appeal"

APPEAL_STATES = StateMachine(model=Appeal, transitions=APPEAL_TRANSITIONS, action="internships.appeal_status",
                             noun=_("申诉"))


def appeal_url(appeal) -> str:
    return reverse("internships:appeal_detail", args=[appeal.pk])


def _appeal_hook(*, subject, status, actor, review=None):
    if status == ReviewStatus.RETURNED:
        raise ValidationError(_("申诉不能退回修改，请作出“申诉成立”或“申诉不成立”的结论"))
    if status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        reason = decision_reason(review)
        if not reason:
            raise ValidationError({"reason": _("请填写处理意见")})
        return {"decision": reason, "decided_by": actor, "decided_at": timezone.now()}
    return None


APPEAL_STATUS_MAP = StatusMap(
    APPEAL_STATES,
    {
        ReviewStatus.PENDING: AppealStatus.PENDING,
        ReviewStatus.APPROVED: AppealStatus.UPHELD,
        ReviewStatus.REJECTED: AppealStatus.DISMISSED,
        ReviewStatus.RETURNED: AppealStatus.PENDING,  # refused by the hook
        ReviewStatus.WITHDRAWN: AppealStatus.WITHDRAWN,
    },
    _appeal_hook,
)


def on_appeal_status(*, subject, status, actor, review=None) -> None:
    """An upheld appeal revokes the school's conclusions of its complaints (ascending id), which go back to
    调查中; the enterprise is told the result."""
    appeal = subject
    if status not in (ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.WITHDRAWN):
        return
    add_event(subject=appeal, event=appeal.status, label=appeal.get_status_display(), actor=actor,
              status=appeal.status, note=appeal.decision)
    if status == ReviewStatus.APPROVED:
        complaints = list(Complaint.objects.select_for_update(of=("self",)).filter(appeals=appeal).order_by("pk"))
        for complaint in complaints:
            complaint_review = latest_review_for(complaint)
            if complaint.status not in CONCLUDED_STATUSES or complaint_review is None:
                continue
            review_services.revoke(review_id=complaint_review.pk, actor=actor,
                                   reason=_("企业申诉成立：%(reason)s") % {"reason": appeal.decision})
    if status != ReviewStatus.WITHDRAWN:
        notify_organisation(
            organisation=appeal.enterprise, permission=HOST,
            title=_("申诉处理结果：%(result)s（%(school)s）") % {"result": appeal.get_status_display(),
                                                        "school": appeal.school.name},
            body=_("处理意见：%(reason)s") % {"reason": appeal.decision}, url=appeal_url(appeal))


# ---------------------------------------------------------------- who may do what


def may_decide_appeal(user, appeal) -> bool:
    review = latest_review_for(appeal)
    return (review is not None and review.status == ReviewStatus.PENDING
            and available_actions(review, user)["can_decide"])


def may_appeal(user, enterprise) -> bool:
    return (user.is_authenticated and user.organisation_id is not None and user.organisation_id == enterprise.pk
            and user.has_perm(HOST) and review_services.may_submit(
                get_kind(APPEAL_KIND), Appeal(enterprise=enterprise), user))




def pending_appeals(complaint):
    return Appeal.objects.filter(complaints=complaint, status=AppealStatus.PENDING)


# ---------------------------------------------------------------- the enterprise appeals


@transaction.atomic
def file_appeal(*, enterprise, complaints, text: str, actor) -> Appeal:
    """申诉 against the school's conclusions of one or several complaints about `enterprise`, all of one school.
    A complaint with a pending appeal is not appealed again (held by the complaints' row locks)."""
    if not may_appeal(actor, enterprise):
        raise PermissionDenied(_("您无权提交申诉"))
    ids = sorted({complaint.pk for complaint in complaints})
    if not ids:
        raise ValidationError({"complaints": _("请选择要申诉的投诉")})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("请填写申诉内容")})
    if len(text) > TEXT_MAX:
        raise ValidationError({"text": _("申诉内容不能超过%(max)s字") % {"max": TEXT_MAX}})
    first = Complaint.objects.filter(pk=ids[0], enterprise=enterprise).first()
    if first is None:
        raise ValidationError({"complaints": _("所选投诉不存在")})
    # The appeal (the subject) first, then its complaints in ascending id order.
    appeal = Appeal.objects.create(enterprise=enterprise, school_id=first.school_id, text=text, created_by=actor)
    locked = list(Complaint.objects.select_for_update(of=("self",)).filter(pk__in=ids, enterprise=enterprise)
                  .order_by("pk"))
    if len(locked) != len(ids):
        raise ValidationError({"complaints": _("所选投诉不存在")})
    if len({complaint.school_id for complaint in locked}) > 1:
        raise ValidationError({"complaints": _("一次申诉只能选择同一学校处理的投诉")})
    for complaint in locked:
        if complaint.status not in CONCLUDED_STATUSES:
            raise ValidationError({"complaints": _("投诉“%(name)s”尚未处理完毕（%(status)s），不能申诉") % {
                "name": complaint.student.name, "status": complaint.get_status_display()}})
        if pending_appeals(complaint).exists():
            raise ValidationError({"complaints": _("投诉“%(name)s”已有待处理的申诉，不能重复申诉") % {
                "name": complaint.student.name}})
    appeal.complaints.set(locked)
    record(actor=actor, action="internships.appeal_filed", target=appeal,
           after={"complaints": ids, "school": first.school_id})
    add_event(subject=appeal, event="filed", label=_("企业提交申诉"), actor=actor, status=appeal.status, note=text)
    for complaint in locked:
        add_event(subject=complaint, event="appealed", label=_("企业提出申诉"), actor=actor, status=complaint.status,
                  note=text)
    review_services.submit(kind_key=APPEAL_KIND, subject=appeal, actor=actor)
    return appeal


def decide_appeal(*, appeal: Appeal, actor, uphold: bool, decision: str) -> Appeal:
    """申诉成立 (the review approved: the complaints go back to 调查中) or 申诉不成立 (rejected), with a reason."""
    decision = (decision or "").strip()
    if not decision:
        raise ValidationError({"decision": _("请填写处理意见")})
    if len(decision) > TEXT_MAX:
        raise ValidationError({"decision": _("处理意见不能超过%(max)s字") % {"max": TEXT_MAX}})
    review = latest_review_for(appeal)
    if review is None or review.status != ReviewStatus.PENDING:
        raise ValidationError(_("该申诉已处理（当前状态：%(status)s），请刷新页面") % {
            "status": appeal.get_status_display()})
    if not may_decide_appeal(actor, appeal):
        raise PermissionDenied(_("只有被申诉的学校的管理员可以处理该申诉"))
    review_services.decide(review_id=review.pk, actor=actor, reason=decision,
                           decision=Decision.APPROVE if uphold else Decision.REJECT)
    appeal.refresh_from_db()
    return appeal
