"""工作桌面 (manual 004 §1): the counts a unit, a professional or a department sees on opening the programme.

Every number is an aggregate query over the records themselves (no stored counters), and each desk makes a fixed
number of queries whatever the data: the per-year table asks one grouped query per column, not one per year.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_platform_staff
from continuing_education.models import (
    ArchiveYear,
    ClassCourse,
    ClassStatus,
    DeclarationStatus,
    HoursDeclaration,
    HoursRule,
    Participant,
    ResultsStatus,
    TrainingClass,
)
from continuing_education.rules import (
    ARCHIVE,
    DECLARE_CLASS,
    MANAGE_HOURS,
    MANAGE_TRAINING,
    STAFF,
    UNIT_KINDS,
    UNIT_PERMISSIONS,
    department,
    is_professional,
    is_reviewer,
    is_unit,
)
from continuing_education.selectors.access import linked_staff, own_person_q, units_q
from continuing_education.selectors.hours_rules import rule_for
from organisations.models import Organisation, StaffLink, StaffMember
from reviews.models import ReviewerLevel, StepStatus

CLASS_KIND = "ce_class"
HOURS_KIND = "ce_hours"
YEARS_SHOWN = 5
# People who asked to join and were not (yet) accepted, and those who left (调离), are not on the roster.
OFF_ROSTER = (StaffLink.REQUESTED, StaffLink.REJECTED, StaffLink.ENDED)


def may_open_desk(user) -> bool:
    """Unit members holding a programme permission, professionals, departments' reviewers and platform staff."""
    return may_open_unit_desk(user) or is_professional(user) or is_reviewer(user) or is_platform_staff(user)


def desk_in_menu(user) -> bool:
    """Whom the menu offers the desk: as may_open_desk, but a professional only once on (or asking to join) a
    unit's roster; before that the programme's entry for a person is 加入单位."""
    if is_professional(user):
        return StaffMember.objects.filter(account=user).exclude(link_status=StaffLink.NONE).exists()
    return may_open_desk(user)


def roster_q(prefix: str = "") -> Q:
    return ~Q(**{f"{prefix}link_status__in": OFF_ROSTER})


def rule_value(name: str, *, region_prefix: str, year) -> Coalesce:
    """One threshold of the rule in force for the region at `region_prefix` (a path to Region ending in "__") and
    `year` (a number or an OuterRef): the city's rule, else the province's; NULL when neither is set."""
    def of(code_field):
        return Subquery(HoursRule.objects.filter(region_id=OuterRef(f"{region_prefix}{code_field}"), year=year)
                        .values(name)[:1])
    return Coalesce(of("city_code"), of("province_code"))


def qualified_q(prefix: str = "") -> Q:
    """ArchiveYear rows (at `prefix`) meeting the rule annotated as rule_total/rule_professional/rule_public:
    合格 ⇔ total ≥ total_min ∧ 专业 ≥ professional_min ∧ 公需 ≥ public_min (a NULL rule meets nothing)."""
    return Q(**{f"{prefix}public_hours__gte": F("rule_public"),
                f"{prefix}professional_hours__gte": F("rule_professional"),
                f"{prefix}total__gte": F("rule_total")})


def years_ending(year: int) -> list[int]:
    return list(range(year, year - YEARS_SHOWN, -1))


# --- the unit's desk ------------------------------------------------------------------------------------------


@dataclass
class UnitDesk:
    organisation: Organisation
    year: int
    counts: dict = field(default_factory=dict)  # name -> number, only those the user's role shows
    years: list = field(default_factory=list)  # [{"year", "classes", "courses", ...}], newest first
    columns: list = field(default_factory=list)  # the per-year columns the role shows


def may_open_unit_desk(user) -> bool:
    """A unit member holding one of the programme's own permissions (人员信息 alone is the foundation's)."""
    return is_unit(user) and any(user.has_perm(code) for code in UNIT_PERMISSIONS if code != STAFF)


def unit_desk(user, *, year: int) -> UnitDesk:
    unit = user.organisation
    desk = UnitDesk(organisation=unit, year=year)
    training = user.has_perm(MANAGE_TRAINING) or user.has_perm(DECLARE_CLASS)
    hours = user.has_perm(MANAGE_HOURS)
    if user.has_perm(STAFF):
        desk.counts["staff_requests"] = StaffMember.objects.filter(
            organisation=unit, link_status=StaffLink.REQUESTED).count()
    if user.is_org_admin:  # 待我审核: the unit-level step is the administrator's alone
        desk.counts["inbox"] = _pending_steps().filter(
            level=ReviewerLevel.UNIT, reviewer_org=unit, review__kind=HOURS_KIND).count()
    if hours:
        desk.counts["upstream"] = HoursDeclaration.objects.filter(
            organisation=unit, status=DeclarationStatus.PENDING, pk__in=_at_department_subjects()).count()
        desk.counts["declarants"] = HoursDeclaration.objects.filter(
            organisation=unit, status__in=(DeclarationStatus.PENDING, DeclarationStatus.RETURNED),
        ).values("id_number_hash").distinct().count()
    if training:
        desk.counts["classes_follow_up"] = TrainingClass.objects.filter(
            organisation=unit, status=ClassStatus.APPROVED, results_status=ResultsStatus.NOT_REPORTED).count()
    desk.columns = ([("classes", _("培训班（审核通过）")), ("courses", _("使用课程")), ("participants", _("参训人数"))]
                    if training else [])
    if hours:
        desk.columns.append(("declarants", _("学时申报通过人数")))
    if user.has_perm(ARCHIVE):
        desk.columns.append(("completed", _("完成年度学时人数")))
    desk.years = _unit_years(unit, years_ending(year), [name for name, _label in desk.columns])
    return desk


def _pending_steps():
    from reviews.models import ReviewStep

    return ReviewStep.objects.filter(status=StepStatus.PENDING)


def _at_department_subjects():
    """The ids of hours declarations whose pending step is a department's (上报中: past the unit)."""
    return _pending_steps().filter(review__kind=HOURS_KIND).exclude(level=ReviewerLevel.UNIT).values(
        "review__subject_id")


def _by_year(queryset, year_field: str, counted) -> dict:
    return {row[year_field]: row["n"] for row in queryset.values(year_field).annotate(n=counted).order_by()}


def _unit_years(unit, years: list[int], order: list[str]) -> list[dict]:
    """One grouped query per column over the five years."""
    columns = set(order)
    approved = {"training_class__organisation": unit, "training_class__status": ClassStatus.APPROVED,
                "training_class__year__in": years}
    data = {}
    if "classes" in columns:
        data["classes"] = _by_year(TrainingClass.objects.filter(
            organisation=unit, status=ClassStatus.APPROVED, year__in=years), "year", Count("id"))
        data["courses"] = _by_year(ClassCourse.objects.filter(**approved), "training_class__year",
                                   Count("course", distinct=True))
        data["participants"] = _by_year(Participant.objects.filter(**approved, hours__isnull=False),
                                        "training_class__year", Count("id_number_hash", distinct=True))
    if "declarants" in columns:
        data["declarants"] = _by_year(HoursDeclaration.objects.filter(
            organisation=unit, status=DeclarationStatus.APPROVED, year__in=years), "year",
            Count("id_number_hash", distinct=True))
    if "completed" in columns and unit.region_id is None:  # no region, no rule: nobody has completed a year
        data["completed"] = {}
    elif "completed" in columns:
        roster = StaffMember.objects.filter(roster_q(), organisation=unit).values("id_number_hash")
        data["completed"] = _by_year(
            ArchiveYear.objects.filter(year__in=years, id_number_hash__in=roster).annotate(
                rule_total=_unit_rule("total_min", unit), rule_professional=_unit_rule("professional_min", unit),
                rule_public=_unit_rule("public_min", unit), total=_total()).filter(qualified_q()),
            "year", Count("id_number_hash", distinct=True))
    rows = []
    for year in years:
        values = {name: data.get(name, {}).get(year, 0) for name in order}
        rows.append({"year": year, "cells": list(values.items()), **values})
    return rows


def _unit_rule(name: str, unit) -> Coalesce:
    """The unit's region's rule for the row's year (the archive row belongs to whichever unit credited it last,
    so the region is the unit's, not the row's)."""
    region = unit.region

    def of(code):
        return Subquery(HoursRule.objects.filter(region_id=code, year=OuterRef("year")).values(name)[:1])
    return Coalesce(of(region.city_code or ""), of(region.province_code))


def _total():
    return F("public_hours") + F("professional_hours")


# --- a professional's desk -------------------------------------------------------------------------------------


@dataclass
class PersonDesk:
    link: StaffMember | None
    year: int
    declarations: dict
    archive: ArchiveYear | None
    rule: HoursRule | None
    missing: dict | None  # {"public", "professional", "total"}: hours still missing this year, when a rule applies


def person_desk(user) -> PersonDesk:
    year = timezone.localdate().year
    link = linked_staff(user) or StaffMember.objects.filter(
        account=user, link_status=StaffLink.REQUESTED).select_related("organisation").first()
    declarations = {row["status"]: row["n"] for row in HoursDeclaration.objects.filter(own_person_q(user))
                    .values("status").annotate(n=Count("id")).order_by()}
    archive = ArchiveYear.objects.filter(own_person_q(user), year=year).first()
    unit = link.organisation if link is not None and link.link_status == StaffLink.LINKED else None
    rule = rule_for(unit.region if unit is not None else None, year)
    missing = None
    if rule is not None:
        public = archive.public_hours if archive else Decimal(0)
        professional = archive.professional_hours if archive else Decimal(0)
        missing = {"public": max(Decimal(0), rule.public_min - public),
                   "professional": max(Decimal(0), rule.professional_min - professional),
                   "total": max(Decimal(0), rule.total_min - public - professional)}
    return PersonDesk(link=link, year=year, declarations=declarations, archive=archive, rule=rule, missing=missing)


# --- a department's desk ---------------------------------------------------------------------------------------


@dataclass
class DepartmentDesk:
    department: Organisation | None  # None for platform staff (every department's steps)
    classes_pending: int
    hours_pending: int
    units: int


def department_desk(user) -> DepartmentDesk:
    office = department(user)
    steps = _pending_steps().filter(review__kind__in=(CLASS_KIND, HOURS_KIND)).exclude(level=ReviewerLevel.UNIT)
    if office is not None:
        steps = steps.filter(reviewer_org=office)
    by_kind = {row["review__kind"]: row["n"] for row in steps.values("review__kind").annotate(n=Count("id"))
               .order_by()}
    units = Organisation.objects.filter(units_q(user), kind__in=UNIT_KINDS).count()
    return DepartmentDesk(department=office, classes_pending=by_kind.get(CLASS_KIND, 0),
                          hours_pending=by_kind.get(HOURS_KIND, 0), units=units)
