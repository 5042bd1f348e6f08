"""补贴经费花名册: the monthly subsidy of each trainee, computed (never typed) from the registration, the
departure, the monthly on-post reports and the region parameters, with a plain-Chinese reason on each line.

Rules (regulations §2.2):
- A month's subsidy = that month's local minimum wage × the rate (Henan: "见习当月当地最低工资标准").
- The rate is the region's base rate (e.g. 60 %), or its raised rate (e.g. 70 %) when the base's retention
  rate reaches the region's threshold (e.g. 50 %). Retention rate = placements with 留用 registered ÷
  placements that have ended, both counted over the base's ended placements; with none ended, there is no
  rate yet and the base rate applies.
- Partial months (the start month, the month of an early departure) are paid pro rata by calendar days on
  post: Shandong pro-rates early leavers, and counting any day as a whole month would pay a 3-month
  traineeship starting mid-month for 4 months.
- A month the unit reported as 不在岗 is not paid. A month without a parameter is explained and counts 0.
- 人身意外伤害保险补贴: the premium the unit paid (the placement's insurance details), capped by the region's
  insurance_subsidy_cap. The cap is per person per traineeship, not per month: Shanxi's rule is "premium
  subsidy ≤ 240 元/person" for a policy bought once, before the start, covering the whole traineeship
  (regulations §2.2), so a monthly cap would pay a 12-month traineeship twelve times the cap for a single
  premium. It is paid once, with the parameter of the start month (when the policy had to be in force), and
  it belongs to the roster whose period contains the start month: rosters of successive periods never pay it
  twice, and a 不在岗 report does not remove it (the premium was paid all the same).
- Amounts are Decimal, rounded half-up to cents per month; the total is the months plus the insurance line.

compute_roster() is pure (no database): roster_for_base() in this module loads its inputs in a constant
number of queries.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rates:
    minimum_wage: Decimal
    base_rate: Decimal
    raised_rate: Decimal
    threshold: Decimal
    insurance_cap: Decimal | None = None  # 元 per person per traineeship


@dataclass(frozen=True)
class TraineeInput:
    key: int
    name: str
    id_number: str
    post_title: str
    start_on: datetime.date
    end_on: datetime.date  # the agreed end, or the approved/registered departure date when earlier
    region_codes: tuple[str, ...]  # the work region, its city, its province: most specific first
    retained_on: datetime.date | None = None
    leaving: bool = False  # a departure is registered but not yet approved
    insurance_premium: Decimal | None = None  # what the unit paid for the trainee's accident insurance


@dataclass
class MonthLine:
    month: datetime.date
    days: int
    days_in_month: int
    on_post: bool
    minimum_wage: Decimal | None
    rate: Decimal | None
    amount: Decimal
    explanation: str


@dataclass
class InsuranceLine:
    month: datetime.date  # the start month, whose parameter gives the cap
    premium: Decimal
    cap: Decimal | None
    amount: Decimal
    explanation: str


@dataclass
class TopUpLine:
    """The "1+1" one-off top-up at the end of a traineeship (regulations §2.2): the difference between the
    raised and the base rate over the months paid, when the unit's retention reaches the threshold."""

    month: datetime.date  # the month the traineeship ended
    amount: Decimal
    explanation: str


@dataclass
class TraineeLine:
    trainee: TraineeInput
    months: list[MonthLine] = field(default_factory=list)
    insurance: InsuranceLine | None = None
    top_up: TopUpLine | None = None

    @property
    def allowance_total(self) -> Decimal:
        return sum((line.amount for line in self.months), Decimal("0.00"))

    @property
    def insurance_amount(self) -> Decimal:
        return self.insurance.amount if self.insurance is not None else Decimal("0.00")

    @property
    def top_up_amount(self) -> Decimal:
        return self.top_up.amount if self.top_up is not None else Decimal("0.00")

    @property
    def total(self) -> Decimal:
        return self.allowance_total + self.insurance_amount + self.top_up_amount

    @property
    def explanations(self) -> list[str]:
        lines = [month.explanation for month in self.months]
        if self.insurance is not None:
            lines.append(self.insurance.explanation)
        if self.top_up is not None:
            lines.append(self.top_up.explanation)
        return lines

    @property
    def paid_months(self) -> list[MonthLine]:
        return [line for line in self.months if line.amount > 0]


@dataclass
class Roster:
    lines: list[TraineeLine]
    retention_rate: Decimal | None
    retained: int
    ended: int
    first_month: datetime.date
    last_month: datetime.date

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))

    @property
    def insurance_total(self) -> Decimal:
        return sum((line.insurance_amount for line in self.lines), Decimal("0.00"))

    @property
    def retention_text(self) -> str:
        if self.retention_rate is None:
            return "尚无结束见习的人员，留用率暂不适用，按基础比例计算"
        return f"留用率 = 留用 {self.retained} 人 ÷ 结束见习 {self.ended} 人 = {percent(self.retention_rate)}"


def percent(rate: Decimal) -> str:
    value = (rate * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize()
    return f"{value:f}%"


def yuan(amount: Decimal) -> str:
    text = f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):f}"
    return text[:-3] if text.endswith(".00") else text


def month_label(month: datetime.date) -> str:
    return f"{month.year}年{month.month}月"


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current + datetime.timedelta(days=32)).replace(day=1)
    return months


def retention_rate(retained: int, ended: int) -> Decimal | None:
    if not ended:
        return None
    return (Decimal(retained) / Decimal(ended)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _month_line(trainee: TraineeInput, month: datetime.date, reported_on_post: bool | None,
                rates: Rates | None, retention: Decimal | None) -> MonthLine | None:
    days_in_month = calendar.monthrange(month.year, month.month)[1]
    month_end = month.replace(day=days_in_month)
    first, last = max(month, trainee.start_on), min(month_end, trainee.end_on)
    if first > last:
        return None
    days = (last - first).days + 1
    label = month_label(month)
    state = "在岗" if days == days_in_month else f"在岗 {days}/{days_in_month} 天"
    if reported_on_post is False:
        return MonthLine(month, days, days_in_month, False, None, None, Decimal("0.00"),
                         f"{label}：单位上报当月不在岗，不计补贴；0 元")
    if rates is None:
        return MonthLine(month, days, days_in_month, True, None, None, Decimal("0.00"),
                         f"{label}：{state}；该地区未设置当月最低工资标准，暂按 0 元计")
    raised = retention is not None and retention >= rates.threshold
    rate = rates.raised_rate if raised else rates.base_rate
    amount = rates.minimum_wage * rate
    formula = f"最低工资 {yuan(rates.minimum_wage)} 元 × {percent(rate)}"
    if days != days_in_month:
        amount = amount * days / days_in_month
        formula += f" × {days}/{days_in_month}"
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    why = f"（留用率达到 {percent(rates.threshold)}，按提高比例）" if raised else ""
    return MonthLine(month, days, days_in_month, True, rates.minimum_wage, rate, amount,
                     f"{label}：{state}；{formula} = {yuan(amount)} 元{why}")


def _insurance_line(trainee: TraineeInput, rates: Rates | None) -> InsuranceLine | None:
    premium = trainee.insurance_premium
    if premium is None:
        return None
    month = trainee.start_on.replace(day=1)
    head = f"意外伤害保险补贴：保费 {yuan(premium)} 元"
    if rates is None or rates.insurance_cap is None:
        return InsuranceLine(month, premium, None, Decimal("0.00"),
                             f"{head}；该地区未设置{month_label(month)}（见习开始当月）的保险补贴上限，暂按 0 元计")
    cap = rates.insurance_cap
    amount = min(premium, cap).quantize(CENT, rounding=ROUND_HALF_UP)
    if premium > cap:
        rule = f"超过上限 {yuan(cap)} 元/人，按上限计 {yuan(amount)} 元"
    else:
        rule = f"未超过上限 {yuan(cap)} 元/人，按实缴保费计 {yuan(amount)} 元"
    return InsuranceLine(month, premium, cap, amount, f"{head}，{rule}（每人见习期内计一次）")


def compute_roster(*, trainees, first_month: datetime.date, last_month: datetime.date, reports: dict,
                   rates_for, retained: int, ended: int) -> Roster:
    """reports: {(trainee key, month): on_post or None}; rates_for(region_codes, month) -> Rates | None."""
    retention = retention_rate(retained, ended)
    months = months_between(first_month, last_month)
    lines = []
    for trainee in trainees:
        line = TraineeLine(trainee)
        for month in months:
            month_line = _month_line(trainee, month, reports.get((trainee.key, month)),
                                     rates_for(trainee.region_codes, month), retention)
            if month_line is not None:
                line.months.append(month_line)
        start_month = trainee.start_on.replace(day=1)
        if line.months and months and months[0] <= start_month <= months[-1]:
            line.insurance = _insurance_line(trainee, rates_for(trainee.region_codes, start_month))
        if line.months:
            lines.append(line)
    return Roster(lines=lines, retention_rate=retention, retained=retained, ended=ended,
                  first_month=months[0] if months else first_month, last_month=last_month)


# ---------------------------------------------------------------- loading from the database


class ParameterTable:
    """Every region parameter of the regions concerned, loaded once; resolves like selectors.parameter_for
    (the most specific region with a period containing the month)."""

    def __init__(self, region_codes):
        from traineeships.models import RegionParameter

        self.by_region: dict[str, list] = {}
        for parameter in RegionParameter.objects.filter(region_id__in=set(region_codes)).order_by("-valid_from"):
            self.by_region.setdefault(parameter.region_id, []).append(parameter)

    def __call__(self, codes, month: datetime.date) -> Rates | None:
        for code in codes:
            for parameter in self.by_region.get(code, ()):
                if parameter.valid_from <= month and (parameter.valid_to is None or parameter.valid_to >= month):
                    return Rates(parameter.minimum_wage_monthly, parameter.subsidy_rate,
                                 parameter.raised_subsidy_rate, parameter.retention_threshold,
                                 parameter.insurance_subsidy_cap)
        return None


def trainee_inputs(placements) -> list[TraineeInput]:
    """Placements (with post__work_region, person and their open departures prefetched) as roster inputs."""
    from traineeships.models import DepartureStatus, PlacementStatus

    inputs = []
    for placement in placements:
        end_on = placement.end_on
        leaving = False
        if placement.status == PlacementStatus.ENDED and placement.ended_on:
            end_on = min(end_on, placement.ended_on)
        elif placement.status == PlacementStatus.LEAVING:
            open_departures = [departure for departure in placement.departures.all()
                               if departure.status not in (DepartureStatus.CANCELLED, DepartureStatus.REFUSED)]
            if open_departures:
                end_on, leaving = min(end_on, open_departures[0].left_on), True
        region = placement.post.work_region
        codes = tuple(code for code in (region.code, region.city_code, region.province_code) if code)
        inputs.append(TraineeInput(
            key=placement.pk, name=placement.person.real_name, id_number=placement.person.id_number or "",
            post_title=placement.post.title, start_on=placement.start_on, end_on=end_on, region_codes=codes,
            retained_on=placement.retained_on, leaving=leaving, insurance_premium=placement.insurance_premium,
        ))
    return inputs


def paid_placements(queryset):
    """The placements that earn a subsidy: their agreement was approved (on post, leaving or ended)."""
    from traineeships.models import PlacementStatus

    return (
        queryset.filter(status__in=(PlacementStatus.ON_POST, PlacementStatus.LEAVING, PlacementStatus.ENDED))
        .select_related("post__work_region", "person")
        .prefetch_related("departures")
        .order_by("start_on", "id")
    )


def retention_counts(base_ids) -> dict[int, tuple[int, int]]:
    """{base id: (retained, ended)} over the bases' ended placements, in one query."""
    from django.db.models import Count, Q

    from traineeships.models import Placement, PlacementStatus

    rows = (
        Placement.objects.filter(base_id__in=base_ids, status=PlacementStatus.ENDED)
        .values("base_id")
        .annotate(ended=Count("id"), retained=Count("id", filter=Q(retained_on__isnull=False)))
    )
    return {row["base_id"]: (row["retained"], row["ended"]) for row in rows}


def reports_for(placement_ids, first_month, last_month) -> dict:
    from traineeships.models import MonthlyReport

    return {
        (report.placement_id, report.month): report.on_post
        for report in MonthlyReport.objects.filter(placement_id__in=placement_ids, month__gte=first_month,
                                                   month__lte=last_month)
    }


def roster_for_base(base, first_month: datetime.date, last_month: datetime.date) -> Roster:
    from traineeships.models import Placement

    placements = list(paid_placements(Placement.objects.filter(base=base)).filter(start_on__lte=last_month.replace(
        day=calendar.monthrange(last_month.year, last_month.month)[1])))
    trainees = trainee_inputs(placements)
    table = ParameterTable({code for trainee in trainees for code in trainee.region_codes})
    retained, ended = retention_counts([base.pk]).get(base.pk, (0, 0))
    return compute_roster(trainees=trainees, first_month=first_month, last_month=last_month,
                          reports=reports_for([p.pk for p in placements], first_month, last_month),
                          rates_for=table, retained=retained, ended=ended)
