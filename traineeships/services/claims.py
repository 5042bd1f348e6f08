"""就业见习补贴申领: the programme's side of claims (the foundation's claims.services does every write).

The calculator turns the 补贴经费花名册 (services.roster) into claim lines: a MONTH line per month paid, the
accident-insurance line and the "1+1" top-up (期满留用达标补差), each with the roster's explanation. The review
kind (traineeships.kinds.CLAIM_REVIEW) goes to the county, then the city; the city's HR reviewers (holding
traineeships.review) register the payment."""

from collections import defaultdict
from decimal import Decimal

from claims.models import ClaimLine, LineKind
from claims.registry import LineSpec
from organisations.jurisdiction import can_see
from regions.models import RegionLevel
from traineeships.rules import MANAGE_BASE, PROGRAMME, is_hr_reviewer

CLAIM_KIND = "traineeship_claim"
NUMBER_PREFIX = "JXBT"  # 见习补贴


def subject_of(placement_pk: int) -> str:
    return f"traineeships.placement:{placement_pk}"


def calculate(*, organisation, first_month, last_month) -> list[LineSpec]:
    """Every line the unit's base earns in the period today (roster_for_base), whether claimed or not."""
    from traineeships.models import Placement, TraineeshipBase
    from traineeships.services.roster import roster_for_base

    base = TraineeshipBase.objects.filter(organisation=organisation).first()
    if base is None:
        return []
    roster = roster_for_base(base, first_month, last_month)
    people = dict(Placement.objects.filter(pk__in=[line.trainee.key for line in roster.lines])
                  .values_list("pk", "person_id"))
    specs = []
    for line in roster.lines:
        trainee = line.trainee
        common = {"name": trainee.name, "post": trainee.post_title, "start_on": trainee.start_on.isoformat(),
                  "end_on": trainee.end_on.isoformat()}
        person, subject = people[trainee.key], subject_of(trainee.key)
        for month in line.months:
            specs.append(LineSpec(
                kind=LineKind.MONTH, person_id=person, subject=subject, month=month.month, amount=month.amount,
                explanation=month.explanation,
                detail={**common, "days": month.days, "days_in_month": month.days_in_month,
                        "minimum_wage": _text(month.minimum_wage), "rate": _text(month.rate)}))
        if line.insurance is not None:
            insurance = line.insurance
            specs.append(LineSpec(
                kind=LineKind.INSURANCE, person_id=person, subject=subject, month=insurance.month,
                amount=insurance.amount, explanation=insurance.explanation,
                detail={**common, "premium": _text(insurance.premium), "cap": _text(insurance.cap)}))
        top_up = line.top_up
        if top_up is not None:
            specs.append(LineSpec(kind=LineKind.TOP_UP, person_id=person, subject=subject, month=top_up.month,
                                  amount=top_up.amount, explanation=top_up.explanation, detail=common))
    return specs


def _text(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def may_file(user, organisation) -> bool:
    return (user.is_authenticated and organisation is not None and user.organisation_id == organisation.pk
            and user.has_perm(MANAGE_BASE))


def may_pay(user, claim) -> bool:
    """拨付登记 is the city's: an HR reviewer (traineeships.review) of the city over the unit, the level that
    gives the final approval and holds the budget."""
    return is_hr_reviewer(user, RegionLevel.CITY) and can_see(user, claim.organisation, PROGRAMME)


def lines_by_person(claim) -> list[dict]:
    """The claim's lines grouped per person, in line order, with each person's subtotal."""
    groups: dict = defaultdict(list)
    for line in ClaimLine.objects.filter(claim=claim).select_related("person").order_by("position", "id"):
        groups[line.person_id].append(line)
    result = []
    for lines in groups.values():
        first = lines[0]
        result.append({"person": first.person, "name": first.detail.get("name") or first.person.real_name,
                       "detail": first.detail, "lines": lines,
                       "total": sum((line.amount for line in lines), Decimal("0.00"))})
    return result


def mark_claimed(roster) -> None:
    """Give each roster line `claimed`: its months and once-per-traineeship items already in a counted claim,
    as "2026年3月（JXBT-2026-000001）", so the roster shows what a new claim would leave out."""
    subjects = {subject_of(line.trainee.key): line for line in roster.lines}
    held = defaultdict(list)
    for subject, kind, month, number in (
        ClaimLine.objects.filter(programme=PROGRAMME, counted=True, subject__in=subjects)
        .exclude(kind=LineKind.CORRECTION).order_by("month", "id")
        .values_list("subject", "kind", "month", "claim__number")
    ):
        what = f"{month.year}年{month.month}月" if kind == LineKind.MONTH else str(LineKind(kind).label)
        held[subject].append(f"{what}（{number}）")
    for subject, line in subjects.items():
        line.claimed = held.get(subject, [])
