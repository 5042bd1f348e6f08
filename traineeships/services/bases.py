"""Writes of 见习基地: the draft, its attachments, submission through the review engine, the status the
engine reports back, and the city's 报省厅备案."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from attachments.services import store_upload
from audit.services import record, snapshot
from audit.state import StateMachine, StatusMap
from notifications.services import notify
from organisations.models import Authority, OrganisationKind
from organisations.services import require_verified
from regions.models import RegionLevel
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from traineeships.models import BASE_TRANSITIONS, BaseStatus, TraineeshipBase

BASE_KIND = "traineeship_base"
BASE_FIELDS = (
    "level", "introduction", "major_demands", "mentor_team", "bank_account_name", "bank_name", "bank_account_number",
)

# The uploads of 档案资料上传 and the purpose each is stored under.
FILE_SLOTS = {
    "rules_file": "traineeship_rules",
    "certificate_file": "traineeship_certificate",
}


def _review_stamps(base: TraineeshipBase, current, new, actor) -> dict:
    now = timezone.now()
    if new == BaseStatus.PENDING and current != BaseStatus.APPROVED:
        return {"submitted_at": now}
    if new == BaseStatus.APPROVED:
        return {"approved_at": now}
    return {}


BASE_STATES = StateMachine(model=TraineeshipBase, transitions=BASE_TRANSITIONS, action="traineeships.base_status",
                           noun=_("见习基地"), stamps=_review_stamps)


def set_base_status(base: TraineeshipBase, new_status: str, *, actor) -> None:
    """The only writer of TraineeshipBase.status."""
    BASE_STATES.move(base, BaseStatus(new_status), actor=actor)


def _refuse_revoking_filed(*, subject, status, actor, review=None):
    if status == ReviewStatus.PENDING and subject.status == BaseStatus.APPROVED and subject.is_filed:
        raise review_services.ReviewConflict(_("该基地已报省厅备案，不能撤销审核"))


# What the base's status becomes when its review's overall status changes.
BASE_STATUS_MAP = StatusMap(
    machine=BASE_STATES,
    statuses={
        ReviewStatus.PENDING: BaseStatus.PENDING,
        ReviewStatus.APPROVED: BaseStatus.APPROVED,
        ReviewStatus.REJECTED: BaseStatus.REJECTED,
        ReviewStatus.RETURNED: BaseStatus.RETURNED,
        ReviewStatus.WITHDRAWN: BaseStatus.DRAFT,
    },
    hook=_refuse_revoking_filed,
)


def _editable_base_for(organisation, actor) -> TraineeshipBase:
    base, created = TraineeshipBase.objects.select_for_update().get_or_create(
        organisation=organisation, defaults={"introduction": organisation.introduction}
    )
    if created:
        record(actor=actor, action="traineeships.base_created", target=base)
    if not base.is_editable:
        raise ValidationError(
            _("见习基地申请当前状态为“%(status)s”，不能修改") % {"status": base.get_status_display()},
            code="not_editable",
        )
    return base


def _apply(base: TraineeshipBase, data: dict) -> dict:
    before = snapshot(base, BASE_FIELDS)
    for field in BASE_FIELDS:
        setattr(base, field, data[field])
    base.save()
    return before


@transaction.atomic
def save_base(*, organisation, actor, data: dict) -> TraineeshipBase:
    """Save the application (without submitting it)."""
    base = _editable_base_for(organisation, actor)
    before = _apply(base, data)
    record(actor=actor, action="traineeships.base_saved", target=base, before=before,
           after=snapshot(base, BASE_FIELDS))
    return base


@transaction.atomic
def attach_base_file(*, organisation, actor, slot: str, uploaded_file) -> TraineeshipBase:
    """Store one upload of 档案资料上传 and put it on the application at once (it shows as done)."""
    if slot not in FILE_SLOTS:
        raise ValueError(f"unknown file slot {slot!r}")
    base = _editable_base_for(organisation, actor)
    attachment = store_upload(purpose=FILE_SLOTS[slot], uploaded_file=uploaded_file, actor=actor,
                              owner_org=organisation)
    previous = getattr(base, f"{slot}_id")
    setattr(base, slot, attachment)
    base.save(update_fields=[slot, "updated_at"])
    record(actor=actor, action="traineeships.base_file", target=base,
           before={slot: previous}, after={slot: attachment.pk})
    return base


def missing_files(base: TraineeshipBase | None, organisation) -> list[str]:
    """Labels of the attachments still missing (营业执照 comes from the organisation's profile)."""
    missing = []
    if organisation.business_licence_id is None:
        missing.append(_("营业执照"))
    if base is None or base.rules_file_id is None:
        missing.append(_("就业见习管理制度"))
    if base is None or base.certificate_file_id is None:
        missing.append(_("单位证件"))
    return missing


@transaction.atomic
def submit_base(*, organisation, actor, data: dict) -> TraineeshipBase:
    """Save and submit (or resubmit after a return/rejection) for review: county first, city last. A refused
    submission saves nothing."""
    require_verified(organisation)
    base = _editable_base_for(organisation, actor)
    _apply(base, data)
    missing = missing_files(base, organisation)
    if missing:
        raise ValidationError(_("请先上传：%(files)s") % {"files": "、".join(str(label) for label in missing)},
                              code="missing_files")
    review_services.submit(kind_key=BASE_KIND, subject=base, actor=actor)
    base.refresh_from_db()
    return base


def withdraw_base(*, base: TraineeshipBase, actor, reason: str = ""):
    review = latest_review_for(base)
    if review is None or review.status != ReviewStatus.PENDING:
        raise review_services.ReviewConflict(_("该申请不在审核中，无需撤回"))
    return review_services.withdraw(review_id=review.pk, actor=actor, reason=reason)


# ---------------------------------------------------------------- 报省厅备案


def province_hr_users(province_code: str) -> list:
    users = User.objects.filter(
        is_active=True,
        organisation__kind=OrganisationKind.GOVERNMENT,
        organisation__gov_level=RegionLevel.PROVINCE,
        organisation__authority=Authority.HUMAN_RESOURCES,
        organisation__region_id=province_code,
    )
    return list(users)


def can_file(user, base: TraineeshipBase) -> bool:
    from organisations.jurisdiction import authorised_department, can_see
    from traineeships.rules import FILE_BASES, PROGRAMME

    department = authorised_department(user, PROGRAMME)
    return (
        department is not None
        and department.gov_level == RegionLevel.CITY
        and user.has_perm(FILE_BASES)
        and can_see(user, base.organisation, PROGRAMME)
    )


@transaction.atomic
def file_with_province(*, base: TraineeshipBase, actor) -> TraineeshipBase:
    """报省厅备案: the city reports an approved base of its city to the province."""
    if not can_file(actor, base):
        raise PermissionDenied(_("只有基地所在市的人社部门可以报省厅备案"))
    locked = (
        TraineeshipBase.objects.select_for_update(of=("self",)).select_related("organisation__region").get(pk=base.pk)
    )
    if locked.status != BaseStatus.APPROVED:
        raise ValidationError(_("只有审核通过的见习基地可以报省厅备案"), code="not_approved")
    if locked.is_filed:
        raise ValidationError(_("该基地已于%(time)s报省厅备案") % {
            "time": f"{timezone.localtime(locked.filed_with_province_at):%Y-%m-%d %H:%M}"}, code="already_filed")
    locked.filed_with_province_at = timezone.now()
    locked.filed_with_province_by = actor
    locked.save(update_fields=["filed_with_province_at", "filed_with_province_by", "updated_at"])
    record(actor=actor, action="traineeships.base_filed", target=locked,
           after={"filed_with_province_at": locked.filed_with_province_at})
    notify(
        recipients=province_hr_users(locked.organisation.region.province_code),
        title=_("见习基地报省厅备案：%(name)s") % {"name": locked.organisation.name},
        body=_("%(city)s人社部门报送备案") % {"city": actor.organisation.name},
        url=reverse("traineeships:base_detail", args=[locked.pk]),
    )
    return locked
