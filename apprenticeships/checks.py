"""The rules of one filing's rows, pure functions of the values and the parameters in force, so that the row
forms (typed or imported) and the submission check say the same thing in the same words."""

import calendar
import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from apprenticeships.models import ApprenticeshipType


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def duration_problem(*, starts_on, ends_on, extension_reason: str, rules) -> str | None:
    """培训期 1–2 years, up to 3 with a stated reason (regulations §3.1), as the region's rules set it.
    The period runs from the start to the day before the same date `months` later."""
    if ends_on <= starts_on:
        return _("培训结束日期应晚于开始日期")
    if ends_on < add_months(starts_on, rules.min_duration_months) - datetime.timedelta(days=1):
        return _("培训期不得少于%(months)s个月") % {"months": rules.min_duration_months}
    if ends_on > add_months(starts_on, rules.extended_max_months) - datetime.timedelta(days=1):
        return _("培训期不得超过%(months)s个月") % {"months": rules.extended_max_months}
    if (ends_on > add_months(starts_on, rules.max_duration_months) - datetime.timedelta(days=1)
            and not (extension_reason or "").strip()):
        return _("培训期超过%(months)s个月的，须填写原因") % {"months": rules.max_duration_months}
    return None


def contract_problem(*, apprenticeship_type: str, contract_starts_on, contract_ends_on, rules) -> str | None:
    """企业新型学徒制: a labour contract of at least a year (至少签订1年以上劳动合同, regulations §3.1)."""
    if contract_ends_on <= contract_starts_on:
        return _("劳动合同终止日期应晚于起始日期")
    if (apprenticeship_type == ApprenticeshipType.ENTERPRISE and rules.min_contract_months
            and contract_ends_on < add_months(contract_starts_on, rules.min_contract_months)
            - datetime.timedelta(days=1)):
        return _("企业新型学徒制培训人员应签订%(months)s个月以上劳动合同") % {"months": rules.min_contract_months}
    return None


def wage_warning(*, monthly_wage: Decimal, minimum: Decimal | None) -> str | None:
    """A warning, not a refusal: apprentices are paid at least the local minimum wage (regulations §3.1)."""
    if minimum is not None and monthly_wage < minimum:
        return _("月工资 %(wage)s 元低于当地最低工资标准 %(minimum)s 元") % {"wage": monthly_wage, "minimum": minimum}
    return None
