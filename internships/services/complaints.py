"""Writes of 实习投诉 (manual 000 §4.6); its 申诉 are in internships.services.appeals.

A student complains about the enterprise of their own internship; the complaint is a review of kind
`internship_complaint` decided by the student's school (one unit-level step): approve = 投诉情况属实, reject =
投诉情况不属实, the decision's comment is the conclusion. The school may mark a complaint 调查中 first. An upheld
appeal revokes the conclusion through the engine: the complaint goes back to 调查中 (ComplaintStatusMap).

Lock order: the student's row before a new complaint; the engine then takes subject → review."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, StatusMap
from internships.models import (
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
from internships.models.complaints import TEXT_MAX
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
DETAILS_MAX = 2000

COMPLAINT_STATES = StateMachine(model=Complaint, transitions=COMPLAINT_TRANSITIONS,
                                action="internships.complaint_status", noun=_("投诉"))

def complaint_url(complaint) -> str:
    return reverse("internships:complaint_detail", args=[complaint.pk])


def decision_reason(review) -> str:
    """The comment of the review's latest decided step (the engine saved it before telling the subject)."""
    step = review.steps.exclude(decided_at__isnull=True).order_by("-position").first() if review else None
    return (step.reason or "").strip() if step else ""


# ---------------------------------------------------------------- the review engine tells the subjects


def _complaint_hook(*, subject, status, actor, review=None):
    if status == ReviewStatus.RETURNED:
        raise ValidationError(_("实习投诉不能退回修改，请作出“投诉情况属实”或“投诉情况不属实”的结论"))
    if status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED):
        reason = decision_reason(review)
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


# ---------------------------------------------------------------- who may do what


def may_handle_complaint(user, complaint) -> bool:
    """The school deciding the complaint's review now (its administrator holding internships.school)."""
    review = latest_review_for(complaint)
    return (review is not None and review.status == ReviewStatus.PENDING
            and available_actions(review, user)["can_decide"])


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
