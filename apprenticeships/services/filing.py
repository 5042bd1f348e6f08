"""Writes of a 学徒制培训备案 (manual 003 §3.2.1.1–§3.2.1.2): the draft after the 承诺书, its tabs (备案信息,
培训机构情况, 培训信息, 上传材料), submission through the review engine, 撤回 and 删除, and what the engine's
decisions make of the filing (the status map's hook holds and frees the trainees' places).

Lock order: the Filing row first, then its TrainingClass, then its Trainees (ascending id), then the Review."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apprenticeships import checks
from apprenticeships.models import (
    ECOSYSTEM_TYPES,
    Delivery,
    EcosystemRecognition,
    Filing,
    FilingMaterial,
    FilingStatus,
    TrainingClass,
)
from apprenticeships.rules import COMMITMENT_VERSION, FILE, INSTITUTION_KINDS, may_file
from apprenticeships.selectors.filing import material_labels
from apprenticeships.selectors.parameters import rules_for
from apprenticeships.services import places
from apprenticeships.services.states import FILING_STATES
from attachments.services import store_upload
from audit.services import record, snapshot
from audit.state import StatusMap
from core.constraints import known_violation
from organisations.rules import SUBMIT
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from timeline.services import add_event

FILING_KIND = "apprenticeship_filing"
NUMBER_PREFIX = "XTBA"
INFO_FIELDS = ("apprenticeship_type", "contact_name", "contact_phone")
INSTITUTION_FIELDS = ("institution_id", "other_institution_name")
CLASS_FIELDS = ("occupation", "occupation_code", "target_level", "starts_on", "ends_on", "hours", "mode",
                "extension_reason")
NO_RECOGNITION = _("该企业没有当前有效的产业技能生态链企业认定记录，请联系地市人社部门维护")


class Incomplete(ValidationError):
    """The submission's problems, one message each (submission_problems)."""


# ------------------------------------------------------------------------------------------ recognition


def valid_recognition(organisation, region, day: datetime.date) -> EcosystemRecognition | None:
    """The enterprise's 生态链 recognition of the region's city valid on `day` and not revoked, or None."""
    return (EcosystemRecognition.objects.filter(organisation=organisation, city_id=region.city_code,
                                                valid_from__lte=day, valid_to__gte=day, revoked_at__isnull=True)
            .order_by("-valid_from", "-id").first())


def needs_recognition(apprenticeship_type: str) -> bool:
    return apprenticeship_type in ECOSYSTEM_TYPES


def recognition_problem(*, organisation, region, apprenticeship_type: str, day: datetime.date) -> str | None:
    if needs_recognition(apprenticeship_type) and valid_recognition(organisation, region, day) is None:
        return str(NO_RECOGNITION)
    return None


# ------------------------------------------------------------------------------------------ the draft


def _next_number(year: int) -> str:
    head = f"{NUMBER_PREFIX}-{year}-"
    last = (Filing.objects.filter(number__startswith=head).order_by("-number")
            .values_list("number", flat=True).first())
    return f"{head}{(int(last[len(head):]) + 1 if last else 1):06d}"


def _create(**fields) -> Filing:
    """A new filing with the year's next number; a number taken by a parallel request is retried."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Filing.objects.create(number=_next_number(timezone.localdate().year), **fields)
        except IntegrityError:
            continue
    raise ValidationError(_("备案编号生成失败，请重试"))


def check_filer(actor, filing: Filing | None = None) -> None:
    if not may_file(actor) or (filing is not None and actor.organisation_id != filing.organisation_id):
        raise PermissionDenied(_("您无权办理该单位的学徒制培训备案"))


def check_editable(filing: Filing) -> None:
    if not filing.is_editable:
        raise ValidationError(_("备案当前状态为“%(status)s”，不能修改") % {"status": filing.get_status_display()},
                              code="not_editable")


@transaction.atomic
def create_filing(*, organisation, actor, apprenticeship_type: str, commitment_version: str,
                  commitment_accepted_at: datetime.datetime, today: datetime.date | None = None) -> Filing:
    """申请备案: after the 承诺书 (version and time kept), the type chosen; the draft is the enterprise's, filed
    where it is registered. 学生学徒制/技培生 need the city's 生态链 recognition valid today."""
    today = today or timezone.localdate()
    check_filer(actor)
    if actor.organisation_id != organisation.pk:
        raise PermissionDenied(_("您无权办理该单位的学徒制培训备案"))
    if commitment_version != COMMITMENT_VERSION:
        raise ValidationError(_("承诺书已更新，请重新阅读并确认"), code="commitment")
    problem = recognition_problem(organisation=organisation, region=organisation.region,
                                  apprenticeship_type=apprenticeship_type, day=today)
    if problem:
        raise ValidationError({"apprenticeship_type": problem})
    filing = _create(organisation=organisation, region=organisation.region, apprenticeship_type=apprenticeship_type,
                     commitment_version=commitment_version, commitment_accepted_by=actor,
                     commitment_accepted_at=commitment_accepted_at, created_by=actor,
                     contact_name=organisation.contact_person[:32], contact_phone=organisation.contact_phone[:20])
    record(actor=actor, action="apprenticeships.filing_created", target=filing,
           after={"number": filing.number, "apprenticeship_type": apprenticeship_type,
                  "commitment_version": commitment_version})
    add_event(subject=filing, event="created", label=_("创建备案（已确认承诺书）"), actor=actor, status=filing.status)
    return filing


def _lock_editable(filing: Filing, actor) -> Filing:
    check_filer(actor, filing)
    locked = FILING_STATES.lock(filing.pk)
    check_editable(locked)
    return locked


@transaction.atomic
def save_info(*, filing: Filing, actor, data: dict, today: datetime.date | None = None) -> Filing:
    """备案信息: the type and the contact."""
    today = today or timezone.localdate()
    locked = _lock_editable(filing, actor)
    if data["apprenticeship_type"] != locked.apprenticeship_type:
        problem = recognition_problem(organisation=locked.organisation, region=locked.region,
                                      apprenticeship_type=data["apprenticeship_type"], day=today)
        if problem:
            raise ValidationError({"apprenticeship_type": problem})
    before = snapshot(locked, INFO_FIELDS)
    for name in INFO_FIELDS:
        setattr(locked, name, data[name])
    locked.save(update_fields=[*INFO_FIELDS, "updated_at"])
    record(actor=actor, action="apprenticeships.filing_info_saved", target=locked, before=before,
           after=snapshot(locked, INFO_FIELDS))
    return locked


@transaction.atomic
def save_institution(*, filing: Filing, actor, institution=None, other_institution_name: str = "") -> Filing:
    """培训机构情况: an institution or school on Praxis, or 其他培训机构 by name (then the name is required)."""
    locked = _lock_editable(filing, actor)
    other = (other_institution_name or "").strip()
    if institution is None and not other:
        raise ValidationError({"other_institution_name": _("未选择合作培训机构的，请填写其他培训机构名称")})
    if institution is not None and other:
        raise ValidationError({"other_institution_name": _("合作培训机构与其他培训机构名称只能填写一项")})
    if institution is not None and institution.kind not in INSTITUTION_KINDS:
        raise ValidationError({"institution": _("合作培训机构应为平台上的培训机构或院校")})
    before = snapshot(locked, INSTITUTION_FIELDS)
    locked.institution = institution
    locked.other_institution_name = "" if institution is not None else other
    locked.institution_saved_at = timezone.now()
    try:
        with transaction.atomic():
            locked.save(update_fields=["institution", "other_institution_name", "institution_saved_at", "updated_at"])
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="apprenticeships.filing_institution_saved", target=locked, before=before,
           after=snapshot(locked, INSTITUTION_FIELDS))
    return locked


def class_problem(filing: Filing, *, starts_on, ends_on, extension_reason: str) -> str | None:
    """The duration rule of the region in force on the start day (a missing rule set is the problem)."""
    try:
        rules = rules_for(filing.region, starts_on)
    except ValidationError as error:
        return "；".join(error.messages)
    return checks.duration_problem(starts_on=starts_on, ends_on=ends_on, extension_reason=extension_reason,
                                   rules=rules)


@transaction.atomic
def save_class(*, filing: Filing, actor, data: dict, only_new: bool = False, job=None) -> TrainingClass:
    """培训信息: exactly one per filing (the one-to-one key holds it); `only_new` (the import) refuses a row when
    the filing has one already."""
    locked = _lock_editable(filing, actor)
    problem = class_problem(locked, starts_on=data["starts_on"], ends_on=data["ends_on"],
                            extension_reason=data.get("extension_reason", ""))
    if problem:
        raise ValidationError({"ends_on": problem})
    existing = TrainingClass.objects.select_for_update().filter(filing=locked).first()
    if existing is not None and only_new:
        raise ValidationError(_("一次备案只允许新增一条培训信息"), code="one_class")
    item = existing or TrainingClass(filing=locked, import_job=job)
    before = snapshot(item, CLASS_FIELDS) if existing is not None else None
    for name in CLASS_FIELDS:
        setattr(item, name, data.get(name, "") if name in ("occupation_code", "extension_reason") else data[name])
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="apprenticeships.filing_class_saved", target=locked, before=before,
           after=snapshot(item, CLASS_FIELDS))
    return item


def import_class_rows(*, actor, organisation, rows, parent, job=None) -> tuple[int, int, int]:
    """apply of the 培训信息 import: each row a new class of the filing `parent` (a second one fails)."""
    created = 0
    for row in rows:
        save_class(filing=parent, actor=actor, data=row, only_new=True, job=job)
        created += 1
    return created, 0, 0


@transaction.atomic
def store_material(*, filing: Filing, actor, material: str, uploaded_file) -> FilingMaterial:
    """上传材料: one file per required material; a new upload replaces the earlier one."""
    locked = _lock_editable(filing, actor)
    labels = dict(material_labels(locked))
    if material not in labels:
        raise ValidationError({"material": _("请选择列表中的材料")})
    attachment = store_upload(purpose="apprenticeship_material", uploaded_file=uploaded_file, actor=actor,
                              owner_org=locked.organisation)
    row = FilingMaterial.objects.select_for_update().filter(filing=locked, material=material).first()
    previous = row.attachment_id if row is not None else None
    if row is None:
        try:
            with transaction.atomic():
                row = FilingMaterial.objects.create(filing=locked, material=material, attachment=attachment,
                                                    uploaded_by=actor)
        except IntegrityError as error:
            raise known_violation(error) or error from None
    else:
        row.attachment = attachment
        row.uploaded_by = actor
        row.save(update_fields=["attachment", "uploaded_by", "uploaded_at"])
    record(actor=actor, action="apprenticeships.filing_material_uploaded", target=locked,
           before={"material": material, "attachment": str(previous) if previous else None},
           after={"material": material, "attachment": str(attachment.pk), "name": attachment.original_name})
    return row


# ------------------------------------------------------------------------------------------ submission


def submission_problems(filing: Filing, today: datetime.date | None = None) -> list[str]:
    """Everything missing or wrong across all the tabs, in tab order; empty when the filing may be submitted."""
    today = today or timezone.localdate()
    problems = []
    if not filing.commitment_accepted_at or filing.commitment_version != COMMITMENT_VERSION:
        problems.append(_("请先阅读并确认承诺书（当前版本 %(version)s）") % {"version": COMMITMENT_VERSION})
    problem = recognition_problem(organisation=filing.organisation, region=filing.region,
                                  apprenticeship_type=filing.apprenticeship_type, day=today)
    if problem:
        problems.append(problem)
    if filing.institution_saved_at is None or not (filing.institution_id or filing.other_institution_name):
        problems.append(_("培训机构情况：请选择合作培训机构或填写其他培训机构名称并保存"))
    training_class = TrainingClass.objects.filter(filing=filing).first()
    if training_class is None:
        problems.append(_("培训信息：请新增一条培训信息"))
    else:
        problem = class_problem(filing, starts_on=training_class.starts_on, ends_on=training_class.ends_on,
                                extension_reason=training_class.extension_reason)
        if problem:
            problems.append(_("培训信息：%(problem)s") % {"problem": problem})
        if training_class.starts_on <= today:
            problems.append(_("培训信息：培训开始日期 %(day)s 不晚于今天，备案应在培训开始前提交")
                            % {"day": training_class.starts_on.isoformat()})
    if not filing.teachers.filter(added_by_change__isnull=True).exists():
        problems.append(_("培训师资：请至少录入一名培训教师"))
    trainees = list(filing.trainees.filter(lost_on__isnull=True).order_by("pk"))
    if not trainees:
        problems.append(_("培训人员：请至少录入一名培训人员"))
    elif trainees:
        try:
            rules = rules_for(filing.region, training_class.starts_on if training_class else today)
        except ValidationError as error:
            problems.append(_("培训人员：%(problem)s") % {"problem": "；".join(error.messages)})
        else:
            for trainee in trainees:
                problem = checks.contract_problem(apprenticeship_type=filing.apprenticeship_type,
                                                  contract_starts_on=trainee.contract_starts_on,
                                                  contract_ends_on=trainee.contract_ends_on, rules=rules)
                if problem:
                    problems.append(_("培训人员 %(name)s：%(problem)s") % {"name": trainee.name, "problem": problem})
    courses = list(filing.courses.select_related("teacher").order_by("pk"))
    if not courses:
        problems.append(_("培训课程：请至少新增一门培训课程"))
    for course in courses:
        if course.delivery == Delivery.OFFLINE and course.teacher_id is None:
            problems.append(_("培训课程 %(name)s：授课方式为线下培训的，授课教师必录") % {"name": course.name})
    uploaded = set(filing.materials.values_list("material", flat=True))
    missing = [label for code, label in material_labels(filing) if code not in uploaded]
    if missing:
        problems.append(_("上传材料：请上传%(names)s") % {"names": "、".join(missing)})
    return [str(problem) for problem in problems]


@transaction.atomic
def submit_filing(*, filing: Filing, actor, today: datetime.date | None = None) -> Filing:
    """提交审核 (or resubmit after a return): nothing is submitted unless every tab is complete; the trainees
    then hold their places (the status map's hook), the county HR department reviews."""
    today = today or timezone.localdate()
    locked = _lock_editable(filing, actor)
    if not actor.has_perm(SUBMIT):
        raise PermissionDenied(_("提交审核还需要“提交申报、撤回申报”权限，请联系单位管理员"))
    problems = submission_problems(locked, today)
    if problems:
        raise Incomplete(problems)
    review_services.submit(kind_key=FILING_KIND, subject=locked, actor=actor)
    locked.refresh_from_db()
    add_event(subject=locked, event="submitted", label=_("提交审核"), actor=actor, status=locked.status)
    return locked


def _pending_review(filing: Filing):
    review = latest_review_for(filing)
    if review is None or review.status != ReviewStatus.PENDING:
        return None
    return review


def undecided(filing: Filing) -> bool:
    """Submitted and nobody has decided on it yet: 撤回 is possible."""
    review = _pending_review(filing)
    return (filing.status == FilingStatus.SUBMITTED and review is not None
            and not review.steps.exclude(decided_at__isnull=True).exists())


@transaction.atomic
def withdraw_filing(*, filing: Filing, actor, reason: str = "") -> Filing:
    """撤回: only while 待审核 and undecided (the engine refuses otherwise); the filing is a draft again and the
    trainees' places are free."""
    check_filer(actor, filing)
    locked = FILING_STATES.lock(filing.pk)
    review = _pending_review(locked)
    if locked.status != FilingStatus.SUBMITTED or review is None:
        raise ValidationError(_("只有待审核的备案可以撤回"), code="state")
    review_services.withdraw(review_id=review.pk, actor=actor, reason=reason)
    locked.refresh_from_db()
    add_event(subject=locked, event="withdrawn", label=_("撤回"), actor=actor, status=locked.status)
    return locked


@transaction.atomic
def delete_filing(*, filing: Filing, actor) -> None:
    """删除: a draft never submitted. A filing once submitted keeps its review history (the reviewers' record),
    so a returned or withdrawn one is corrected and resubmitted instead of deleted."""
    check_filer(actor, filing)
    locked = FILING_STATES.lock(filing.pk)
    if locked.status not in (FilingStatus.DRAFT, FilingStatus.RETURNED):
        raise ValidationError(_("备案当前状态为“%(status)s”，不能删除") % {"status": locked.get_status_display()},
                              code="state")
    if latest_review_for(locked) is not None:
        raise ValidationError(_("该备案已提交过审核，审核记录须保留，不能删除；可修改后重新提交"), code="reviewed")
    record(actor=actor, action="apprenticeships.filing_deleted", target=locked,
           before={"number": locked.number, "apprenticeship_type": locked.apprenticeship_type,
                   "status": locked.status})
    # Courses point at the filing's teachers (PROTECT): they go first, then the filing with everything else.
    locked.courses.all().delete()
    locked.delete()


# ------------------------------------------------------------------------------------------ the review's effect


def _review_hook(*, subject, status, actor, review=None):
    """Runs with the filing locked, before its status moves: places held on submission (a person already in
    another apprenticeship refuses it), freed on return, rejection and withdrawal; the recognition checked
    again on approval."""
    if status == ReviewStatus.PENDING:
        today = timezone.localdate()
        problem = recognition_problem(organisation=subject.organisation, region=subject.region,
                                      apprenticeship_type=subject.apprenticeship_type, day=today)
        if problem:
            raise ValidationError(problem, code="no_recognition")
        places.hold_places(subject)
        recognition = (valid_recognition(subject.organisation, subject.region, today)
                       if needs_recognition(subject.apprenticeship_type) else None)
        return {"submitted_at": timezone.now(), "recognition": recognition}
    if status in (ReviewStatus.RETURNED, ReviewStatus.REJECTED, ReviewStatus.WITHDRAWN):
        places.release_places(subject)
        return None
    if status == ReviewStatus.APPROVED:
        problem = recognition_problem(organisation=subject.organisation, region=subject.region,
                                      apprenticeship_type=subject.apprenticeship_type, day=timezone.localdate())
        if problem:
            raise review_services.ReviewConflict(problem)
    return None


FILING_STATUS_MAP = StatusMap(
    machine=FILING_STATES,
    statuses={
        ReviewStatus.PENDING: FilingStatus.SUBMITTED,
        ReviewStatus.APPROVED: FilingStatus.APPROVED,
        ReviewStatus.RETURNED: FilingStatus.RETURNED,
        ReviewStatus.REJECTED: FilingStatus.REJECTED,
        ReviewStatus.WITHDRAWN: FilingStatus.DRAFT,
    },
    hook=_review_hook,
)


def may_submit_filing(actor, filing) -> bool:
    """ReviewKind.can_submit: the enterprise's filers."""
    return actor.has_perm(FILE) and actor.organisation_id == filing.organisation_id
