"""补贴经费花名册: the monthly subsidy of each trainee, computed (never typed) from the registration, the
departure, the monthly on-post reports and the region parameters, with a plain-Chinese reason on each line.

Rules (regulations §2.2):
- A month's subsidy = that month's local minimum wage × the region's base rate (e.g. 60 %) (Henan:
  "见习当月当地最低工资标准"). Always the base rate: a month already paid (or claimed) never changes when the
  unit's retention changes later.
- "1+1": at the end of a traineeship (见习期满, or an approved early departure) a one-off top-up (TopUpLine) =
  Σ over its paid months of that month's minimum wage × (raised rate − base rate) × the month's pro-rata
  fraction, when the unit's (the base's) retention rate reaches the threshold. Retention rate = 留用 ÷ ended,
  over the base's traineeships that ended within the assessment window: the region's retention_window_months
  ending with the month this traineeship ended (threshold and window: the parameter of that month).
- When the top-up is due: once this traineeship's 留用 outcome is settled: the unit registered 留用 or 未留用
  after the end (留用 registered during the traineeship settles on the day the end is recorded), or the
  registration period (retention_registration_days) passed, which counts as not retained. The rate counts the
  traineeships of the window whose outcome was settled by that day; one still open is left out (it is neither
  retained nor known to be lost), so the figure is fixed the day it falls due and never changes. The top-up
  belongs to the roster whose period contains the day it fell due, once; below the threshold, the line says why
  there is none.
- Partial months (the start month, the month of an early departure) are paid pro rata by calendar days on
  post: Shandong pro-rates early leavers, and counting any day as a whole month would pay a 3-month
  traineeship starting mid-month for 4 months.
- A month the unit reported as 不在岗 is not paid (nor topped up). A month without a parameter is explained and
  counts 0.
- 人身意外伤害保险补贴: the premium the unit paid (the placement's insurance details), capped by the region's
  insurance_subsidy_cap. The cap is per person per traineeship, not per month: Shanxi's rule is "premium
  subsidy ≤ 240 元/person" for a policy bought once, before the start, covering the whole traineeship
  (regulations §2.2), so a monthly cap would pay a 12-month traineeship twelve times the cap for a single
  premium. It is paid once, with the parameter of the start month (when the policy had to be in force), and
  it belongs to the roster whose period contains the start month: rosters of successive periods never pay it
  twice, and a 不在岗 report does not remove it (the premium was paid all the same).
- Amounts are Decimal, rounded half-up to cents per month; the total is the months, the insurance line and
  the top-up.

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
    window_months: int = 12  # the retention assessment window of the "1+1" top-up


@dataclass(frozen=True)
class TopUpBasis:
    """What the "1+1" top-up of one ended traineeship needs from the database (loaded by trainee_inputs)."""

    ended_on: datetime.date  # the last day on post
    due_on: datetime.date  # the day its 留用 outcome was settled: the top-up falls due
    retained: int  # over the base's traineeships ended within the window and settled by due_on
    ended: int
    window_first: datetime.date  # the first month of the assessment window
    window_last: datetime.date  # the month the traineeship ended


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
    top_up: TopUpBasis | None = None  # ended, with its 留用 outcome settled


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
    due_on: datetime.date | None = None  # the day it fell due (its roster is the period containing it)


@dataclass
class TraineeLine:
    trainee: TraineeInput
    months: list[MonthLine] = field(default_factory=list)
    insurance: InsuranceLine | None = None
    top_up: TopUpLine | None = None
    top_up_note: str = ""  # why an ended traineeship gets no top-up (retention below the threshold...)

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
        elif self.top_up_note:
            lines.append(self.top_up_note)
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
    retention_window: tuple[datetime.date, datetime.date] | None = None  # the months the summary rate covers

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))

    @property
    def top_up_total(self) -> Decimal:
        return sum((line.top_up_amount for line in self.lines), Decimal("0.00"))

    @property
    def insurance_total(self) -> Decimal:
        return sum((line.insurance_amount for line in self.lines), Decimal("0.00"))

    @property
    def retention_text(self) -> str:
        window = ""
        if self.retention_window is not None:
            window = f"考核期{month_label(self.retention_window[0])}至{month_label(self.retention_window[1])}"
        if self.retention_rate is None:
            rate = f"{window}尚无已确定留用情况的结束见习人员"
        else:
            rate = (f"{window}留用率 = 留用 {self.retained} 人 ÷ 结束见习 {self.ended} 人 = "
                    f"{percent(self.retention_rate)}")
        return f"{rate}；{RULE_TEXT}"


RULE_TEXT = "按“1+1”办法，每月按基础比例计发，见习结束后单位留用率达标的，一次性补发提高比例与基础比例的差额"


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
                rates: Rates | None) -> MonthLine | None:
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
    rate = rates.base_rate
    amount = rates.minimum_wage * rate
    formula = f"最低工资 {yuan(rates.minimum_wage)} 元 × {percent(rate)}"
    if days != days_in_month:
        amount = amount * days / days_in_month
        formula += f" × {days}/{days_in_month}"
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    return MonthLine(month, days, days_in_month, True, rates.minimum_wage, rate, amount,
                     f"{label}：{state}；{formula} = {yuan(amount)} 元")


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


def _top_up(trainee: TraineeInput, reports: dict, rates_for) -> tuple[TopUpLine | None, str]:
    """The "1+1" top-up of an ended traineeship whose 留用 outcome is settled: (the line, or None and why not)."""
    basis = trainee.top_up
    end_month = basis.ended_on.replace(day=1)
    head = f"见习结束一次性补差（“1+1”）：{basis.ended_on:%Y年%-m月%-d日}见习结束"
    rates = rates_for(trainee.region_codes, end_month)
    if rates is None:
        return None, f"{head}；该地区未设置{month_label(end_month)}的参数，无法判断留用率是否达标，暂不补差"
    rate = retention_rate(basis.retained, basis.ended)
    window = (f"本单位考核期{month_label(basis.window_first)}至{month_label(basis.window_last)}结束见习 "
              f"{basis.ended} 人、留用 {basis.retained} 人，留用率 {percent(rate or Decimal(0))}")
    if rate is None or rate < rates.threshold:
        return None, f"{head}；{window}，未达到 {percent(rates.threshold)}，不补差"
    parts, amount = [], Decimal("0.00")
    for month in months_between(trainee.start_on, trainee.end_on):
        month_rates = rates_for(trainee.region_codes, month)
        line = _month_line(trainee, month, reports.get((trainee.key, month)), month_rates)
        if line is None or line.amount <= 0:
            continue  # not paid (不在岗, or no parameter): nothing to top up
        difference = month_rates.raised_rate - month_rates.base_rate
        part = month_rates.minimum_wage * difference
        formula = (f"{month_label(month)} {yuan(month_rates.minimum_wage)} 元 × "
                   f"（{percent(month_rates.raised_rate)} − {percent(month_rates.base_rate)}）")
        if line.days != line.days_in_month:
            part = part * line.days / line.days_in_month
            formula += f" × {line.days}/{line.days_in_month}"
        part = part.quantize(CENT, rounding=ROUND_HALF_UP)
        parts.append(f"{formula} = {yuan(part)} 元")
        amount += part
    detail = "；".join(parts) if parts else "无已计发补贴的月份"
    explanation = (f"{head}；{window}，达到 {percent(rates.threshold)}；补差 {yuan(amount)} 元"
                   f"（{basis.due_on:%Y年%-m月%-d日}留用情况确定后计发；各月：{detail}）")
    return TopUpLine(end_month, amount, explanation, due_on=basis.due_on), ""


def compute_roster(*, trainees, first_month: datetime.date, last_month: datetime.date, reports: dict,
                   rates_for, retained: int = 0, ended: int = 0, retention_window=None) -> Roster:
    """reports: {(trainee key, month): on_post or None}, covering every month of a trainee whose top-up falls due
    in the period; rates_for(region_codes, month) -> Rates | None. retained/ended only feed the summary text:
    each top-up carries its own counts (TraineeInput.top_up)."""
    months = months_between(first_month, last_month)
    lines = []
    for trainee in trainees:
        line = TraineeLine(trainee)
        for month in months:
            month_line = _month_line(trainee, month, reports.get((trainee.key, month)),
                                     rates_for(trainee.region_codes, month))
            if month_line is not None:
                line.months.append(month_line)
        start_month = trainee.start_on.replace(day=1)
        if line.months and months and months[0] <= start_month <= months[-1]:
            line.insurance = _insurance_line(trainee, rates_for(trainee.region_codes, start_month))
        due = trainee.top_up.due_on.replace(day=1) if trainee.top_up is not None else None
        if due is not None and months and months[0] <= due <= months[-1]:
            line.top_up, line.top_up_note = _top_up(trainee, reports, rates_for)
        if line.months or line.top_up is not None or line.top_up_note:
            lines.append(line)
    return Roster(lines=lines, retention_rate=retention_rate(retained, ended), retained=retained, ended=ended,
                  first_month=months[0] if months else first_month, last_month=last_month,
                  retention_window=retention_window)


# ---------------------------------------------------------------- loading from the database


class ParameterTable:
    """Every region parameter of the regions concerned, loaded once; resolves like selectors.parameter_for
    (the most specific region with a period containing the month)."""

    def __init__(self, region_codes):
        from calendars.models import MinimumWage
        from traineeships.models import RegionParameter

        self.by_region: dict[str, list] = {}
        for parameter in RegionParameter.objects.filter(region_id__in=set(region_codes)).order_by("-valid_from"):
            self.by_region.setdefault(parameter.region_id, []).append(parameter)
        # The minimum wage of calendars.wages (the one place), resolved the same way, loaded once as well.
        self.wages_by_region: dict[str, list] = {}
        for wage in MinimumWage.objects.filter(region_id__in=set(region_codes)).order_by("-valid_from"):
            self.wages_by_region.setdefault(wage.region_id, []).append(wage)

    def wage(self, codes, month: datetime.date) -> Decimal | None:
        for code in codes:
            for wage in self.wages_by_region.get(code, ()):
                if wage.valid_from <= month and (wage.valid_to is None or wage.valid_to >= month):
                    return wage.monthly
        return None

    def __call__(self, codes, month: datetime.date) -> Rates | None:
        for code in codes:
            for parameter in self.by_region.get(code, ()):
                if parameter.valid_from <= month and (parameter.valid_to is None or parameter.valid_to >= month):
                    wage = self.wage(codes, month)
                    if wage is None:
                        return None
                    return Rates(wage, parameter.subsidy_rate,
                                 parameter.raised_subsidy_rate, parameter.retention_threshold,
                                 parameter.insurance_subsidy_cap, parameter.retention_window_months)
        return None


def region_codes(region) -> tuple[str, ...]:
    """A region, its city, its province: most specific first (how parameters are looked up)."""
    return tuple(code for code in (region.code, region.city_code, region.province_code) if code)


def add_months(month: datetime.date, months: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def assessment_window(ended_on: datetime.date, rates: Rates | None) -> tuple[datetime.date, datetime.date]:
    """The retention window of a traineeship that ended on `ended_on`: retention_window_months (of the end
    month's parameter; 12 without one) ending with the end month."""
    last = ended_on.replace(day=1)
    return add_months(last, -((rates.window_months if rates else 12) - 1)), last


@dataclass(frozen=True)
class SettledOutcome:
    base_id: int
    ended_on: datetime.date
    retained: bool
    settled_on: datetime.date


def settled_outcomes(base_ids) -> list[SettledOutcome]:
    """The ended traineeships of the bases whose 留用 outcome is settled, in one query."""
    from traineeships.models import ENDED_STATUSES, Placement, RetentionOutcome

    rows = Placement.objects.filter(base_id__in=base_ids, status__in=ENDED_STATUSES, ended_on__isnull=False,
                                    retention_settled_on__isnull=False).values_list(
        "base_id", "ended_on", "retention_outcome", "retention_settled_on")
    return [SettledOutcome(base_id, ended_on, outcome == RetentionOutcome.RETAINED, settled_on)
            for base_id, ended_on, outcome, settled_on in rows]


def count_window(outcomes, base_id: int, first: datetime.date, last: datetime.date,
                 settled_by: datetime.date | None = None) -> tuple[int, int]:
    """(retained, ended) over the base's traineeships that ended within the months first..last and whose outcome
    was settled by `settled_by` (any day when None)."""
    chosen = [item for item in outcomes if item.base_id == base_id and first <= item.ended_on.replace(day=1) <= last
              and (settled_by is None or item.settled_on <= settled_by)]
    return sum(item.retained for item in chosen), len(chosen)


def trainee_inputs(placements, table: "ParameterTable | None" = None, outcomes=None) -> list[TraineeInput]:
    """Placements (with post__work_region, person and their open departures prefetched) as roster inputs. With
    the parameter table, an ended traineeship whose 留用 outcome is settled gets what its "1+1" top-up needs (one
    more query)."""
    from traineeships.models import ENDED_STATUSES, DepartureStatus, PlacementStatus

    placements = list(placements)
    if outcomes is None and table is not None and any(
            p.status in ENDED_STATUSES and p.retention_settled_on for p in placements):
        outcomes = settled_outcomes({placement.base_id for placement in placements})
    outcomes = outcomes or []
    inputs = []
    for placement in placements:
        end_on = placement.end_on
        leaving = False
        if placement.status in ENDED_STATUSES and placement.ended_on:
            end_on = min(end_on, placement.ended_on)
        elif placement.status == PlacementStatus.LEAVING:
            open_departures = [departure for departure in placement.departures.all()
                               if departure.status not in (DepartureStatus.CANCELLED, DepartureStatus.REFUSED)]
            if open_departures:
                end_on, leaving = min(end_on, open_departures[0].left_on), True
        codes = region_codes(placement.post.work_region)
        top_up = None
        if (table is not None and placement.status in ENDED_STATUSES and placement.ended_on
                and placement.retention_settled_on):
            first, last = assessment_window(placement.ended_on, table(codes, placement.ended_on.replace(day=1)))
            retained, ended = count_window(outcomes, placement.base_id, first, last, placement.retention_settled_on)
            top_up = TopUpBasis(ended_on=placement.ended_on, due_on=placement.retention_settled_on,
                                retained=retained, ended=ended, window_first=first, window_last=last)
        inputs.append(TraineeInput(
            key=placement.pk, name=placement.person.real_name, id_number=placement.person.id_number or "",
            post_title=placement.post.title, start_on=placement.start_on, end_on=end_on, region_codes=codes,
            retained_on=placement.retained_on, leaving=leaving, insurance_premium=placement.insurance_premium,
            top_up=top_up,
        ))
    return inputs


def paid_placements(queryset):
    """The placements that earn a subsidy: their agreement was approved (on post, leaving, ended early or
    见习期满)."""
    from traineeships.models import PAID_STATUSES

    return (
        queryset.filter(status__in=PAID_STATUSES)
        .select_related("post__work_region", "person")
        .prefetch_related("departures")
        .order_by("start_on", "id")
    )


def reports_for(placement_ids, first_month, last_month) -> dict:
    from traineeships.models import MonthlyReport

    return {
        (report.placement_id, report.month): report.on_post
        for report in MonthlyReport.objects.filter(placement_id__in=placement_ids, month__gte=first_month,
                                                   month__lte=last_month)
    }


def report_months(trainees, first_month: datetime.date, last_month: datetime.date):
    """The months whose reports a roster needs: its period, and every month of a traineeship whose top-up falls
    due in it (the top-up is computed over all the months paid)."""
    first = first_month
    for trainee in trainees:
        if trainee.top_up is not None and first_month <= trainee.top_up.due_on.replace(day=1) <= last_month:
            first = min(first, trainee.start_on.replace(day=1))
    return first, last_month


def roster_for_base(base, first_month: datetime.date, last_month: datetime.date) -> Roster:
    from traineeships.models import Placement

    placements = list(paid_placements(Placement.objects.filter(base=base)).filter(start_on__lte=last_month.replace(
        day=calendar.monthrange(last_month.year, last_month.month)[1])))
    organisation = base.organisation
    organisation_codes = region_codes(organisation.region) if organisation.region_id else ()
    table = ParameterTable({code for p in placements for code in region_codes(p.post.work_region)}
                           | set(organisation_codes))
    outcomes = settled_outcomes([base.pk])
    trainees = trainee_inputs(placements, table, outcomes)
    # The summary: the base's retention over the window ending with the period's last month, as known today.
    window = assessment_window(last_month, table(organisation_codes, last_month))
    retained, ended = count_window(outcomes, base.pk, *window)
    first, last = report_months(trainees, first_month, last_month)
    return compute_roster(trainees=trainees, first_month=first_month, last_month=last_month,
                          reports=reports_for([p.pk for p in placements], first, last), rates_for=table,
                          retained=retained, ended=ended, retention_window=window)
