"""统计分析 for an HR department: its jurisdiction by sub-region (the next level down) and by month of a year.

Every figure comes from a fixed number of aggregate queries, whatever the number of bases, people or claims:
counts by the base's registered region, people on post by month from the placements' dates, and the money from
the filed claims (the `claims` app, programme "traineeships"): 已申领 is what counted lines of submitted,
approved or paid claims ask for, 已拨付 what lines of paid claims hold. Nothing is computed from rosters here:
a roster is an estimate until the unit files it, and recomputing every roster of a province on each request
was both slow and a different figure from the money actually claimed.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DateField, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear, TruncMonth

from claims.models import COUNTED_STATUSES, ClaimLine, ClaimStatus
from organisations.jurisdiction import region_q as jurisdiction_filter
from regions.models import Region, RegionLevel
from traineeships.models import (
    ENDED_STATUSES,
    REVIEWED_STATUSES,
    Application,
    BaseStatus,
    Placement,
    PlacementStatus,
    Post,
    RetentionOutcome,
    TraineeshipBase,
)
from traineeships.rules import PROGRAMME
from traineeships.services.roster import retention_rate

ON_POST_STATUSES = (PlacementStatus.ON_POST, PlacementStatus.LEAVING)
# Placements whose agreement was approved: the people who were (or are) on post.
STARTED_STATUSES = (PlacementStatus.ON_POST, PlacementStatus.LEAVING, *ENDED_STATUSES)
ZERO = Decimal("0.00")


@dataclass
class Row:
    code: str
    name: str
    bases: int = 0
    posts: int = 0
    places: int = 0
    applicants: int = 0
    on_post: int = 0
    ended: int = 0
    retained: int = 0
    claimed: Decimal = field(default_factory=lambda: ZERO)
    paid: Decimal = field(default_factory=lambda: ZERO)

    @property
    def retention_rate(self):
        return retention_rate(self.retained, self.ended)

    @property
    def people(self) -> int:
        return self.on_post + self.ended


@dataclass
class MonthRow:
    month: datetime.date
    started: int = 0
    on_post: int = 0
    departures: int = 0
    claimed: Decimal = field(default_factory=lambda: ZERO)
    paid: Decimal = field(default_factory=lambda: ZERO)


@dataclass
class Statistics:
    region: Region
    year: int
    rows: list[Row]
    months: list[MonthRow]
    total: Row

    @property
    def has_people(self) -> bool:
        """Anyone started, on post or leaving in the year (what the charts draw)."""
        return any(month.started or month.on_post or month.departures for month in self.months)

    @property
    def has_money(self) -> bool:
        return any(month.claimed or month.paid for month in self.months)

    @property
    def has_data(self) -> bool:
        total = self.total
        return bool(self.has_people or self.has_money or total.bases or total.posts or total.applicants
                    or total.on_post or total.ended)


def _key_of(region: Region, org_region_code: str, org_city_code: str) -> str:
    level = region.level
    if level == RegionLevel.PROVINCE:
        return org_city_code or org_region_code
    if level == RegionLevel.CITY:
        return org_region_code
    return region.code


def _month_end(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)


def _claim_lines(region: Region):
    """Counted lines of the region's traineeship claims, each dated by its month, or (a once-per-traineeship
    line, or a correction without a month) by the last month of the claim that holds it."""
    return (
        ClaimLine.objects.filter(jurisdiction_filter(region, prefix="organisation__region__"),
                                 programme=PROGRAMME, counted=True, claim__status__in=COUNTED_STATUSES)
        .annotate(dated=Coalesce("month", "claim__last_month", output_field=DateField()))
    )


PAID = Q(claim__status=ClaimStatus.PAID)


def statistics_for(region: Region, year: int) -> Statistics:
    within = jurisdiction_filter(region, prefix="organisation__region__")
    base_within = jurisdiction_filter(region, prefix="base__organisation__region__")
    names = {child.code: child.name for child in Region.objects.filter(parent=region)}
    names.setdefault(region.code, f"{region.name}（本级）")
    rows: dict[str, Row] = {}

    def row(code: str) -> Row:
        if code not in rows:
            rows[code] = Row(code, names.get(code, code))
        return rows[code]

    def grouped(queryset, prefix: str):
        for item in queryset.values(f"{prefix}code", f"{prefix}city_code").annotate(**aggregates):
            yield row(_key_of(region, item[f"{prefix}code"], item[f"{prefix}city_code"])), item

    aggregates = {"n": Count("id")}
    for target, item in grouped(TraineeshipBase.objects.filter(within, status=BaseStatus.APPROVED),
                                "organisation__region__"):
        target.bases += item["n"]
    aggregates = {"n": Count("id"), "places": Sum("places")}
    for target, item in grouped(Post.objects.filter(base_within, status__in=REVIEWED_STATUSES),
                                "base__organisation__region__"):
        target.posts += item["n"]
        target.places += item["places"] or 0
    prefix = "post__base__organisation__region__"
    aggregates = {"n": Count("person", distinct=True)}
    for target, item in grouped(Application.objects.filter(jurisdiction_filter(region, prefix=prefix)), prefix):
        target.applicants += item["n"]
    aggregates = {"on_post": Count("id", filter=Q(status__in=ON_POST_STATUSES)),
                  "ended": Count("id", filter=Q(status__in=ENDED_STATUSES)),
                  "retained": Count("id", filter=Q(status__in=ENDED_STATUSES,
                                                        retention_outcome=RetentionOutcome.RETAINED))}
    for target, item in grouped(Placement.objects.filter(base_within), "base__organisation__region__"):
        target.on_post += item["on_post"]
        target.ended += item["ended"]
        target.retained += item["retained"]

    first = datetime.date(year, 1, 1)
    in_year = Q(dated__gte=first, dated__lte=datetime.date(year, 12, 1))
    aggregates = {"claimed": Sum("amount"), "paid": Sum("amount", filter=PAID)}
    for target, item in grouped(_claim_lines(region).filter(in_year), "organisation__region__"):
        target.claimed += item["claimed"] or ZERO
        target.paid += item["paid"] or ZERO

    month_rows = [MonthRow(datetime.date(year, number, 1)) for number in range(1, 13)]
    # One query for the twelve months: who started, who was on post for at least a day, who left.
    counts = {}
    started = Placement.objects.filter(base_within, status__in=STARTED_STATUSES)
    last_day = Coalesce("ended_on", "end_on")
    for index, month in enumerate(month_rows):
        end = _month_end(month.month)
        counts[f"started_{index}"] = Count("id", filter=Q(start_on__gte=month.month, start_on__lte=end))
        counts[f"on_post_{index}"] = Count("id", filter=Q(start_on__lte=end, last_day__gte=month.month))
        counts[f"left_{index}"] = Count("id", filter=Q(status__in=ENDED_STATUSES, ended_on__gte=month.month,
                                                      ended_on__lte=end))
    figures = started.annotate(last_day=last_day).aggregate(**counts)
    for index, month in enumerate(month_rows):
        month.started = figures[f"started_{index}"]
        month.on_post = figures[f"on_post_{index}"]
        month.departures = figures[f"left_{index}"]
    by_month = {month.month: month for month in month_rows}
    for item in (_claim_lines(region).filter(in_year).annotate(period=TruncMonth("dated")).values("period")
                 .annotate(claimed=Sum("amount"), paid=Sum("amount", filter=PAID))):
        target = by_month[item["period"]]
        target.claimed += item["claimed"] or ZERO
        target.paid += item["paid"] or ZERO

    ordered = sorted(rows.values(), key=lambda item: item.code)
    total = Row("", "合计")
    for item in ordered:
        for name in ("bases", "posts", "places", "applicants", "on_post", "ended", "retained", "claimed", "paid"):
            setattr(total, name, getattr(total, name) + getattr(item, name))
    return Statistics(region=region, year=year, rows=ordered, months=month_rows, total=total)


def years_with_data(region: Region, today: datetime.date) -> list[int]:
    """The years worth choosing, newest first: those in which someone of the region was on post or a claim
    line falls, and the current year; never a year still to come (two queries)."""
    years = {today.year}
    base_within = jurisdiction_filter(region, prefix="base__organisation__region__")
    for first, last in (Placement.objects.filter(base_within, status__in=STARTED_STATUSES)
                        .annotate(first=ExtractYear("start_on"), last=ExtractYear(Coalesce("ended_on", "end_on")))
                        .values_list("first", "last").distinct()):
        years.update(range(first, last + 1))
    years.update(_claim_lines(region).annotate(year=ExtractYear("dated")).values_list("year", flat=True).distinct())
    return sorted((year for year in years if year <= today.year), reverse=True)


def bars(values, width: int = 320) -> list[int]:
    """Bar lengths (pixels) for an inline SVG chart: the largest value gets the full width."""
    top = max((float(value) for value in values), default=0)
    return [round(width * float(value) / top) if top else 0 for value in values]


@dataclass(frozen=True)
class ExportRow:
    """One line of the statistics export: a sub-region (or the total), or a month."""

    kind: str
    name: str
    bases: int | None = None
    posts: int | None = None
    places: int | None = None
    applicants: int | None = None
    started: int | None = None
    on_post: int | None = None
    ended: int | None = None
    retained: int | None = None
    retention: str = ""
    claimed: Decimal = ZERO
    paid: Decimal = ZERO


class ExportRows:
    """The computed statistics as the batch engine reads a list (count() and iterator())."""

    def __init__(self, rows: list[ExportRow]):
        self.rows = rows

    def count(self) -> int:
        return len(self.rows)

    def iterator(self, chunk_size=None):
        return iter(self.rows)


def export_rows(result: Statistics) -> ExportRows:
    from traineeships.services.roster import percent

    rows = [
        ExportRow("按地区", row.name, row.bases, row.posts, row.places, row.applicants, None, row.on_post, row.ended,
                  row.retained, percent(row.retention_rate) if row.retention_rate is not None else "—", row.claimed,
                  row.paid)
        for row in [*result.rows, result.total]
    ]
    rows += [ExportRow("按月份", f"{month.month:%Y-%m}", started=month.started, on_post=month.on_post,
                       ended=month.departures, claimed=month.claimed, paid=month.paid) for month in result.months]
    return ExportRows(rows)
