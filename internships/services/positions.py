"""Writes of 实习岗位 (manual 000 §3): the enterprise adds, edits, publishes, closes and deletes its positions and
states its staff on duty; where the region requires it, publication goes through the county education
department's review (kind `internship_position`, decided through POSITION_STATUS_MAP).

Lock order (docs/architecture.md): EnterpriseProfile → Position → Review. Publication locks the enterprise's
profile row first, so the 10 % ratio (the sum of the places of its published and pending positions) is checked
by one publication at a time."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record, snapshot
from audit.state import StatusMap
from internships.compliance import blocking_failures, check_position
from internships.models import (
    ACTIVE_STATUSES,
    Application,
    ApplicationStatus,
    Internship,
    Position,
    PositionStatus,
)
from internships.rules import HOST
from internships.selectors.settings import setting_for_region
from internships.services.enterprises import lock_profile
from internships.services.states import APPLICATION_STATES, POSITION_STATES
from notifications.services import notify, notify_organisation
from organisations.services import require_verified
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from timeline.services import add_event

POSITION_KIND = "internship_position"
EXEMPTION_PURPOSE = "internship_exemption"
POSITION_FIELDS = (
    "title", "department", "pay_min", "pay_max", "same_post_wage", "pay_period", "pay_method", "education",
    "places", "post_staff", "majors", "work_region", "address", "lodging", "night_shift", "overtime",
    "exemption_note", "apply_from", "apply_until", "starts_on", "ends_on", "description", "skills", "requirements",
    "charges_fees", "retains_documents", "entertainment_venue", "via_intermediary",
)
PUBLISHABLE_STATUSES = (PositionStatus.DRAFT, PositionStatus.RETURNED, PositionStatus.CLOSED)
EDITABLE_STATUSES = (PositionStatus.DRAFT, PositionStatus.RETURNED, PositionStatus.PUBLISHED, PositionStatus.CLOSED,
                     PositionStatus.PENDING)
DELETABLE_STATUSES = (PositionStatus.DRAFT, PositionStatus.RETURNED, PositionStatus.CLOSED)


class PublishRefused(ValidationError):
    """Publication refused by blocking compliance checks; `checks` is the whole checklist."""

    def __init__(self, checks):
        failed = blocking_failures(checks)
        super().__init__(_("岗位未通过合规检查，不能发布：%(labels)s")
                         % {"labels": "、".join(check.label for check in failed)}, code="compliance")
        self.checks = checks


def _refuse_revoking_used(*, subject, status, actor, review=None):
    # An approval people have applied on stands: the enterprise closes or edits the position instead.
    if status == ReviewStatus.PENDING and subject.status == PositionStatus.PUBLISHED and _has_open_or_signed(subject):
        raise review_services.ReviewConflict(_("岗位已有学生报名或签约，不能撤销审核"))


POSITION_STATUS_MAP = StatusMap(
    machine=POSITION_STATES,
    statuses={
        ReviewStatus.PENDING: PositionStatus.PENDING,
        ReviewStatus.APPROVED: PositionStatus.PUBLISHED,
        ReviewStatus.RETURNED: PositionStatus.RETURNED,
        ReviewStatus.REJECTED: PositionStatus.RETURNED,
        ReviewStatus.WITHDRAWN: PositionStatus.DRAFT,
    },
    hook=_refuse_revoking_used,
)


def _has_open_or_signed(position) -> bool:
    return (Application.objects.filter(position=position, status=ApplicationStatus.APPLIED).exists()
            or Internship.objects.filter(position=position, status__in=ACTIVE_STATUSES).exists())


def _event(position, event, label, actor, note=""):
    add_event(subject=position, event=event, label=label, actor=actor, status=position.status, note=note)


def _store_exemption(upload, *, actor, organisation):
    if upload is None:
        return None
    return store_upload(purpose=EXEMPTION_PURPOSE, uploaded_file=upload, actor=actor, owner_org=organisation)


def _check_enterprise(organisation, profile) -> None:
    require_verified(organisation)
    if profile is not None and profile.blacklisted:
        raise ValidationError(_("企业已列入黑名单，不能发布实习岗位"), code="blacklisted")


def _apply(position, data: dict) -> dict:
    before = snapshot(position, POSITION_FIELDS) if position.pk else {}
    for name in POSITION_FIELDS:
        if name in data:
            setattr(position, name, data[name])
    position.save()
    return before


@transaction.atomic
def create_position(*, organisation, actor, data: dict, exemption=None) -> Position:
    """新增实习岗位: saved 未发布; the enterprise publishes it when the checks pass."""
    require_verified(organisation)
    position = Position(enterprise=organisation, created_by=actor, status=PositionStatus.DRAFT)
    position.exemption = _store_exemption(exemption, actor=actor, organisation=organisation)
    _apply(position, data)
    record(actor=actor, action="internships.position_created", target=position,
           after=snapshot(position, POSITION_FIELDS))
    _event(position, "created", _("新增岗位"), actor)
    return position


@transaction.atomic
def update_position(*, position, actor, data: dict, exemption=None, remove_exemption: bool = False) -> Position:
    """编辑: a published or closed position goes back to 未发布 (manual 000 §3.4: it must be published again); a
    pending one's review is withdrawn first (nobody may have decided yet)."""
    locked = Position.objects.select_for_update(of=("self",)).select_related("enterprise").get(pk=position.pk)
    if locked.status not in EDITABLE_STATUSES:
        raise ValidationError(_("岗位当前状态为“%(status)s”，不能修改") % {"status": locked.get_status_display()},
                              code="not_editable")
    if locked.status == PositionStatus.PENDING:
        review = latest_review_for(locked)
        if review is not None and review.status == ReviewStatus.PENDING:
            review_services.withdraw(review_id=review.pk, actor=actor, reason=_("企业修改岗位"))
        locked.refresh_from_db()
    before = _apply(locked, data)
    if exemption is not None:
        before["exemption"] = str(locked.exemption_id or "")
        locked.exemption = _store_exemption(exemption, actor=actor, organisation=locked.enterprise)
        locked.save(update_fields=["exemption", "updated_at"])
    elif remove_exemption and locked.exemption_id:
        before["exemption"] = str(locked.exemption_id)
        locked.exemption = None
        locked.save(update_fields=["exemption", "updated_at"])
    after = snapshot(locked, POSITION_FIELDS)
    if "exemption" in before:
        after["exemption"] = str(locked.exemption_id or "")
    record(actor=actor, action="internships.position_updated", target=locked, before=before, after=after)
    if locked.status in (PositionStatus.PUBLISHED, PositionStatus.CLOSED):
        POSITION_STATES.move(locked, PositionStatus.DRAFT, actor=actor, locked=True)
        _event(locked, "unpublished", _("修改后待重新发布"), actor)
    else:
        _event(locked, "updated", _("修改岗位"), actor)
    return locked


def checks_for(position, *, profile, today=None):
    return check_position(position, profile=profile, today=today or timezone.localdate())


@transaction.atomic
def publish_position(*, position, actor, today=None) -> Position:
    """发布 (again, for a closed position): the compliance checks run under the enterprise's profile lock; a
    blocking failure refuses with the whole list (PublishRefused). Where the region requires it the position
    goes to the county education department's review (待审核) instead of being published at once."""
    today = today or timezone.localdate()
    organisation = position.enterprise
    profile = lock_profile(organisation)
    locked = Position.objects.select_for_update(of=("self",)).get(pk=position.pk)
    if locked.status not in PUBLISHABLE_STATUSES:
        raise ValidationError(_("岗位当前状态为“%(status)s”，不能发布") % {"status": locked.get_status_display()},
                              code="not_publishable")
    _check_enterprise(organisation, profile)
    checks = check_position(locked, profile=profile, today=today)
    if blocking_failures(checks):
        raise PublishRefused(checks)
    locked.compliance = [check.as_dict() for check in checks]
    if setting_for_region(locked.work_region).position_review_required:
        locked.save(update_fields=["compliance", "updated_at"])
        review_services.submit(kind_key=POSITION_KIND, subject=locked, actor=actor)
        locked.refresh_from_db()
        _event(locked, "submitted", _("提交岗位审核"), actor)
    else:
        POSITION_STATES.move(locked, PositionStatus.PUBLISHED, actor=actor, locked=True,
                             compliance=locked.compliance)
        _event(locked, "published", _("发布岗位"), actor)
    position.status, position.published_at, position.compliance = locked.status, locked.published_at, locked.compliance
    return locked


@transaction.atomic
def close_position(*, position, actor) -> Position:
    """关闭: students can no longer choose it; it may be published again."""
    locked = Position.objects.select_for_update(of=("self",)).get(pk=position.pk)
    if locked.status != PositionStatus.PUBLISHED:
        raise ValidationError(_("只有已发布的岗位可以关闭（当前：%(status)s）")
                              % {"status": locked.get_status_display()}, code="not_published")
    POSITION_STATES.move(locked, PositionStatus.CLOSED, actor=actor, locked=True)
    _event(locked, "closed", _("关闭岗位"), actor)
    _cancel_open_applications(locked, actor)
    return locked


def _cancel_open_applications(position, actor) -> None:
    """A closed position can no longer be signed: its open choices are withdrawn (their slots freed) and the
    students told, so that they can choose elsewhere. Position → Applications, ascending id."""
    applications = (Application.objects.select_for_update(of=("self",)).select_related("student")
                    .filter(position=position, status=ApplicationStatus.APPLIED).order_by("pk"))
    for application in applications:
        APPLICATION_STATES.move(application, ApplicationStatus.CANCELLED, actor=actor, locked=True,
                                choice_slot=None)
        if application.student.person_id:
            notify(recipients=[application.student.person], title=_("实习岗位已关闭，您的申请已自动撤回"),
                   body=_("“%(enterprise)s”关闭了岗位“%(title)s”，您的申请已撤回，可另选其他岗位。")
                   % {"enterprise": position.enterprise.name, "title": position.title},
                   url=reverse("internships:student_applications"))


@transaction.atomic
def delete_position(*, position, actor) -> Position:
    """删除: only while no application is open on it and no internship signed on it is running; the row stays
    (已删除) for the records that name it."""
    locked = Position.objects.select_for_update(of=("self",)).get(pk=position.pk)
    if locked.status == PositionStatus.PUBLISHED:
        raise ValidationError(_("岗位已发布，请先关闭再删除"), code="published")
    if locked.status == PositionStatus.PENDING:
        raise ValidationError(_("岗位正在审核中，请先修改或等待审核结果"), code="pending")
    if locked.status not in DELETABLE_STATUSES:
        raise ValidationError(_("岗位当前状态为“%(status)s”，不能删除") % {"status": locked.get_status_display()},
                              code="not_deletable")
    if Application.objects.filter(position=locked, status=ApplicationStatus.APPLIED).exists():
        raise ValidationError(_("该岗位还有待确认的学生报名，请先处理报名（同意或拒绝签约）后再删除"),
                              code="applications")
    if Internship.objects.filter(position=locked, status__in=ACTIVE_STATUSES).exists():
        raise ValidationError(_("该岗位有正在进行的实习（已签约），不能删除"), code="internships")
    POSITION_STATES.move(locked, PositionStatus.DELETED, actor=actor, locked=True)
    _event(locked, "deleted", _("删除岗位"), actor)
    return locked


def may_submit_position(actor, position) -> bool:
    return actor.has_perm(HOST) and actor.organisation_id == position.enterprise_id


def notify_enterprise(position, title: str) -> None:
    notify_organisation(organisation=position.enterprise, title=title, permission=HOST,
                        url=reverse("internships:position_detail", args=[position.pk]))


def require_own(actor, position) -> None:
    if not may_submit_position(actor, position):
        raise PermissionDenied(_("只有本企业可以管理该岗位"))


def import_position_rows(*, actor, organisation, rows: list[dict]) -> tuple[int, int, int]:
    """岗位导入: each validated row becomes a position of the importing enterprise, 未发布; a row whose title and
    department name an existing 未发布 position updates it. (created, updated, unchanged)."""
    if not actor.has_perm(HOST) or organisation is None or actor.organisation_id != organisation.pk:
        raise PermissionDenied(_("只有本企业可以导入岗位"))
    created = updated = unchanged = 0
    for row in rows:
        data = {name: row[name] for name in POSITION_FIELDS if name in row}
        existing = (Position.objects.filter(enterprise=organisation, status=PositionStatus.DRAFT,
                                            title=data["title"], department=data["department"])
                    .order_by("id").first())
        if existing is None:
            create_position(organisation=organisation, actor=actor, data=data)
            created += 1
        elif all(getattr(existing, name) == value for name, value in data.items()):
            unchanged += 1
        else:
            update_position(position=existing, actor=actor, data=data)
            updated += 1
    return created, updated, unchanged
