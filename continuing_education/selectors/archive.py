"""培训档案: 认定结果 (assess), the list of a unit's (or a department's) people × one year, one person's years and the
forecast of what is still missing.

The list is the roster, not the ArchiveYear rows: a person on the roster with nothing credited for the year is a
row of 0 hours. The archive follows the person (ID number hash): a unit sees every year of the people on its
roster, whichever unit credited them. A unit's roster here is its staff records that are not a refused or ended
link: typed records (no account) and linked ones. A person who asked to join (待审核) is not shown before the
administrator accepts, nor one who left (已调离) or was refused; their years stay with the person.

Rules: the region's HoursRule (the city's, else the province's). online_cap: online hours beyond the cap do not
count toward the total (the subject minima are checked on the credited hours). carry_over is not applied: no hours
move between years in this version."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, DecimalField, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_platform_staff
from continuing_education.models import ArchiveYear, HoursRule
from continuing_education.rules import department, is_professional, is_unit, may_see_archive
from continuing_education.selectors.access import linked_staff, not_found, own_person_q, units_q
from continuing_education.selectors.hours_rules import rule_for
from organisations.models import StaffLink, StaffMember

ZERO = Decimal("0")
HOURS = DecimalField(max_digits=7, decimal_places=1)
ON_ROSTER = (StaffLink.NONE, StaffLink.LINKED)


class Result(models.TextChoices):
    """认定结果."""

    PASSED = "passed", _("合格")
    FAILED = "failed", _("不合格")
    IN_PROGRESS = "in_progress", _("进行中")
    NO_RULE = "no_rule", _("未设置")


NO_RULE_TEXT = _("该年度尚未设置学时要求")


def counted_total(public, professional, online, online_cap) -> Decimal:
    """The year's total as the rule counts it: online hours beyond the cap do not count."""
    excess = max(ZERO, online - online_cap) if online_cap is not None else ZERO
    return public + professional - excess


def _met(public, professional, online, rule) -> bool:
    return (counted_total(public, professional, online, rule.online_cap) >= rule.total_min
            and professional >= rule.professional_min and public >= rule.public_min)


def assess(archive_year, rule, today) -> str:
    """认定结果 of one person's year (an ArchiveYear, or an unsaved one of 0 hours): 合格 when the total, 专业 and
    公需 each reach the rule's minimum; otherwise 进行中 until the year ends, then 不合格; 未设置 without a rule."""
    if rule is None:
        return Result.NO_RULE
    if _met(archive_year.public_hours, archive_year.professional_hours, archive_year.online_hours, rule):
        return Result.PASSED
    return Result.IN_PROGRESS if archive_year.year >= today.year else Result.FAILED


@dataclass(frozen=True)
class Missing:
    """尚缺学时: what the year still needs (公需, 专业, and the total, which may need more than the two)."""

    public: Decimal
    professional: Decimal
    total: Decimal

    def __bool__(self):
        return self.total > 0

    @property
    def text(self) -> str:
        return _("公需 %(public)s，专业 %(professional)s，合计 %(total)s") % {
            "public": hours_text(self.public), "professional": hours_text(self.professional),
            "total": hours_text(self.total)}


def hours_text(value) -> str:
    """Hours as people write them: 30, 29.5 (one decimal at most, no trailing .0)."""
    return str(Decimal(value).quantize(Decimal("0.1"))).removesuffix(".0")


def missing_hours(public, professional, online, rule) -> Missing | None:
    if rule is None:
        return None
    missing_public = max(ZERO, rule.public_min - public)
    missing_professional = max(ZERO, rule.professional_min - professional)
    missing_total = max(ZERO, rule.total_min - counted_total(public, professional, online, rule.online_cap))
    return Missing(missing_public, missing_professional, max(missing_total, missing_public + missing_professional))


# --- the list: roster × year ------------------------------------------------------------------------------------


def may_open_archive(user) -> bool:
    return may_see_archive(user) or department(user) is not None


def roster_for_user(user):
    """The staff records whose archive the user reads (403 for anyone else)."""
    if may_see_archive(user):
        staff = StaffMember.objects.filter(organisation_id=user.organisation_id)
    elif department(user) is not None:
        staff = StaffMember.objects.filter(units_q(user, "organisation__"))
    else:
        raise PermissionDenied
    return staff.filter(link_status__in=ON_ROSTER)


def _year_value(field: str, year: int):
    rows = ArchiveYear.objects.filter(id_number_hash=OuterRef("id_number_hash"), year=year)
    return Coalesce(Subquery(rows.values(field)[:1], output_field=HOURS), Value(ZERO), output_field=HOURS)


def _rule_value(field: str, output_field=HOURS):
    return Subquery(HoursRule.objects.filter(pk=OuterRef("rule_pk")).values(field)[:1], output_field=output_field)


def with_year(staff, *, year: int, today):
    """`staff` annotated with the year's hours (0 when nothing is credited), the rule of the unit's region and
    认定结果 (`result`), all in the query so the list filters and pages on them."""
    rule_pk = Coalesce(
        Subquery(HoursRule.objects.filter(region_id=OuterRef("organisation__region__city_code"), year=year)
                 .values("pk")[:1]),
        Subquery(HoursRule.objects.filter(region_id=OuterRef("organisation__region__province_code"), year=year)
                 .values("pk")[:1]))
    staff = staff.annotate(
        archive_pk=Subquery(ArchiveYear.objects.filter(id_number_hash=OuterRef("id_number_hash"), year=year)
                            .values("pk")[:1]),
        public_hours=_year_value("public_hours", year), professional_hours=_year_value("professional_hours", year),
        class_hours=_year_value("class_hours", year), online_hours=_year_value("online_hours", year),
        declared_hours=_year_value("declared_hours", year), rule_pk=rule_pk,
    ).annotate(
        total_min=_rule_value("total_min"), professional_min=_rule_value("professional_min"),
        public_min=_rule_value("public_min"), online_cap=_rule_value("online_cap"),
    ).annotate(
        total_hours=F("public_hours") + F("professional_hours"),
        counted_hours=F("public_hours") + F("professional_hours") - Greatest(
            F("online_hours") - Coalesce(F("online_cap"), F("online_hours"), output_field=HOURS), Value(ZERO),
            output_field=HOURS),
    )
    unmet = Value(Result.IN_PROGRESS if year >= today.year else Result.FAILED)
    return staff.annotate(result=Case(
        When(rule_pk__isnull=True, then=Value(Result.NO_RULE)),
        When(Q(counted_hours__gte=F("total_min"), professional_hours__gte=F("professional_min"),
               public_hours__gte=F("public_min")), then=Value(Result.PASSED)),
        default=unmet, output_field=models.CharField()))


def filter_rows(rows, *, name="", id_number="", region=None, title_level="", result="", gender="", unit=""):
    if name:
        rows = rows.filter(name__icontains=name)
    if id_number:
        rows = rows.filter(id_number=id_number)
    if region is not None:
        rows = rows.filter(**_region_filter(region, "organisation__region__"))
    if title_level:
        rows = rows.filter(title_level=title_level)
    if result:
        rows = rows.filter(result=result)
    if gender:
        rows = rows.filter(gender=gender)
    if unit:
        rows = rows.filter(organisation__name__icontains=unit)
    return rows


def _region_filter(region, prefix: str) -> dict:
    from regions.models import RegionLevel

    if region.level == RegionLevel.PROVINCE:
        return {f"{prefix}province_code": region.code}
    if region.level == RegionLevel.CITY:
        return {f"{prefix}city_code": region.code}
    return {f"{prefix}code": region.code}


def archive_rows(user, *, year: int, today, **filters):
    rows = with_year(roster_for_user(user), year=year, today=today).annotate(archive_year=Value(year))
    return filter_rows(rows, **filters).select_related("organisation", "organisation__region").order_by(
        "organisation__name", "name", "id")


def attach_missing(rows, *, year: int, today) -> None:
    """尚缺学时 of each row (the current year only; computed from the row's own annotations, no query)."""
    for row in rows:
        row.missing = None
        if year == today.year and row.rule_pk is not None:
            rule = HoursRule(total_min=row.total_min, professional_min=row.professional_min,
                             public_min=row.public_min, online_cap=row.online_cap)
            row.missing = missing_hours(row.public_hours, row.professional_hours, row.online_hours, rule)


def result_label(row) -> str:
    return str(Result(row.result).label)


def missing_text(row) -> str:
    """尚缺学时 of an annotated row as text ("" outside the current year or when nothing is missing)."""
    from django.utils import timezone

    today = timezone.localdate()
    attach_missing([row], year=row.archive_year, today=today)
    return row.missing.text if row.missing else ""


# --- one person's year ------------------------------------------------------------------------------------------


def archive_q(user) -> Q:
    """The ArchiveYear rows the user sees: the person's own; a unit's (with 培训档案) of the people on its roster;
    a department's of the people on its units' rosters and the years its units credited."""
    q = own_person_q(user)
    if may_see_archive(user):
        q |= Q(id_number_hash__in=StaffMember.objects.filter(
            organisation_id=user.organisation_id, link_status__in=ON_ROSTER).values("id_number_hash"))
    if department(user) is not None or is_platform_staff(user):
        q |= Q(id_number_hash__in=StaffMember.objects.filter(
            units_q(user, "organisation__"), link_status__in=ON_ROSTER).values("id_number_hash"))
        q |= units_q(user, "organisation__")
    return q


def get_archive_year_for_user(user, pk):
    """The year (404 when the user does not see it; 403 for a member of the person's unit without 培训档案)."""
    item = ArchiveYear.objects.filter(archive_q(user), pk=pk).select_related("organisation").first()
    if item is not None:
        return item
    if is_unit(user) and ArchiveYear.objects.filter(pk=pk, id_number_hash__in=StaffMember.objects.filter(
            organisation_id=user.organisation_id, link_status__in=ON_ROSTER).values("id_number_hash")).exists():
        raise PermissionDenied
    return not_found("培训档案")


def region_of(archive_year, user=None):
    """The region whose rule applies to a year: the unit that credited it, else the person's current unit."""
    if archive_year.organisation_id is not None:
        return archive_year.organisation.region
    staff = StaffMember.objects.filter(id_number_hash=archive_year.id_number_hash,
                                       link_status__in=ON_ROSTER).select_related("organisation__region").first()
    return staff.organisation.region if staff is not None else None


def rule_of(archive_year):
    return rule_for(region_of(archive_year), archive_year.year)


# --- 我的培训档案 ----------------------------------------------------------------------------------------------


@dataclass
class PersonYear:
    archive: ArchiveYear  # unsaved (0 hours) when nothing is credited yet this year
    rule: HoursRule | None
    result: str
    missing: Missing | None

    @property
    def result_label(self):
        return Result(self.result).label


def has_archive(user) -> bool:
    """A professional the programme knows: a staff record of theirs, or hours archived under their ID number."""
    if not is_professional(user):
        return False
    return (StaffMember.objects.filter(account=user).exists()
            or ArchiveYear.objects.filter(own_person_q(user)).exists())


def years_of_person(user, today) -> list[PersonYear]:
    """The person's years, newest first, the current year always among them; each assessed by the rule of the
    region of the unit that credited it (the current year: the person's current unit)."""
    years = list(ArchiveYear.objects.filter(own_person_q(user)).select_related("organisation__region"))
    if not any(item.year == today.year for item in years):
        years.insert(0, ArchiveYear(name=user.real_name, year=today.year))
    current = linked_staff(user)
    current_region = current.organisation.region if current is not None else None
    regions = {item.year: (current_region if item.year == today.year and current_region is not None
                           else item.organisation.region if item.organisation_id else current_region)
               for item in years}
    codes = {code for region in regions.values() if region is not None
             for code in (region.city_code, region.province_code) if code}
    rules = {(rule.region_id, rule.year): rule for rule in HoursRule.objects.filter(
        region_id__in=codes, year__in=[item.year for item in years])}
    result = []
    for item in sorted(years, key=lambda each: -each.year):
        region = regions[item.year]
        rule = None
        if region is not None:
            rule = rules.get((region.city_code, item.year)) or rules.get((region.province_code, item.year))
        missing = (missing_hours(item.public_hours, item.professional_hours, item.online_hours, rule)
                   if item.year == today.year else None)
        result.append(PersonYear(item, rule, assess(item, rule, today), missing))
    return result
