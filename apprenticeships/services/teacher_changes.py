"""师资信息变更 (manual 003 §3.2.1.4): the enterprise adds teachers (师资信息 tab), swaps a course's teacher
(培训课程信息 tab, 【变更培训教师】), gives 师资变更原因 and submits; the city HR department reviews it
(apprenticeships.kinds) and the courses change only on approval. One open change per filing (database:
ap_teacher_change_one_open).

Lock order: the Filing row, then the TeacherChange, then Courses (ascending id); the review engine takes the
TeacherChange (its subject) and then the Review, and the approval hook then the courses.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apprenticeships.models import (
    OPEN_TEACHER_CHANGE_STATUSES,
    TEACHER_CHANGE_TRANSITIONS,
    ChangeKind,
    Course,
    FilingStatus,
    Teacher,
    TeacherChange,
    TeacherChangeStatus,
    TeacherSwap,
)
from apprenticeships.services.changes import add_record, check_changeable, check_enterprise, lock_filing
from audit.services import record, snapshot
from audit.state import StateMachine, StatusMap
from core.constraints import known_violation
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for

TEACHER_CHANGE_KIND = "apprenticeship_teacher_change"
EDITABLE = (TeacherChangeStatus.DRAFT, TeacherChangeStatus.RETURNED)
TEACHER_FIELDS = ("name", "id_number", "kind", "qualification", "certificate_number")


def _stamps(change, current, new, actor) -> dict:
    if new == TeacherChangeStatus.SUBMITTED:
        return {"submitted_at": timezone.now()}
    if new in (TeacherChangeStatus.APPROVED, TeacherChangeStatus.REJECTED, TeacherChangeStatus.RETURNED):
        return {"decided_at": timezone.now()}
    return {}


TEACHER_CHANGE_STATES = StateMachine(model=TeacherChange, transitions=TEACHER_CHANGE_TRANSITIONS,
                                     action="apprenticeships.teacher_change_status",
                                     noun=gettext_lazy("师资信息变更申请"), stamps=_stamps)


def _lock_change(pk: int) -> TeacherChange:
    return TeacherChange.objects.select_for_update(of=("self",)).get(pk=pk)


def _check_editable(change: TeacherChange) -> None:
    if change.status not in EDITABLE:
        raise ValidationError(_("师资信息变更申请当前状态为“%(status)s”，不能修改") % {
            "status": change.get_status_display()}, code="state")


def _begin(change: TeacherChange, actor):
    """Lock the filing, then the change; the actor must be the enterprise's and the change editable."""
    filing = lock_filing(change.filing_id)
    check_enterprise(actor, filing)
    locked = _lock_change(change.pk)
    _check_editable(locked)
    return filing, locked


def teachers_for_swap(filing, change: TeacherChange | None = None):
    """The teachers a course may be given: the filing's own (filed, or added by an approved change) and the new
    ones of this change."""
    condition = Q(added_by_change__isnull=True) | Q(added_by_change__status=TeacherChangeStatus.APPROVED)
    if change is not None:
        condition |= Q(added_by_change=change)
    return Teacher.objects.filter(filing=filing).filter(condition).order_by("pk")


@transaction.atomic
def open_change(*, filing, actor) -> TeacherChange:
    """The filing's one open teacher change, created when there is none (the filing's lock queues two requests;
    the partial unique index holds the rule in any case)."""
    locked = lock_filing(filing.pk)
    check_enterprise(actor, locked)
    existing = locked.teacher_changes.filter(status__in=OPEN_TEACHER_CHANGE_STATUSES).first()
    if existing is not None:
        return existing
    check_changeable(locked)
    try:
        with transaction.atomic():
            change = TeacherChange.objects.create(filing=locked, created_by=actor)
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="apprenticeships.teacher_change_opened", target=change,
           after={"filing": locked.number})
    return change


@transaction.atomic
def add_teacher(*, change, actor, data: dict) -> Teacher:
    filing, locked = _begin(change, actor)
    values = {name: data.get(name) or "" for name in TEACHER_FIELDS}
    if filing.teachers.filter(id_number=values["id_number"]).exists():
        raise ValidationError({"id_number": _("该身份证号的教师已在本备案的师资中")})
    try:
        with transaction.atomic():
            teacher = Teacher.objects.create(filing=filing, added_by_change=locked, **values)
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="apprenticeships.teacher_change_teacher_added", target=locked,
           after=snapshot(teacher, ("name", "kind", "qualification", "certificate_number")))
    return teacher


@transaction.atomic
def remove_teacher(*, change, actor, teacher_id: int) -> None:
    filing, locked = _begin(change, actor)
    teacher = locked.new_teachers.filter(pk=teacher_id).first()
    if teacher is None:
        raise ValidationError(_("只能删除本次变更新增的教师"), code="not_new")
    if locked.swaps.filter(new_teacher=teacher).exists():
        raise ValidationError(_("该教师已被选为课程的新授课教师，请先撤销该课程的教师替换"), code="in_use")
    record(actor=actor, action="apprenticeships.teacher_change_teacher_removed", target=locked,
           before={"name": teacher.name})
    teacher.delete()


@transaction.atomic
def swap_teacher(*, change, actor, course_id: int, new_teacher_id: int) -> TeacherSwap:
    """【变更培训教师】: the course's teacher is to become `new_teacher` once the city approves."""
    filing, locked = _begin(change, actor)
    course = Course.objects.filter(filing=filing, pk=course_id).select_related("teacher").first()
    if course is None:
        raise ValidationError({"course": _("请选择本备案的课程")})
    new_teacher = teachers_for_swap(filing, locked).filter(pk=new_teacher_id).first()
    if new_teacher is None:
        raise ValidationError({"new_teacher": _("请选择本备案的教师（或本次新增的教师）")})
    if course.teacher_id == new_teacher.pk:
        raise ValidationError({"new_teacher": _("新授课教师与原授课教师相同")})
    swap = locked.swaps.filter(course=course).first()
    before = {"course": course.name, "new_teacher": swap.new_teacher.name} if swap else None
    if swap is None:
        try:
            with transaction.atomic():
                swap = TeacherSwap.objects.create(change=locked, course=course, old_teacher=course.teacher,
                                                  new_teacher=new_teacher)
        except IntegrityError as error:
            raise known_violation(error) or error from None
    else:
        swap.old_teacher, swap.new_teacher = course.teacher, new_teacher
        swap.save(update_fields=["old_teacher", "new_teacher"])
    record(actor=actor, action="apprenticeships.teacher_change_swap", target=locked, before=before,
           after={"course": course.name, "old_teacher": course.teacher.name if course.teacher_id else "",
                  "new_teacher": new_teacher.name})
    return swap


@transaction.atomic
def remove_swap(*, change, actor, swap_id: int) -> None:
    filing, locked = _begin(change, actor)
    swap = locked.swaps.filter(pk=swap_id).select_related("course", "new_teacher").first()
    if swap is None:
        raise ValidationError(_("该教师替换不存在"), code="missing")
    record(actor=actor, action="apprenticeships.teacher_change_swap_removed", target=locked,
           before={"course": swap.course.name, "new_teacher": swap.new_teacher.name})
    swap.delete()


@transaction.atomic
def submit_change(*, change, actor, reason: str) -> TeacherChange:
    """提交: the reason is required and the change must swap at least one course's teacher or add a teacher."""
    filing, locked = _begin(change, actor)
    check_changeable(filing)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写师资变更原因")})
    if not locked.swaps.exists() and not locked.new_teachers.exists():
        raise ValidationError(_("请先新增教师或为课程变更培训教师，再提交"), code="empty")
    if reason != locked.reason:
        before = {"reason": locked.reason}
        locked.reason = reason[:255]
        locked.save(update_fields=["reason"])
        record(actor=actor, action="apprenticeships.teacher_change_reason", target=locked, before=before,
               after={"reason": locked.reason})
    review_services.submit(kind_key=TEACHER_CHANGE_KIND, subject=locked, actor=actor)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def withdraw_change(*, change, actor) -> TeacherChange:
    """撤回 while pending and undecided (the review engine's rules)."""
    filing = lock_filing(change.filing_id)
    check_enterprise(actor, filing)
    review = latest_review_for(change)
    if review is None or review.status != ReviewStatus.PENDING:
        raise ValidationError(_("该师资信息变更申请不在审核中，不能撤回"), code="state")
    review_services.withdraw(review_id=review.pk, actor=actor)
    change.refresh_from_db()
    return change


def _review_hook(*, subject, status, actor, review=None):
    """Approval applies the swaps: each course gets its new teacher (courses ascending id), recorded as 变更备案
    with before/after. Nothing changes otherwise."""
    if ReviewStatus(status) != ReviewStatus.APPROVED:
        return None
    if subject.filing.status != FilingStatus.APPROVED:
        # 注销培训班 meanwhile: no more changes (the city rejects instead).
        raise ValidationError(_("该备案当前状态为“%(status)s”，师资信息变更不能再生效，请作不通过处理") % {
            "status": subject.filing.get_status_display()}, code="state")
    swaps = {swap.course_id: swap for swap in subject.swaps.select_related("old_teacher", "new_teacher")}
    courses = Course.objects.select_for_update(of=("self",)).filter(pk__in=list(swaps)).order_by("pk")
    before, after = {}, {}
    for course in courses.select_related("teacher"):
        swap = swaps[course.pk]
        before[course.name] = course.teacher.name if course.teacher_id else ""
        after[course.name] = swap.new_teacher.name
        course.teacher = swap.new_teacher
        course.save(update_fields=["teacher"])
    new_teachers = list(subject.new_teachers.values_list("name", flat=True))
    if new_teachers:
        after["新增教师"] = "、".join(new_teachers)
    names = "；".join(f"{name}：{before[name] or '—'} → {after[name]}" for name in before)
    summary = _("师资信息变更（%(reason)s）") % {"reason": subject.reason}
    if names:
        summary += " " + names
    elif new_teachers:
        summary += " " + _("新增教师：%(names)s") % {"names": after["新增教师"]}
    add_record(filing=subject.filing, kind=ChangeKind.TEACHERS, actor=actor, before=before, after=after,
               summary=summary)
    return None


TEACHER_CHANGE_STATUS_MAP = StatusMap(
    machine=TEACHER_CHANGE_STATES,
    statuses={
        ReviewStatus.PENDING: TeacherChangeStatus.SUBMITTED,
        ReviewStatus.APPROVED: TeacherChangeStatus.APPROVED,
        ReviewStatus.REJECTED: TeacherChangeStatus.REJECTED,
        ReviewStatus.RETURNED: TeacherChangeStatus.RETURNED,
        ReviewStatus.WITHDRAWN: TeacherChangeStatus.DRAFT,
    },
    hook=_review_hook,
)

