"""企业新型学徒制培训补贴的花名册: one line per person on a claim, computed from the parameters in force (issue 9,
regulations §3.2). Pure apart from reading the parameters and the advances already counted; the calculator
(apprenticeships.registration.claims) turns the payable lines into claim lines, the claim page shows all of
them, the refused ones with the rule that refused them.

Per line: 补贴标准 (元/人·年, by the filing's region, the class start, the type and the target level) × 培训期
(the class's whole months / 12, two decimals: a class of 12 months is 1.00 year, 18 months 1.50, 24 months 2.00;
days past the last whole month are not counted) × (1 + 紧缺急需上浮, for 高级工 and above in the city's list of the
start year) = the full subsidy; × the advance rate for 预支; − the advances counted for the same enrolment for
清算. Each amount is rounded to the fen (ROUND_HALF_UP) after each multiplication shown."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from apprenticeships.checks import add_months
from apprenticeships.models import (
    ECOSYSTEM_TYPES,
    LEVEL_ORDER,
    UPLIFT_LEVELS,
    ClaimStage,
    FilingStatus,
    TargetLevel,
    Trainee,
)
from apprenticeships.selectors.parameters import rules_for, standard_for, uplift_rate
from claims.models import ClaimLine, LineKind

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
PROGRAMME = "apprenticeships"


def subject_of(trainee) -> str:
    return f"apprenticeships.trainee:{trainee.pk}"


def money(value: Decimal) -> str:
    """6,000 for whole yuan, 2,880.00 otherwise (the explanation's style)."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def percent(rate: Decimal) -> str:
    text = f"{(Decimal(rate) * 100).normalize():f}"
    return f"{text}%"


def training_months(starts_on: datetime.date, ends_on: datetime.date) -> int:
    """Whole months from the start to the day after the end (2026-01-01..2026-12-31 = 12)."""
    after_end = ends_on + datetime.timedelta(days=1)
    months = (after_end.year - starts_on.year) * 12 + after_end.month - starts_on.month
    while months > 0 and add_months(starts_on, months) > after_end:
        months -= 1
    return max(months, 0)


def training_years(starts_on: datetime.date, ends_on: datetime.date) -> Decimal:
    return (Decimal(training_months(starts_on, ends_on)) / Decimal(12)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class RosterLine:
    trainee: Trainee
    stage: str
    kind: str  # LineKind.ADVANCE or LineKind.BALANCE
    amount: Decimal = ZERO
    explanation: str = ""
    refused: str = ""  # the rule that refuses the line; empty when payable
    detail: dict = field(default_factory=dict)
    held_by: str = ""  # the number of another counted claim holding this enrolment's line (set by the page)

    @property
    def payable(self) -> bool:
        return not self.refused and self.amount > 0

    @property
    def subject(self) -> str:
        return subject_of(self.trainee)


def _kind(stage: str) -> str:
    return LineKind.ADVANCE if stage == ClaimStage.ADVANCE else LineKind.BALANCE


def advances_counted(trainee, *, exclude_claim=None) -> Decimal:
    """预支 already counted (submitted, approved or paid) for this enrolment, with their counted corrections."""
    lines = ClaimLine.objects.filter(programme=PROGRAMME, counted=True, subject=subject_of(trainee),
                                     kind=LineKind.ADVANCE)
    if exclude_claim is not None:
        lines = lines.exclude(claim=exclude_claim)
    paid = lines.aggregate(total=Sum("amount"))["total"] or ZERO
    corrections = ClaimLine.objects.filter(programme=PROGRAMME, counted=True, kind=LineKind.CORRECTION,
                                           corrects__in=lines)
    return paid + (corrections.aggregate(total=Sum("amount"))["total"] or ZERO)


def _level_reached(certificate_level: str, target_level: str) -> bool:
    if certificate_level not in TargetLevel.values:
        return False
    return LEVEL_ORDER.index(TargetLevel(certificate_level)) >= LEVEL_ORDER.index(TargetLevel(target_level))


def compute_line(trainee: Trainee, stage: str, *, today: datetime.date | None = None,
                 exclude_claim=None) -> RosterLine:
    """The line of one trainee for a 预支 or 清算 claim, refused with the rule named when it cannot be paid."""
    today = today or timezone.localdate()
    filing = trainee.filing
    line = RosterLine(trainee=trainee, stage=stage, kind=_kind(stage))
    line.detail = {"name": trainee.name, "filing": filing.number, "stage": stage}

    def refuse(reason: str) -> RosterLine:
        line.refused = reason
        return line

    if trainee.is_lost:
        return refuse(_("该人员已于 %(day)s 标记为流失，不再享受补贴") % {"day": trainee.lost_on.isoformat()})
    if filing.status == FilingStatus.CANCELLED:
        return refuse(_("培训班已注销（备案 %(number)s），不能申领补贴") % {"number": filing.number})
    if filing.status != FilingStatus.APPROVED:
        return refuse(_("备案 %(number)s 未审核通过，不能申领补贴") % {"number": filing.number})
    training_class = getattr(filing, "training_class", None)
    if training_class is None:
        return refuse(_("备案 %(number)s 没有培训信息") % {"number": filing.number})
    region, start, end = filing.region, training_class.starts_on, training_class.ends_on
    try:
        rules = rules_for(region, start)
        standard = standard_for(region, start, apprenticeship_type=filing.apprenticeship_type,
                                target_level=training_class.target_level)
    except ValidationError as error:
        return refuse("；".join(error.messages))
    years = training_years(start, end)
    uplift = (uplift_rate(region, start.year, training_class.occupation)
              if training_class.target_level in UPLIFT_LEVELS else Decimal("0"))
    full = (standard.amount_per_year * years * (1 + uplift)).quantize(CENT, rounding=ROUND_HALF_UP)
    head = _("补贴标准 %(standard)s 元/年 × 培训期 %(years)s 年") % {"standard": money(standard.amount_per_year),
                                                               "years": f"{years:.2f}"}
    if uplift:
        head += _(" × (1 + 紧缺急需上浮 %(uplift)s)") % {"uplift": percent(uplift)}
    line.detail.update({"standard": str(standard.amount_per_year), "years": f"{years:.2f}",
                        "uplift": str(uplift), "level": training_class.get_target_level_display(),
                        "occupation": training_class.occupation, "starts_on": start.isoformat(),
                        "ends_on": end.isoformat(), "type": filing.get_apprenticeship_type_display()})

    if stage == ClaimStage.ADVANCE:
        ecosystem = filing.apprenticeship_type in ECOSYSTEM_TYPES and filing.recognition_id is not None
        if today > end:
            return refuse(_("培训期已于 %(end)s 结束，不能再申领预支，请申领清算") % {"end": end.isoformat()})
        if ecosystem:
            rate = rules.ecosystem_advance_rate
            approved_on = timezone.localdate(filing.approved_at) if filing.approved_at else None
            opens = add_months(approved_on, rules.ecosystem_advance_after_months) if approved_on else None
            if opens is None or today < opens:
                return refuse(_("生态链企业的学徒备案列名满 %(months)s 个月后方可申领预支（%(day)s 起）")
                              % {"months": rules.ecosystem_advance_after_months,
                                 "day": opens.isoformat() if opens else _("审核通过后")})
        else:
            rate = rules.filed_advance_rate
            closes = add_months(start, rules.filed_advance_within_months)
            if today < start:
                return refuse(_("培训班尚未开班（%(start)s 开班），开班后方可申领预支") % {"start": start.isoformat()})
            if today > closes:
                return refuse(_("预支须在开班后 %(months)s 个月内申领（截至 %(day)s），已超出申领期限")
                              % {"months": rules.filed_advance_within_months, "day": closes.isoformat()})
        line.amount = (full * rate).quantize(CENT, rounding=ROUND_HALF_UP)
        line.explanation = _("%(head)s × 预支比例 %(rate)s = %(amount)s 元") % {
            "head": head, "rate": percent(rate), "amount": f"{line.amount:,.2f}"}
        line.detail.update({"rate": str(rate), "full": str(full)})
        return line

    # 清算: after the class end, within the balance window, with a certificate at the target level or above.
    closes = add_months(end, rules.balance_within_months)
    if today <= end:
        return refuse(_("培训期至 %(end)s 结束，期满后方可申领清算") % {"end": end.isoformat()})
    if today > closes:
        return refuse(_("清算须在培训期满后 %(months)s 个月内申领（截至 %(day)s），已超出申领期限")
                      % {"months": rules.balance_within_months, "day": closes.isoformat()})
    if not _level_reached(trainee.certificate_level, training_class.target_level):
        return refuse(_("未取得%(level)s及以上职业技能等级证书（学徒经评价考核合格后方可申领清算）")
                      % {"level": training_class.get_target_level_display()})
    advanced = advances_counted(trainee, exclude_claim=exclude_claim)
    amount = full - advanced
    line.detail.update({"full": str(full), "advanced": str(advanced), "certificate": trainee.certificate_number})
    explanation = _("%(head)s = %(full)s 元") % {"head": head, "full": f"{full:,.2f}"}
    if advanced:
        explanation += _("，− 已预支 %(advanced)s 元 = %(amount)s 元") % {
            "advanced": f"{advanced:,.2f}", "amount": f"{max(amount, ZERO):,.2f}"}
    line.explanation = explanation
    if amount <= 0:
        return refuse(_("已预支金额 %(advanced)s 元不低于应发补贴 %(full)s 元，清算无应发金额")
                      % {"advanced": f"{advanced:,.2f}", "full": f"{full:,.2f}"})
    line.amount = amount
    return line


def roster_for_claim(claim, *, today: datetime.date | None = None) -> list[RosterLine]:
    """Every person the unit put on the claim, in the order added, each computed for the claim's stage."""
    details = getattr(claim, "apprenticeship", None)
    if details is None:
        return []
    entries = (claim.apprenticeship_people
               .select_related("trainee__filing__region", "trainee__filing__training_class",
                               "trainee__filing__organisation", "trainee__person").order_by("id"))
    lines = []
    for entry in entries:
        line = compute_line(entry.trainee, details.stage, today=today, exclude_claim=claim)
        line.detail["entry"] = entry.pk
        lines.append(line)
    return lines


def mark_held(lines: list[RosterLine], claim) -> list[RosterLine]:
    """A line whose enrolment another counted claim already holds (the same stage) is refused, naming that claim:
    the claim services leave it out, the page says why."""
    subjects = {line.subject: line for line in lines if not line.refused}
    if not subjects:
        return lines
    held = (ClaimLine.objects.filter(programme=PROGRAMME, counted=True, subject__in=subjects)
            .exclude(claim=claim).select_related("claim"))
    for other in held:
        line = subjects.get(other.subject)
        if line is not None and other.kind == line.kind:
            line.held_by = other.claim.number
            line.refused = _("该人员本次培训的%(kind)s已在申领 %(number)s 中申领，每次培训只能申领一次") % {
                "kind": other.get_kind_display(), "number": other.claim.number}
    return lines


def roster(claim, *, today: datetime.date | None = None) -> list[RosterLine]:
    """The claim's people, each computed (payable, or refused with the rule named, another claim's hold included)."""
    return mark_held(roster_for_claim(claim, today=today), claim)
