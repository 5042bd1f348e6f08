"""Writes of the enterprises' entry to the internship pool (manual 000 §1–§2): the programme's profile of an
enterprise, its admission (the registry check, else the county education department's review), the school's
recommendations, the staff numbers the ratio checks read, and the registry records the education
departments import."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, StatusMap
from core.constraints import known_violation
from internships import registry_check
from internships.models import (
    ADMISSION_TRANSITIONS,
    AdmissionStatus,
    EnterpriseProfile,
    RegistryRecord,
    SchoolRecommendation,
)
from internships.rules import HOST, HOST_KINDS, REGISTRY, REVIEW, SCHOOL, is_education, is_school
from internships.selectors.pool import CHECKED_ORIGINS
from notifications.services import notify_organisation
from organisations.models import Authority, Organisation
from organisations.services import require_verified
from organisations.services_registration import preregister_organisation
from regions.models import RegionLevel
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.registry import ReviewKind, government_chain

ADMISSION_KIND = "internship_admission"
REGISTRY_IMPORT = "internship_registry"
REGISTRY_FIELDS = ("name", "legal_representative", "standing", "registered_on", "business_scope")


def _checked_at(profile, current, new, actor) -> dict:
    return {"admission_checked_at": timezone.now()} if new != AdmissionStatus.PENDING else {}


ADMISSION_STATES = StateMachine(model=EnterpriseProfile, transitions=ADMISSION_TRANSITIONS,
                                field="admission_status", action="internships.admission_status",
                                noun=_("企业入库"), stamps=_checked_at)

# The county education department's decision on an enterprise the register did not confirm.
ADMISSION_STATUS_MAP = StatusMap(
    machine=ADMISSION_STATES,
    statuses={
        ReviewStatus.PENDING: AdmissionStatus.MANUAL,
        ReviewStatus.APPROVED: AdmissionStatus.ADMITTED,
        ReviewStatus.REJECTED: AdmissionStatus.REFUSED,
        ReviewStatus.RETURNED: AdmissionStatus.PENDING,
        ReviewStatus.WITHDRAWN: AdmissionStatus.PENDING,
    },
)


def _admission_chain(profile):
    # The county education department of the enterprise's region decides (a city-district is a county level).
    return government_chain(profile.organisation.region, [RegionLevel.COUNTY], authority=Authority.EDUCATION)


def _may_submit_admission(actor, profile) -> bool:
    return actor.has_perm(HOST)


ADMISSION_REVIEW = ReviewKind(
    key=ADMISSION_KIND,
    label=_("实习企业入库审查"),
    build_chain=_admission_chain,
    submitter_org=lambda profile: profile.organisation,
    region=lambda profile: profile.organisation.region,
    title=lambda profile: _("实习企业入库审查：%(name)s（%(code)s）") % {
        "name": profile.organisation.name, "code": profile.organisation.credit_code},
    subject_url=lambda profile: reverse("internships:enterprise_detail", args=[profile.organisation_id]),
    status_map=ADMISSION_STATUS_MAP,
    can_submit=_may_submit_admission,
    # One step decides; a refused enterprise applies again (after its registry data or profile is corrected).
    revocable_after_final=False,
    decide_permission=REVIEW,
)


def may_import_registry(user) -> bool:
    return is_education(user) and user.has_perm(REGISTRY)


def ensure_profile(organisation) -> EnterpriseProfile:
    """The programme's profile of a host organisation, created (pending) on first use."""
    if organisation.kind not in HOST_KINDS:
        raise ValidationError(_("只有企业和事业单位可以作为实习单位"), code="not_a_host")
    try:
        with transaction.atomic():
            profile, _created = EnterpriseProfile.objects.get_or_create(organisation=organisation)
    except IntegrityError:  # created by a parallel request in between
        profile = EnterpriseProfile.objects.get(organisation=organisation)
    return profile


def lock_profile(organisation) -> EnterpriseProfile:
    """The profile row locked (the first lock among an enterprise's rows, docs/architecture.md)."""
    profile = ensure_profile(organisation)
    return EnterpriseProfile.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=profile.pk)


def may_apply(organisation, profile: EnterpriseProfile | None) -> bool:
    status = profile.admission_status if profile is not None else AdmissionStatus.PENDING
    return (organisation.origin in CHECKED_ORIGINS and status in (AdmissionStatus.PENDING, AdmissionStatus.REFUSED)
            and not (profile is not None and profile.blacklisted))


@transaction.atomic
def apply_for_admission(*, organisation, actor) -> EnterpriseProfile:
    """申请进入实习企业库: the register decides at once (admitted or refused); with no record, or a different
    name or legal representative, the county education department reviews the application."""
    if actor.organisation_id != organisation.pk or not actor.has_perm(HOST):
        raise PermissionDenied(_("只有本企业的实习管理人员可以申请进入实习企业库"))
    if organisation.origin not in CHECKED_ORIGINS:
        raise ValidationError(_("学校推荐录入的企业在推荐时已进入该校的实习企业库，无需申请"), code="recommended")
    require_verified(organisation)
    profile = lock_profile(organisation)
    if profile.blacklisted:
        raise ValidationError(_("企业已被列入黑名单，不能申请进入实习企业库"), code="blacklisted")
    if profile.admission_status == AdmissionStatus.MANUAL:
        raise ValidationError(_("入库申请正在教育部门人工审核中，请耐心等待"), code="in_review")
    if profile.admission_status == AdmissionStatus.ADMITTED:
        raise ValidationError(_("企业已在实习企业库中"), code="admitted")
    if profile.admission_status == AdmissionStatus.REFUSED:
        ADMISSION_STATES.move(profile, AdmissionStatus.PENDING, actor=actor, locked=True)
    answer = registry_check.check(organisation)
    fields = {"registry_record": answer.matched_record, "admission_note": answer.note[:255]}
    if answer.verdict == registry_check.Verdict.ADMITTED:
        ADMISSION_STATES.move(profile, AdmissionStatus.ADMITTED, actor=actor, locked=True, **fields)
    elif answer.verdict == registry_check.Verdict.REFUSED:
        ADMISSION_STATES.move(profile, AdmissionStatus.REFUSED, actor=actor, locked=True, **fields)
    else:
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.save(update_fields=[*fields, "updated_at"])
        # The engine moves the profile to MANUAL (ADMISSION_STATUS_MAP).
        review_services.submit(kind_key=ADMISSION_KIND, subject=profile, actor=actor)
        profile.refresh_from_db()
    record(actor=actor, action="internships.admission_checked", target=profile,
           after={"verdict": answer.verdict, "registry_record": answer.matched_record.pk
                  if answer.matched_record else None, "note": answer.note})
    return profile


@transaction.atomic
def set_staff_on_duty(*, organisation, actor, staff_on_duty: int) -> EnterpriseProfile:
    """在岗职工总数: the 10 % ratio of interns (regulation §1.5) is checked against it."""
    if actor.organisation_id != organisation.pk or not actor.has_perm(HOST):
        raise PermissionDenied(_("只有本企业的实习管理人员可以修改在岗职工总数"))
    if staff_on_duty is None or staff_on_duty < 1:
        raise ValidationError({"staff_on_duty": _("在岗职工总数须为正整数")})
    profile = lock_profile(organisation)
    before = profile.staff_on_duty
    if before == staff_on_duty:
        return profile
    profile.staff_on_duty = staff_on_duty
    profile.save(update_fields=["staff_on_duty", "updated_at"])
    record(actor=actor, action="internships.staff_on_duty", target=profile, before={"staff_on_duty": before},
           after={"staff_on_duty": staff_on_duty})
    return profile


# ---------------------------------------------------------------- school recommendations


def _school_of(actor):
    if not is_school(actor) or not actor.has_perm(SCHOOL):
        raise PermissionDenied(_("只有学校的实习管理人员可以推荐实习企业"))
    return actor.organisation


def _recommend(*, school, enterprise, actor, inspection_note: str) -> SchoolRecommendation:
    try:
        with transaction.atomic():
            recommendation = SchoolRecommendation.objects.create(
                school=school, enterprise=enterprise, recommended_by=actor, inspection_note=inspection_note)
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="internships.recommended", target=recommendation,
           after={"school": school.pk, "enterprise": enterprise.pk, "inspection_note": inspection_note})
    return recommendation


@transaction.atomic
def recommend_new_enterprise(*, actor, inspection_note: str = "", **unit) -> SchoolRecommendation:
    """学校推荐录入: the school enters an enterprise that is not on the platform yet; the platform issues its
    code and activation code (organisations), the enterprise joins the school's pool at once (admitted)."""
    school = _school_of(actor)
    organisation = preregister_organisation(actor=actor, **unit)
    profile = lock_profile(organisation)
    ADMISSION_STATES.move(profile, AdmissionStatus.ADMITTED, actor=actor, locked=True,
                          admission_note=_("学校推荐录入：%(school)s") % {"school": school.name})
    return _recommend(school=school, enterprise=organisation, actor=actor, inspection_note=inspection_note)


def find_enterprise(credit_code: str) -> Organisation:
    organisation = Organisation.objects.filter(credit_code=credit_code).first()
    if organisation is None:
        raise ValidationError({"credit_code": _("平台上没有该统一社会信用代码的企业，请使用“推荐录入新企业”")})
    if organisation.kind not in HOST_KINDS:
        raise ValidationError({"credit_code": _("该单位不是企业或事业单位，不能作为实习单位")})
    return organisation


@transaction.atomic
def recommend_existing_enterprise(*, actor, credit_code: str, inspection_note: str) -> SchoolRecommendation:
    """推荐平台上已有的企业 with the school's inspection note (regulation §1.10): the enterprise joins the school's
    pool; its admission for the other schools (the registry check) is not changed."""
    school = _school_of(actor)
    require_verified(school)
    enterprise = find_enterprise(credit_code)
    profile = lock_profile(enterprise)
    if profile.blacklisted:
        raise ValidationError({"credit_code": _("该企业已被列入黑名单，不能推荐")})
    recommendation = _recommend(school=school, enterprise=enterprise, actor=actor, inspection_note=inspection_note)
    notify_organisation(
        organisation=enterprise, permission=HOST,
        title=_("%(school)s已将贵单位推荐为实习单位") % {"school": school.name},
        url=reverse("internships:enterprise"),
    )
    return recommendation


# ---------------------------------------------------------------- registry records (import)


def import_registry_rows(*, actor, organisation, rows: list[dict], job=None) -> tuple[int, int, int]:
    """Upsert validated rows of the market regulator's data by credit code: (created, updated, unchanged).
    Called by the batch engine inside its chunk transaction, which audits the job as a whole."""
    codes = [row["credit_code"] for row in rows]
    existing = {item.credit_code: item for item in RegistryRecord.objects.filter(credit_code__in=codes)}
    created = updated = 0
    for row in rows:
        item = existing.get(row["credit_code"])
        if item is None:
            item = RegistryRecord(credit_code=row["credit_code"], import_job=job,
                                  **{name: row[name] for name in REGISTRY_FIELDS})
            item.save()
            existing[item.credit_code] = item
            created += 1
            continue
        changed = [name for name in REGISTRY_FIELDS if getattr(item, name) != row[name]]
        if changed:
            for name in changed:
                setattr(item, name, row[name])
            item.import_job = job
            item.save(update_fields=[*changed, "import_job", "updated_at"])
            updated += 1
    return created, updated, len(rows) - created - updated
