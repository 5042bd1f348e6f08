"""Scoped reads of the entry area: registry records, an enterprise's record, a school's pool and
recommendations, blacklist entries. Every one goes through internships.selectors.access (404 when not visible)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404

from accounts.rules import is_platform_staff
from batch.registry import Column
from internships.models import (
    BlacklistEntry,
    BlacklistStatus,
    EnterpriseProfile,
    Position,
    PositionStatus,
    RegistryRecord,
    SchoolRecommendation,
)
from internships.rules import BLACKLIST, HOST_KINDS, REGISTRY, REVIEW, SCHOOL, is_education, is_school
from internships.selectors.access import can_see_records_of, records_q
from internships.selectors.pool import pool_q
from organisations.models import Organisation


def school_may_see(school, enterprise) -> bool:
    """A school sees the enterprises of its pool and those it recommended (also once blacklisted)."""
    recommended = SchoolRecommendation.objects.filter(school=school, enterprise=enterprise).exists()
    return recommended or Organisation.objects.filter(pool_q(school), pk=enterprise.pk).exists()


def _acting_school(user):
    if is_school(user) and user.has_perm(SCHOOL):
        return user.organisation
    return None


def get_enterprise_for_user(user, pk: int) -> Organisation:
    """An enterprise's record: the enterprise itself (internships.host), a school whose pool holds it or that
    recommended it, the education departments of its region, platform staff; else 404."""
    enterprise = Organisation.objects.select_related("region", "internship_profile").filter(
        pk=pk, kind__in=HOST_KINDS).first()
    if enterprise is None:
        raise Http404
    school = _acting_school(user)
    if school is not None and school_may_see(school, enterprise):
        return enterprise
    if school is None and can_see_records_of(user, enterprise):
        return enterprise
    raise Http404


def profile_of(organisation) -> EnterpriseProfile | None:
    return EnterpriseProfile.objects.filter(organisation=organisation).select_related("registry_record").first()


def recommenders_of(enterprise):
    return SchoolRecommendation.objects.filter(enterprise=enterprise).select_related("school", "recommended_by")


def blacklistings_of(enterprise):
    return BlacklistEntry.objects.filter(enterprise=enterprise).select_related(
        "proposing_organisation", "proposed_by", "removed_by")


def position_counts(enterprise) -> dict:
    rows = Position.objects.filter(enterprise=enterprise).exclude(status=PositionStatus.DELETED)
    total = rows.count()
    return {"total": total, "published": rows.filter(status=PositionStatus.PUBLISHED).count()}


# ---------------------------------------------------------------- registry records


def registry_records(user):
    if not (is_platform_staff(user) or (is_education(user) and user.has_perm(REGISTRY))):
        raise PermissionDenied
    return RegistryRecord.objects.all()


def filter_registry(records, data: dict):
    if data.get("q"):
        records = records.filter(Q(name__contains=data["q"]) | Q(credit_code__contains=data["q"].upper()))
    if data.get("standing"):
        records = records.filter(standing=data["standing"])
    return records


# ---------------------------------------------------------------- the school's pool


def pool_for_school(school):
    recommended_here = SchoolRecommendation.objects.filter(school=school, enterprise=OuterRef("pk"))
    return (Organisation.objects.filter(pool_q(school))
            .select_related("region", "internship_profile")
            .annotate(recommended_here=Exists(recommended_here),
                      published_positions=Count("internship_positions",
                                                filter=Q(internship_positions__status=PositionStatus.PUBLISHED)))
            .order_by("name", "pk"))


def filter_pool(enterprises, data: dict):
    if data.get("q"):
        enterprises = enterprises.filter(Q(name__contains=data["q"]) | Q(credit_code__contains=data["q"].upper()))
    if data.get("source") == "recommended":
        enterprises = enterprises.filter(recommended_here=True)
    elif data.get("source") == "checked":
        enterprises = enterprises.filter(recommended_here=False)
    if data.get("origin"):
        enterprises = enterprises.filter(origin=data["origin"])
    if data.get("with_positions"):
        enterprises = enterprises.filter(published_positions__gt=0)
    return enterprises


def pool_for_user(user):
    school = _acting_school(user)
    if school is None:
        raise PermissionDenied
    return pool_for_school(school)


def recommendations_of(school):
    return SchoolRecommendation.objects.filter(school=school).select_related(
        "enterprise", "enterprise__internship_profile", "recommended_by")


# ---------------------------------------------------------------- blacklist


def blacklist_for_user(user):
    """Entries of the enterprises in the department's region (any reviewer permission); a school's own
    proposals; platform staff: all."""
    if is_platform_staff(user):
        return BlacklistEntry.objects.all()
    school = _acting_school(user)
    if school is not None:
        return BlacklistEntry.objects.filter(proposing_organisation=school)
    if is_education(user):
        return BlacklistEntry.objects.filter(records_q(user, enterprise="enterprise", school=None))
    raise PermissionDenied


def filter_blacklist(entries, data: dict):
    if data.get("q"):
        entries = entries.filter(Q(enterprise__name__contains=data["q"])
                                 | Q(enterprise__credit_code__contains=data["q"].upper()))
    if data.get("status"):
        entries = entries.filter(status=data["status"])
    return entries.select_related("enterprise", "proposing_organisation", "proposed_by")


def get_blacklisting_for_user(user, pk: int) -> BlacklistEntry:
    entry = BlacklistEntry.objects.select_related(
        "enterprise", "enterprise__region", "proposing_organisation", "proposed_by", "removed_by", "evidence",
    ).filter(pk=pk).first()
    if entry is None:
        raise Http404
    school = _acting_school(user)
    if school is not None:
        if entry.proposing_organisation_id == school.pk:
            return entry
        raise Http404
    if can_see_records_of(user, entry.enterprise) and (is_platform_staff(user) or is_education(user)):
        return entry
    raise Http404


def public_blacklist():
    """公开的黑名单: the enterprises listed now."""
    return (BlacklistEntry.objects.filter(status=BlacklistStatus.LISTED).select_related("enterprise")
            .order_by("-listed_at", "-id"))


def may_propose_anywhere(user) -> bool:
    return (is_education(user) and user.has_perm(BLACKLIST)) or _acting_school(user) is not None


# ---------------------------------------------------------------- exports (what each list shows)


def may_see_pool(user) -> bool:
    return _acting_school(user) is not None


def may_see_registry(user) -> bool:
    return is_platform_staff(user) or (is_education(user) and user.has_perm(REGISTRY))


def may_see_blacklist(user) -> bool:
    return is_platform_staff(user) or is_education(user) and (user.has_perm(BLACKLIST) or user.has_perm(REVIEW))


def _profile(enterprise):
    return getattr(enterprise, "internship_profile", None)


POOL_COLUMNS = (
    Column("企业名称", "name", width=28),
    Column("统一社会信用代码", "credit_code", text=True, width=22),
    Column("注册地区", "region", width=24, value=lambda item: item.region.full_name if item.region else ""),
    Column("来源", "origin", width=12, value=lambda item: item.get_origin_display()),
    Column("入库方式", "recommended_here", width=14,
           value=lambda item: "本校推荐" if item.recommended_here else "审查入库"),
    Column("发布中岗位数", "published_positions", width=12),
    Column("联系人", "contact_person", width=12),
    Column("联系电话", "contact_phone", text=True, width=16),
)

REGISTRY_EXPORT_COLUMNS = (
    Column("统一社会信用代码", "credit_code", text=True, width=22),
    Column("企业名称", "name", width=28),
    Column("法定代表人", "legal_representative", width=12),
    Column("登记状态", "standing", width=18, value=lambda item: item.get_standing_display()),
    Column("成立日期", "registered_on", width=12),
    Column("经营范围", "business_scope", width=40),
)

BLACKLIST_COLUMNS = (
    Column("企业名称", "enterprise", width=28, value=lambda item: item.enterprise.name),
    Column("统一社会信用代码", "credit_code", text=True, width=22, value=lambda item: item.enterprise.credit_code),
    Column("列入原因", "reason", width=24, value=lambda item: item.get_reason_display()),
    Column("状态", "status", width=14, value=lambda item: item.get_status_display()),
    Column("提出单位", "proposing_organisation", width=24, value=lambda item: item.proposing_organisation.name),
    Column("提出时间", "created_at", width=18, value=lambda item: item.created_at.strftime("%Y-%m-%d %H:%M")),
    Column("列入时间", "listed_at", width=18,
           value=lambda item: item.listed_at.strftime("%Y-%m-%d %H:%M") if item.listed_at else ""),
    Column("移出时间", "removed_at", width=18,
           value=lambda item: item.removed_at.strftime("%Y-%m-%d %H:%M") if item.removed_at else ""),
    Column("移出原因", "removal_reason", width=30),
)
