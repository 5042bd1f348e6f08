"""Writes of the blacklist (实习企业黑名单): an education department or a school proposes, the city education
department of the enterprise's region decides through the review engine (kind `internship_blacklist`); when an
enterprise is listed its published positions close, its students' open applications are cancelled and the
schools concerned are told; removal is decided by the city or provincial education department.

Locks: the engine locks the entry (the review's subject), then the review; the listing hook then takes the
enterprise's profile, its positions (ascending id) and their open applications (ascending id), the order signing
uses after the profile (docs/architecture.md), so a listing and a signature queue on the profile row. Signing
reads `profile.blacklisted` under that same lock."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record
from audit.state import StateMachine, StatusMap
from core.constraints import known_violation
from internships.models import (
    ACTIVE_STATUSES,
    BLACKLIST_TRANSITIONS,
    Application,
    ApplicationStatus,
    BlacklistEntry,
    BlacklistStatus,
    EnterpriseProfile,
    Internship,
    Position,
    PositionStatus,
    SchoolRecommendation,
)
from internships.rules import BLACKLIST, SCHOOL, education_department, is_school
from internships.selectors.access import can_see_records_of
from internships.services.enterprises import lock_profile
from internships.services.states import APPLICATION_STATES, POSITION_STATES
from notifications.services import notify, notify_organisation
from organisations.models import Authority, Organisation
from regions.models import RegionLevel
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.registry import ReviewKind, government_chain

BLACKLIST_KIND = "internship_blacklist"
EVIDENCE_PURPOSE = "internship_blacklist_evidence"

BLACKLIST_STATES = StateMachine(model=BlacklistEntry, transitions=BLACKLIST_TRANSITIONS,
                                action="internships.blacklist_status", noun=_("黑名单记录"))


def may_propose(user, enterprise) -> bool:
    """An education department holding the blacklist permission over the enterprise's region, or a school
    (internships.school) whose records involve the enterprise (its pool, its recommendation)."""
    if not user.is_authenticated or user.organisation_id is None:
        return False
    if education_department(user) is not None:
        return user.has_perm(BLACKLIST) and can_see_records_of(user, enterprise)
    if is_school(user) and user.has_perm(SCHOOL):
        from internships.selectors.enterprises import school_may_see

        return school_may_see(user.organisation, enterprise)
    return False


def may_remove(user, entry) -> bool:
    """Removal: a blacklist holder of the city or provincial education department over the enterprise."""
    department = education_department(user)
    return (department is not None and department.gov_level in (RegionLevel.CITY, RegionLevel.PROVINCE)
            and user.has_perm(BLACKLIST) and can_see_records_of(user, entry.enterprise))


def _apply_listing(*, subject, status, actor, review=None):
    """On LISTED, in the deciding transaction: the flag, the positions, the open applications, the schools."""
    if status != ReviewStatus.APPROVED:
        return None
    list_enterprise(entry=subject, actor=actor)
    return {"listed_at": timezone.now()}


BLACKLIST_STATUS_MAP = StatusMap(
    machine=BLACKLIST_STATES,
    statuses={
        ReviewStatus.PENDING: BlacklistStatus.PROPOSED,
        ReviewStatus.APPROVED: BlacklistStatus.LISTED,
        ReviewStatus.REJECTED: BlacklistStatus.REJECTED,
        ReviewStatus.RETURNED: BlacklistStatus.RETURNED,
        ReviewStatus.WITHDRAWN: BlacklistStatus.WITHDRAWN,
    },
    hook=_apply_listing,
)


def _blacklist_chain(entry):
    # The city education department of the enterprise's region decides.
    return government_chain(entry.enterprise.region, [RegionLevel.CITY], authority=Authority.EDUCATION)


def _may_submit_blacklisting(actor, entry) -> bool:
    return actor.organisation_id == entry.proposing_organisation_id and may_propose(actor, entry.enterprise)


def _submitter(entry):
    # A department holds no reviews.submit permission: its proposals are filed by the person (may_submit then asks
    # _may_submit_blacklisting only); a school files as the school (its 我的申报).
    return None if entry.proposing_organisation.is_government else entry.proposing_organisation


BLACKLIST_REVIEW = ReviewKind(
    key=BLACKLIST_KIND,
    label=_("实习企业列入黑名单审核"),
    build_chain=_blacklist_chain,
    submitter_org=_submitter,
    region=lambda entry: entry.enterprise.region,
    title=lambda entry: _("列入实习企业黑名单：%(name)s（%(reason)s）") % {
        "name": entry.enterprise.name, "reason": entry.get_reason_display()},
    subject_url=lambda entry: reverse("internships:blacklisting", args=[entry.pk]),
    status_map=BLACKLIST_STATUS_MAP,
    can_submit=_may_submit_blacklisting,
    # A listing is ended by removal (recorded with its reason), never by revoking the decision.
    revocable_after_final=False,
    decide_permission=BLACKLIST,
)


def _schools_concerned(enterprise) -> list[Organisation]:
    """Every school that recommended the enterprise or has students interning there."""
    ids = set(SchoolRecommendation.objects.filter(enterprise=enterprise).values_list("school_id", flat=True))
    ids |= set(Internship.objects.filter(enterprise=enterprise, status__in=ACTIVE_STATUSES)
               .values_list("school_id", flat=True))
    return list(Organisation.objects.filter(pk__in=ids).order_by("pk"))


def _tell_schools(enterprise, title: str, url: str) -> None:
    for school in _schools_concerned(enterprise):
        notify_organisation(organisation=school, title=title, url=url, permission=SCHOOL)


def list_enterprise(*, entry: BlacklistEntry, actor) -> EnterpriseProfile:
    """The effects of a listing (called by the engine's status map, the entry locked): profile → positions →
    applications, each table in ascending id order."""
    enterprise = entry.enterprise
    profile = lock_profile(enterprise)
    if not profile.blacklisted:
        profile.blacklisted = True
        profile.save(update_fields=["blacklisted", "updated_at"])
        record(actor=actor, action="internships.blacklisted", target=profile, before={"blacklisted": False},
               after={"blacklisted": True, "entry": entry.pk})
    positions = list(Position.objects.select_for_update(of=("self",))
                     .filter(enterprise=enterprise).exclude(status=PositionStatus.DELETED).order_by("pk"))
    for position in positions:
        if position.status == PositionStatus.PUBLISHED:
            POSITION_STATES.move(position, PositionStatus.CLOSED, actor=actor, locked=True)
    applications = list(Application.objects.select_for_update(of=("self",)).select_related("student", "position")
                        .filter(position__in=positions, status=ApplicationStatus.APPLIED).order_by("pk"))
    for application in applications:
        APPLICATION_STATES.move(application, ApplicationStatus.CANCELLED, actor=actor, locked=True,
                                choice_slot=None, decided_at=timezone.now())
        if application.student.person_id:
            notify(recipients=[application.student.person],
                   title=_("您申请的岗位“%(title)s”已自动撤回：%(enterprise)s已被列入实习企业黑名单")
                   % {"title": application.position.title, "enterprise": enterprise.name})
    url = reverse("internships:enterprise_detail", args=[enterprise.pk])
    _tell_schools(enterprise, _("%(enterprise)s已被列入实习企业黑名单（%(reason)s）")
                  % {"enterprise": enterprise.name, "reason": entry.get_reason_display()}, url)
    return profile


def _store_evidence(evidence_file, actor):
    if evidence_file is None:
        return None
    try:
        return store_upload(purpose=EVIDENCE_PURPOSE, uploaded_file=evidence_file, actor=actor,
                            owner_org=actor.organisation)
    except ValidationError as error:
        raise ValidationError({"evidence": error.messages}) from None


@transaction.atomic
def propose_blacklisting(*, enterprise, actor, reason: str, details: str, evidence_file=None) -> BlacklistEntry:
    """提出列入黑名单; the city education department of the enterprise's region decides."""
    if not may_propose(actor, enterprise):
        raise PermissionDenied(_("您无权对该企业提出列入黑名单"))
    profile = lock_profile(enterprise)  # proposals and listings of one enterprise queue here
    if profile.blacklisted:
        raise ValidationError(_("该企业已在黑名单中"), code="listed")
    evidence = _store_evidence(evidence_file, actor)
    try:
        with transaction.atomic():
            entry = BlacklistEntry.objects.create(
                enterprise=enterprise, reason=reason, details=details, evidence=evidence, proposed_by=actor,
                proposing_organisation=actor.organisation)
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="internships.blacklist_proposed", target=entry,
           after={"enterprise": enterprise.pk, "reason": reason})
    review_services.submit(kind_key=BLACKLIST_KIND, subject=entry, actor=actor)
    entry.refresh_from_db()
    return entry


@transaction.atomic
def resubmit_blacklisting(*, entry, actor, reason: str, details: str, evidence_file=None) -> BlacklistEntry:
    """A returned proposal, corrected and submitted again."""
    locked = BLACKLIST_STATES.lock(entry.pk)
    if locked.proposing_organisation_id != actor.organisation_id or not may_propose(actor, locked.enterprise):
        raise PermissionDenied(_("只有提出单位可以修改该黑名单申请"))
    if locked.status != BlacklistStatus.RETURNED:
        raise ValidationError(_("只有退回修改的申请可以重新提交"), code="not_returned")
    before = {"reason": locked.reason, "details": locked.details}
    locked.reason, locked.details = reason, details
    fields = ["reason", "details", "updated_at"]
    if evidence_file is not None:
        locked.evidence = _store_evidence(evidence_file, actor)
        fields.append("evidence")
    locked.save(update_fields=fields)
    record(actor=actor, action="internships.blacklist_updated", target=locked, before=before,
           after={"reason": reason, "details": details})
    review_services.submit(kind_key=BLACKLIST_KIND, subject=locked, actor=actor)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def remove_from_blacklist(*, entry, actor, reason: str) -> BlacklistEntry:
    """移出黑名单: LISTED → REMOVED with the reason; the flag is cleared under the profile's lock (entry →
    profile, the order of the listing itself); the schools concerned are told. Closed positions stay closed."""
    if not may_remove(actor, entry):
        raise PermissionDenied(_("只有市级或省级教育部门可以将企业移出黑名单"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("请填写移出原因")})
    locked = BLACKLIST_STATES.lock(entry.pk)
    if locked.status != BlacklistStatus.LISTED:
        raise BLACKLIST_STATES.refuse(locked.status, BlacklistStatus.REMOVED)
    profile = lock_profile(locked.enterprise)
    BLACKLIST_STATES.move(locked, BlacklistStatus.REMOVED, actor=actor, locked=True, removed_at=timezone.now(),
                          removed_by=actor, removal_reason=reason)
    if profile.blacklisted:
        profile.blacklisted = False
        profile.save(update_fields=["blacklisted", "updated_at"])
        record(actor=actor, action="internships.unblacklisted", target=profile, before={"blacklisted": True},
               after={"blacklisted": False, "entry": locked.pk, "reason": reason})
    enterprise = locked.enterprise
    url = reverse("internships:enterprise_detail", args=[enterprise.pk])
    _tell_schools(enterprise, _("%(enterprise)s已移出实习企业黑名单") % {"enterprise": enterprise.name}, url)
    notify_organisation(organisation=enterprise, title=_("贵单位已移出实习企业黑名单"),
                        url=reverse("internships:enterprise"))
    return locked
