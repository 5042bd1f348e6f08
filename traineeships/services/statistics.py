"""统计分析 for an HR department: its jurisdiction by sub-region (the next level down) and by month of a year.

Every figure comes from aggregated queries (a fixed number, whatever the number of bases or people): counts by
the base's registered region, and the subsidies from the roster computation run over all placements at once.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

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
from traineeships.services.roster import (
    ParameterTable,
    compute_roster,
    months_between,
    paid_placements,
    region_codes,
    report_months,
    reports_for,
    retention_rate,
    trainee_inputs,
)

ON_POST_STATUSES = (PlacementStatus.ON_POST, PlacementStatus.LEAVING)


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
    subsidy: Decimal = field(default_factory=lambda: Decimal("0.00"))

    @property
    def retention_rate(self):
        return retention_rate(self.retained, self.ended)


@dataclass
class MonthRow:
    month: datetime.date
    started: int = 0
    on_post: int = 0
    departures: int = 0
    subsidy: Decimal = field(default_factory=lambda: Decimal("0.00"))


@dataclass
class Statistics:
    region: Region
    year: int
    rows: list[Row]
    months: list[MonthRow]
    total: Row



def _key_of(region: Region, org_region_code: str, org_city_code: str) -> str:
    level = region.level
    if level == RegionLevel.PROVINCE:
        return org_city_code or org_region_code
    if level == RegionLevel.CITY:
        return org_region_code
    return region.code


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

    prefix = "organisation__region__"
    for item in (TraineeshipBase.objects.filter(within, status=BaseStatus.APPROVED)
                 .values(f"{prefix}code", f"{prefix}city_code").annotate(n=Count("id"))):
        row(_key_of(region, item[f"{prefix}code"], item[f"{prefix}city_code"])).bases += item["n"]
    prefix = "base__organisation__region__"
    for item in (Post.objects.filter(base_within, status__in=REVIEWED_STATUSES)
                 .values(f"{prefix}code", f"{prefix}city_code").annotate(n=Count("id"), places=Sum("places"))):
        target = row(_key_of(region, item[f"{prefix}code"], item[f"{prefix}city_code"]))
        target.posts += item["n"]
        target.places += item["places"] or 0
    prefix = "post__base__organisation__region__"
    for item in (Application.objects.filter(jurisdiction_filter(region, prefix=prefix))
                 .values(f"{prefix}code", f"{prefix}city_code").annotate(n=Count("person", distinct=True))):
        row(_key_of(region, item[f"{prefix}code"], item[f"{prefix}city_code"])).applicants += item["n"]
    prefix = "base__organisation__region__"
    for item in (Placement.objects.filter(base_within)
                 .values(f"{prefix}code", f"{prefix}city_code")
                 .annotate(on_post=Count("id", filter=Q(status__in=ON_POST_STATUSES)),
                           ended=Count("id", filter=Q(status__in=ENDED_STATUSES)),
                           retained=Count("id", filter=Q(status__in=ENDED_STATUSES,
                                                         retention_outcome=RetentionOutcome.RETAINED)))):
        target = row(_key_of(region, item[f"{prefix}code"], item[f"{prefix}city_code"]))
        target.on_post += item["on_post"]
        target.ended += item["ended"]
        target.retained += item["retained"]

    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 1)
    month_rows = {month: MonthRow(month) for month in months_between(first, last)}
    placements = list(paid_placements(Placement.objects.filter(base_within))
                      .filter(start_on__lte=datetime.date(year, 12, 31))
                      .select_related("base__organisation__region"))
    table = ParameterTable({code for placement in placements for code in region_codes(placement.post.work_region)})
    inputs = trainee_inputs(placements, table)
    reports = reports_for([placement.pk for placement in placements], *report_months(inputs, first, last))
    by_base = defaultdict(list)
    for placement, trainee in zip(placements, inputs):
        by_base[placement.base_id].append((placement, trainee))
    for pairs in by_base.values():
        result = compute_roster(trainees=[trainee for _p, trainee in pairs], first_month=first, last_month=last,
                                reports=reports, rates_for=table)
        org_region = pairs[0][0].base.organisation.region
        target = row(_key_of(region, org_region.code, org_region.city_code))
        for line in result.lines:
            target.subsidy += line.total
            for month_line in line.months:
                month_rows[month_line.month].subsidy += month_line.amount
                if month_line.on_post:
                    month_rows[month_line.month].on_post += 1
            if line.insurance is not None:
                # The insurance subsidy is paid once, in the month the traineeship started.
                month_rows[line.insurance.month].subsidy += line.insurance.amount
            if line.top_up is not None:
                # The "1+1" top-up, in the month it fell due (its 留用 outcome settled).
                month_rows[line.top_up.due_on.replace(day=1)].subsidy += line.top_up.amount
    for placement in placements:
        if placement.start_on.year == year:
            month_rows[placement.start_on.replace(day=1)].started += 1
        if placement.status in ENDED_STATUSES and placement.ended_on and placement.ended_on.year == year:
            month_rows[placement.ended_on.replace(day=1)].departures += 1

    ordered = sorted(rows.values(), key=lambda item: item.code)
    total = Row("", "合计")
    for item in ordered:
        for name in ("bases", "posts", "places", "applicants", "on_post", "ended", "retained", "subsidy"):
            setattr(total, name, getattr(total, name) + getattr(item, name))
    return Statistics(region=region, year=year, rows=ordered, months=list(month_rows.values()), total=total)


def bars(values, width: int = 320) -> list[int]:
    """Bar lengths (pixels) for an inline SVG chart: the largest value gets the full width."""
    top = max((float(value) for value in values), default=0)
    return [round(width * float(value) / top) if top else 0 for value in values]


def year_from(text, today: datetime.date) -> int:
    """The year asked for (?year=), or the current one when missing or out of range."""
    text = str(text or "")
    return int(text) if text.isdigit() and 2000 <= int(text) <= today.year + 1 else today.year


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
    subsidy: Decimal = Decimal("0.00")


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
                  row.retained, percent(row.retention_rate) if row.retention_rate is not None else "—", row.subsidy)
        for row in [*result.rows, result.total]
    ]
    rows += [ExportRow("按月份", f"{month.month:%Y-%m}", started=month.started, on_post=month.on_post,
                       ended=month.departures, subsidy=month.subsidy) for month in result.months]
    return ExportRows(rows)
