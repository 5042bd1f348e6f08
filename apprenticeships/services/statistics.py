"""学徒制统计 for HR departments: by sub-region (a city's counties; a province's cities; a county itself) and by
month, for a year and a month range. A constant number of queries (the sub-regions, then one aggregate each):

- 备案在训人数: trainees of filings approved in the month (approved, or approved then cancelled);
- 流失人数: trainees marked lost (lost_on) in the month; 流失率 = lost ÷ enrolled of the same rows and range;
- 申领/审核通过/已拨付 (元): claim lines of the programme "apprenticeships", by the claim's submission month
  (submitted, approved or paid claims), approval month (approved or paid) and payment date (paid).

Regions are those of the enterprises (the access rule's organisation__region)."""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth

from apprenticeships.models import FilingStatus, Trainee
from apprenticeships.rules import PROGRAMME
from claims.models import ClaimLine, ClaimStatus
from organisations.jurisdiction import region_q
from regions.models import Region, RegionLevel


@dataclass
class Row:
    name: str
    enrolled: int = 0
    lost: int = 0
    claimed: Decimal = Decimal("0")
    approved: Decimal = Decimal("0")
    paid: Decimal = Decimal("0")
    code: str = ""

    @property
    def lost_rate(self):
        return None if not self.enrolled else Decimal(self.lost) / Decimal(self.enrolled)

    @property
    def lost_rate_text(self) -> str:
        rate = self.lost_rate
        return "—" if rate is None else f"{(rate * 100).quantize(Decimal('0.1'))}%"


@dataclass
class Statistics:
    region: Region
    year: int
    month_from: int
    month_to: int
    rows: list[Row] = field(default_factory=list)
    months: list[Row] = field(default_factory=list)
    total: Row = field(default_factory=lambda: Row(name="合计"))


def _key_field(region: Region) -> str:
    return "organisation__region__city_code" if region.level == RegionLevel.PROVINCE else "organisation__region__code"


def _month(value) -> tuple[int, int]:
    return (value.year, value.month)


def statistics_for(region: Region, *, year: int, month_from: int = 1, month_to: int = 12) -> Statistics:
    start = datetime.date(year, month_from, 1)
    end = datetime.date(year, month_to, calendar.monthrange(year, month_to)[1])
    result = Statistics(region=region, year=year, month_from=month_from, month_to=month_to)
    key = _key_field(region)
    if region.level == RegionLevel.COUNTY:
        subregions = [(region.code, region.name)]
    else:
        children = Region.objects.filter(parent_id=region.code).order_by("code")
        subregions = [(child.code, child.name) for child in children]
        if region.level == RegionLevel.CITY:
            subregions.insert(0, (region.code, f"{region.name}（市本级）"))
    by_code = {code: Row(name=name, code=code) for code, name in subregions}
    by_month = {(year, month): Row(name=f"{year}-{month:02d}") for month in range(month_from, month_to + 1)}

    def rows_for(code, month):
        return [row for row in (by_code.get(code), by_month.get(month)) if row is not None]

    trainees = Trainee.objects.filter(region_q(region, prefix="filing__organisation__region__"))
    enrolled = (trainees.filter(filing__status__in=(FilingStatus.APPROVED, FilingStatus.CANCELLED),
                                filing__approved_at__date__range=(start, end))
                .values(code=F(f"filing__{key}"), m=TruncMonth("filing__approved_at"))
                .annotate(n=Count("id")))
    for item in enrolled:
        for row in rows_for(item["code"], _month(item["m"])):
            row.enrolled += item["n"]
    lost = (trainees.filter(lost_on__range=(start, end))
            .values(code=F(f"filing__{key}"), m=TruncMonth("lost_on")).annotate(n=Count("id")))
    for item in lost:
        for row in rows_for(item["code"], _month(item["m"])):
            row.lost += item["n"]

    lines = ClaimLine.objects.filter(programme=PROGRAMME).filter(region_q(region, prefix="organisation__region__"))
    money = (
        ("claimed", lines.filter(claim__status__in=(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID),
                                 claim__submitted_at__date__range=(start, end)), "claim__submitted_at"),
        ("approved", lines.filter(claim__status__in=(ClaimStatus.APPROVED, ClaimStatus.PAID),
                                  claim__approved_at__date__range=(start, end)), "claim__approved_at"),
        ("paid", lines.filter(claim__status=ClaimStatus.PAID, claim__paid_on__range=(start, end)), "claim__paid_on"),
    )
    for name, queryset, when in money:
        for item in (queryset.values(code=F(key), m=TruncMonth(when))
                     .annotate(total=Sum("amount"))):
            for row in rows_for(item["code"], _month(item["m"])):
                setattr(row, name, getattr(row, name) + (item["total"] or Decimal("0")))

    result.rows = list(by_code.values())
    result.months = list(by_month.values())
    for row in result.months:
        for name in ("enrolled", "lost", "claimed", "approved", "paid"):
            setattr(result.total, name, getattr(result.total, name) + getattr(row, name))
    return result


@dataclass(frozen=True)
class ExportRow:
    kind: str
    name: str
    enrolled: int
    lost: int
    lost_rate: str
    claimed: Decimal
    approved: Decimal
    paid: Decimal


class ExportRows:
    """The computed statistics as the batch engine reads a list (count() and iterator())."""

    def __init__(self, rows: list[ExportRow]):
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def iterator(self, chunk_size=None):
        return iter(self.rows)


def export_rows(result: Statistics) -> ExportRows:
    def line(kind, row):
        return ExportRow(kind, row.name, row.enrolled, row.lost, row.lost_rate_text, row.claimed, row.approved,
                         row.paid)

    return ExportRows([*(line("按地区", row) for row in result.rows), line("合计", result.total),
                       *(line("按月份", row) for row in result.months)])
