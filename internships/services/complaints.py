"""Writes of 实习投诉 and 申诉 (manual 000 §4.6).

A student complains about the enterprise of their own internship; the complaint is a review of kind
`internship_complaint` decided by the student's school (one unit-level step): approve = 投诉情况属实, reject =
投诉情况不属实, the decision's comment is the conclusion. The school may mark a complaint 调查中 first.
The enterprise appeals one or several concluded complaints of one school with a text: a review of kind
`internship_appeal` decided by that school, approve = 申诉成立 (the complaints' conclusions are revoked through
the engine, so they go back to 调查中 and the school concludes again), reject = 申诉不成立.

Lock order: the student's row before a new complaint; a new appeal (the subject) before its complaints, taken in
ascending id order; the engine then takes subject → review. Deciding an appeal takes appeal → its review →
the complaints (ascending id) → each complaint's review."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, StatusMap
from internships.models import (
    APPEAL_TRANSITIONS,
    COMPLAINT_TRANSITIONS,
    CONCLUDED_STATUSES,
    Appeal,
    AppealStatus,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    Internship,
    Student,
)
from internships.rules import HOST
from internships.selectors.access import student_of
from internships.selectors.complaints import COMPLAINABLE_STATUSES
from notifications.services import notify, notify_organisation
from reviews import services as review_services
from reviews.models import Decision, ReviewStatus
from reviews.rules import available_actions
from reviews.selectors import latest_review_for
from timeline.services import add_event

COMPLAINT_KIND = "internship_complaint"
APPEAL_KIND = "internship_appeal"
DETAILS_MAX = 2000
TEXT_MAX = 2000

COMPLAINT_STATES = StateMachine(model=Complaint, transitions=COMPLAINT_TRANSITIONS,
                                action="internships.complaint_status", noun=_("投诉"))
APPEAL_STATES = StateMachine(model=Appeal, transitions=APPEAL_TRANSITIONS, action="internships.appeal_status",
                             noun=_("申诉"))


def complaint_url(complaint) -> str:
    return reverse("internships:complaint_detail", args=[complaint.pk])


def appeal_url(appeal) -> str:
    return reverse("internships:appeal_detail", args=[appeal.pk])


def _decision_reason(review) -> str:
    """The comment of the review's latest decided step (the engine saved it before telling the subject)."""
    step = review.steps.exclude(decided_at__isnull=True).order_by("-position").first() if review else None
    return (step.reason or "").strip() if step else ""


# ---------------------------------------------------------------- the review engine tells the subjects


def _complaint_hook(*, subject, status, actor, review=None):
    if status == ReviewStatus.RETURNED:
        raise ValidationError(_("实习投诉不能退回修改，请作出“投诉情况属实”或“投诉情况不属实”的结论"))
    if status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        reason = _decision_reason(review)
        if not reason:
            raise ValidationError({"reason": _("请填写处理意见（投诉处理结论的理由）")})
        return {"conclusion": reason, "concluded_by": actor, "concluded_at": timezone.now()}
    return None


@dataclass(frozen=True)
class ComplaintStatusMap(StatusMap):
    """A pending review is an open complaint: it keeps 待处理 or 调查中 while pending, and a concluded complaint
    whose conclusion is revoked (an upheld appeal) goes back to 调查中. The other statuses map one to one."""

    def apply(self, *, subject, review_status, actor, review=None):
        if review_status != ReviewStatus.PENDING:
            return super().apply(subject=subject, review_status=review_status, actor=actor, review=review)
        locked = self.machine.lock(subject.pk)
        if locked.status in CONCLUDED_STATUSES:
            if _pending_appeals(locked).exists():
                raise ValidationError(_("该投诉有待处理的申诉，请先处理申诉"))
            self.machine.move(locked, ComplaintStatus.INVESTIGATING, actor=actor, locked=True, conclusion="",
                              concluded_by=None, concluded_at=None)
            for name in ("status", "conclusion", "concluded_by", "concluded_at"):
                setattr(subject, name, getattr(locked, name))
        return locked


COMPLAINT_STATUS_MAP = ComplaintStatusMap(
    COMPLAINT_STATES,
    {
        ReviewStatus.PENDING: ComplaintStatus.SUBMITTED,  # not used: see ComplaintStatusMap.apply
        ReviewStatus.APPROVED: ComplaintStatus.SUBSTANTIATED,
        ReviewStatus.REJECTED: ComplaintStatus.UNSUBSTANTIATED,
        ReviewStatus.RETURNED: ComplaintStatus.SUBMITTED,  # refused by the hook
        ReviewStatus.WITHDRAWN: ComplaintStatus.WITHDRAWN,
    },
    _complaint_hook,
)


def on_complaint_status(*, subject, status, actor, review=None) -> None:
    """After the complaint moved: its history, and the conclusion told to the enterprise and the student."""
    complaint = subject
    if status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        label = complaint.get_status_display()
        add_event(subject=complaint, event="concluded", label=label, actor=actor, status=complaint.status,
                  note=complaint.conclusion)
        title = _("实习投诉处理结果：%(result)s（%(student)s）") % {"result": label, "student": complaint.student.name}
        body = _("处理意见：%(reason)s") % {"reason": complaint.conclusion}
        notify_organisation(organisation=complaint.enterprise, title=title, body=body, url=complaint_url(complaint),
                            permission=HOST)
        if complaint.student.person_id:
            notify(recipients=[complaint.student.person],
                   title=_("您的实习投诉已处理：%(result)s") % {"result": label}, body=body,
                   url=reverse("internships:student_complaints"))
    elif status == ReviewStatus.PENDING and complaint.status == ComplaintStatus.INVESTIGATING:
        # Pending again while 调查中: the conclusion was revoked (an upheld appeal).
        add_event(subject=complaint, event="reopened", label=_("处理结论已撤销，重新调查"), actor=actor,
                  status=complaint.status)
    elif status == ReviewStatus.WITHDRAWN:
        add_event(subject=complaint, event="withdrawn", label=_("学生撤回投诉"), actor=actor, status=complaint.status)


def _appeal_hook(*, subject, status, actor, review=None):
    if status == ReviewStatus.RETURNED:
        raise ValidationError(_("申诉不能退回修改，请作出“申诉成立”或“申诉不成立”的结论"))
    if status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        reason = _decision_reason(review)
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


def may_handle_complaint(user, complaint) -> bool:
    """The school deciding the complaint's review now (its administrator holding internships.school)."""
    review = latest_review_for(complaint)
    return (review is not None and review.status == ReviewStatus.PENDING
            and available_actions(review, user)["can_decide"])


def may_decide_appeal(user, appeal) -> bool:
    review = latest_review_for(appeal)
    return (review is not None and review.status == ReviewStatus.PENDING
            and available_actions(review, user)["can_decide"])


def may_appeal(user, enterprise) -> bool:
    return (user.is_authenticated and user.organisation_id is not None and user.organisation_id == enterprise.pk
            and user.has_perm(HOST) and review_services.may_submit(
                _kind(APPEAL_KIND), Appeal(enterprise=enterprise), user))


def _kind(key):
    from reviews.registry import get_kind

    return get_kind(key)


def _pending_appeals(complaint):
    return Appeal.objects.filter(complaints=complaint, status=AppealStatus.PENDING)


# ---------------------------------------------------------------- the student complains


def clean_categories(categories) -> list[str]:
    chosen = [str(code) for code in categories or []]
    if not chosen:
        raise ValidationError({"categories": _("请至少选择一个投诉类别")})
    unknown = [code for code in chosen if code not in ComplaintCategory.values]
    if unknown:
        raise ValidationError({"categories": _("未知的投诉类别")})
    # In the order of the manual's list, each once.
    return [code for code in ComplaintCategory.values if code in chosen]


@transaction.atomic
def file_complaint(*, internship: Internship, actor, categories, details: str) -> Complaint:
    """The student complains about the enterprise of their own internship; the school is asked to handle it."""
    student = student_of(actor)
    if student is None or internship.student_id != student.pk:
        raise PermissionDenied(_("只能投诉本人的实习企业"))
    Student.objects.select_for_update().filter(pk=student.pk).first()  # the person's lock (lock order step 1)
    internship = Internship.objects.select_related("enterprise", "school", "student").get(pk=internship.pk)
    if internship.status not in COMPLAINABLE_STATUSES:
        raise ValidationError({"internship": _("该实习当前状态为“%(status)s”，不能投诉") % {
            "status": internship.get_status_display()}})
    codes = clean_categories(categories)
    details = (details or "").strip()
    if not details:
        raise ValidationError({"details": _("请填写投诉内容")})
    if len(details) > DETAILS_MAX:
        raise ValidationError({"details": _("投诉内容不能超过%(max)s字") % {"max": DETAILS_MAX}})
    complaint = Complaint.objects.create(
        internship=internship, student=internship.student, enterprise=internship.enterprise,
        school=internship.school, categories=codes, details=details,
    )
    record(actor=actor, action="internships.complaint_filed", target=complaint,
           after={"internship": internship.pk, "categories": codes})
    add_event(subject=complaint, event="filed", label=_("学生提交投诉"), actor=actor, status=complaint.status)
    review_services.submit(kind_key=COMPLAINT_KIND, subject=complaint, actor=actor)
    return complaint


# ---------------------------------------------------------------- the school handles it


def _require_handler(complaint, actor):
    if not may_handle_complaint(actor, complaint):
        raise PermissionDenied(_("只有该学生所在学校的管理员可以处理该投诉"))


@transaction.atomic
def start_investigation(*, complaint: Complaint, actor) -> Complaint:
    """调查中: the school has begun to look into the complaint (before concluding)."""
    _require_handler(complaint, actor)
    moved = COMPLAINT_STATES.move(complaint, ComplaintStatus.INVESTIGATING, actor=actor,
                                  expected=ComplaintStatus.SUBMITTED)
    add_event(subject=moved, event="investigating", label=_("学校开始调查"), actor=actor, status=moved.status)
    if moved.student.person_id:
        notify(recipients=[moved.student.person], title=_("学校正在调查您的实习投诉"),
               url=reverse("internships:student_complaints"))
    return moved


def conclude_complaint(*, complaint: Complaint, actor, substantiated: bool, conclusion: str) -> Complaint:
    """投诉情况属实 (the review approved) or 不属实 (rejected), with the reason as the decision's comment."""
    conclusion = (conclusion or "").strip()
    if not conclusion:
        raise ValidationError({"conclusion": _("请填写处理意见（投诉处理结论的理由）")})
    if len(conclusion) > TEXT_MAX:
        raise ValidationError({"conclusion": _("处理意见不能超过%(max)s字") % {"max": TEXT_MAX}})
    review = latest_review_for(complaint)
    if review is None or review.status != ReviewStatus.PENDING:
        raise ValidationError(_("该投诉已处理（当前处理结果：%(status)s），请刷新页面") % {
            "status": complaint.get_status_display()})
    _require_handler(complaint, actor)
    review_services.decide(review_id=review.pk, actor=actor, reason=conclusion,
                           decision=Decision.APPROVE if substantiated else Decision.REJECT)
    complaint.refresh_from_db()
    return complaint


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
        if _pending_appeals(complaint).exists():
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
