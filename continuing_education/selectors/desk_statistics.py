"""统计分析 for departments (issue 10, Counterparts): by year and sub-region of the department's region — a county
HR department itself, a city's counties (and 市本级), a province's cities (and 省本级); an industry department its
supervised units grouped by their region; platform staff by province. Units are those of the programme's access
rule (units_q); regions are the units' registered regions.

A fixed number of queries: the sub-regions, then one grouped query per subject (units, rosters, classes,
declarations). 合格 is computed in the query against the rule in force for the unit's region and the year (the
city's, else the province's: selectors.desk.rule_value), so units of cities with their own rule are judged by it.
合格率 = 合格 ÷ staff on rosters.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Sum

from accounts.rules import is_platform_staff
from continuing_education.models import ArchiveYear, ClassStatus, DeclarationStatus, HoursDeclaration, TrainingClass
from continuing_education.rules import UNIT_KINDS, department, is_reviewer
from continuing_education.selectors.access import units_q
from continuing_education.selectors.desk import qualified_q, roster_q, rule_value
from organisations.models import Authority, Organisation, StaffMember
from regions.models import Region, RegionLevel

ZERO = Decimal("0.0")
TENTH = Decimal("0.1")


def may_see_statistics(user) -> bool:
    return is_reviewer(user) or is_platform_staff(user)


@dataclass
class Row:
    name: str
    code: str = ""
    units: int = 0
    staff: int = 0
    with_hours: int = 0
    qualified: int = 0
    classes: int = 0
    declared_hours: Decimal = ZERO
    approved_hours: Decimal = ZERO

    @property
    def qualified_rate_text(self) -> str:
        if not self.staff:
            return "—"
        return f"{(Decimal(self.qualified) * 100 / Decimal(self.staff)).quantize(TENTH)}%"

    def add(self, other: "Row") -> None:
        for name in ("units", "staff", "with_hours", "qualified", "classes", "declared_hours", "approved_hours"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Statistics:
    year: int
    scope_name: str
    rows: list[Row] = field(default_factory=list)
    total: Row = field(default_factory=lambda: Row(name="合计"))


def _grouping(user):
    """(the region field the rows are keyed by, relative to Organisation; the rows in order, as {key: Row}, or
    None when the rows are the regions found; the scope's name)."""
    office = department(user)
    if office is None:  # platform staff
        return "region__province_code", None, "全部地区"
    if office.authority == Authority.INDUSTRY:
        return "region__code", None, office.name
    region = office.region
    if region.level == RegionLevel.COUNTY:
        return "region__code", {region.code: Row(name=region.name, code=region.code)}, region.full_name
    rows = {}
    own = f"{region.name}（{'省' if region.level == RegionLevel.PROVINCE else '市'}本级）"
    if region.level == RegionLevel.PROVINCE:
        rows[""] = Row(name=own, code="")  # units registered at the province itself have no city
        key = "region__city_code"
    else:
        rows[region.code] = Row(name=own, code=region.code)  # a city's own units carry the city's code
        key = "region__code"
    for child in Region.objects.filter(parent_id=region.code).order_by("code"):
        rows[child.code] = Row(name=child.name, code=child.code)
    return key, rows, region.full_name


def statistics_for(user, *, year: int) -> Statistics:
    key, rows, scope_name = _grouping(user)
    units = Organisation.objects.filter(units_q(user), kind__in=UNIT_KINDS)
    found = {}

    def row(code) -> Row:
        return found.setdefault(code or "", Row(name="", code=code or ""))

    for item in units.values(key).annotate(n=Count("id")).order_by():
        row(item[key]).units = item["n"]

    archive = ArchiveYear.objects.filter(id_number_hash=OuterRef("id_number_hash"), year=year).annotate(
        total=F("public_hours") + F("professional_hours"))
    rule = {"region_prefix": "organisation__region__", "year": year}
    staff = (StaffMember.objects.filter(roster_q(), organisation__in=units)
             .annotate(rule_total=rule_value("total_min", **rule),
                       rule_professional=rule_value("professional_min", **rule),
                       rule_public=rule_value("public_min", **rule))
             .annotate(has_hours=Exists(archive.filter(total__gt=0)),
                       is_qualified=Exists(archive.filter(_outer(qualified_q())))))
    staff_key = f"organisation__{key}"
    for item in staff.values(staff_key).annotate(
            n=Count("id_number_hash", distinct=True),
            with_hours=Count("id_number_hash", distinct=True, filter=Q(has_hours=True)),
            qualified=Count("id_number_hash", distinct=True, filter=Q(is_qualified=True))).order_by():
        target = row(item[staff_key])
        target.staff, target.with_hours, target.qualified = item["n"], item["with_hours"], item["qualified"]

    for item in (TrainingClass.objects.filter(organisation__in=units, year=year, status=ClassStatus.APPROVED)
                 .values(staff_key).annotate(n=Count("id")).order_by()):
        row(item[staff_key]).classes = item["n"]

    for item in (HoursDeclaration.objects.filter(organisation__in=units, year=year)
                 .exclude(status=DeclarationStatus.DRAFT).values(staff_key)
                 .annotate(declared=Sum("hours"),
                           approved=Sum("hours", filter=Q(status=DeclarationStatus.APPROVED))).order_by()):
        target = row(item[staff_key])
        # Hours to one decimal, as declared (SQLite's sum drops the scale).
        target.declared_hours = (item["declared"] or ZERO).quantize(TENTH)
        target.approved_hours = (item["approved"] or ZERO).quantize(TENTH)

    result = Statistics(year=year, scope_name=scope_name)
    if rows is None:  # the regions the units are in
        names = {region.code: region.full_name for region in Region.objects.filter(code__in=list(found))}
        rows = {code: Row(name=names.get(code, "未知地区"), code=code) for code in sorted(found)}
    for code, data in found.items():
        if code in rows:
            data.name = rows[code].name
            rows[code] = data
    result.rows = list(rows.values())
    for each in result.rows:
        result.total.add(each)
    return result


def _outer(condition: Q) -> Q:
    """qualified_q's thresholds point at the staff row's annotations from inside the archive subquery."""
    children = []
    for lookup, value in condition.children:
        children.append((lookup, OuterRef(value.name)))
    return Q(*children)
