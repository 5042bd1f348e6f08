"""HR forms: 生态链企业认定 (the enterprise found by name or credit code among the city's enterprises), its
revocation, the filters of 辖区学徒制备案 and 学徒制统计 (malformed values → a message, never a 500)."""

import datetime
import re

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import ApprenticeshipType, EcosystemRole, FilingStatus
from apprenticeships.selectors.hr import enterprises_of_city
from core.forms import BindErrorsMixin

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


class RecognitionForm(BindErrorsMixin, forms.Form):
    enterprise = forms.CharField(label=_("企业（名称或统一社会信用代码）"), max_length=128,
                                 widget=forms.TextInput(attrs={**INPUT, "list": "enterprise-options"}),
                                 help_text=_("本市的企业、事业单位"),
                                 error_messages={"required": _("请填写企业名称或统一社会信用代码")})
    role = forms.ChoiceField(label=_("认定类型"), choices=EcosystemRole.choices, widget=forms.Select(attrs=SELECT),
                             error_messages={"required": _("请选择认定类型"), "invalid_choice": _("请选择认定类型")})
    chain_name = forms.CharField(label=_("产业技能生态链名称"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                 error_messages={"required": _("请填写产业技能生态链名称")})
    valid_from = forms.DateField(label=_("有效期起"), widget=forms.DateInput(attrs={**INPUT, "type": "date"}),
                                 error_messages={"required": _("请填写有效期起"), "invalid": _("日期格式不正确")})
    valid_to = forms.DateField(label=_("有效期止"), widget=forms.DateInput(attrs={**INPUT, "type": "date"}),
                               error_messages={"required": _("请填写有效期止"), "invalid": _("日期格式不正确")})
    source = forms.CharField(label=_("认定依据（文件）"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                             error_messages={"required": _("请填写认定依据")})

    def __init__(self, *args, city=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city

    def clean_enterprise(self):
        text = self.cleaned_data["enterprise"].strip()
        candidates = enterprises_of_city(self.city)
        exact = list(candidates.filter(Q(credit_code__iexact=text) | Q(name=text))[:2])
        if len(exact) == 1:
            return exact[0]
        found = exact if exact else list(candidates.filter(name__icontains=text)[:2])
        if not found:
            raise forms.ValidationError(_t("本市没有名称或统一社会信用代码为“%(text)s”的企业") % {"text": text})
        if len(found) > 1:
            raise forms.ValidationError(_t("有多家企业与“%(text)s”相符，请填写完整名称或统一社会信用代码")
                                        % {"text": text})
        return found[0]

    def clean(self):
        data = super().clean()
        if data.get("valid_from") and data.get("valid_to") and data["valid_to"] < data["valid_from"]:
            self.add_error("valid_to", _t("有效期止不能早于有效期起"))
        data["organisation"] = data.get("enterprise")
        return data


def recognition_initial(item) -> dict:
    return {"enterprise": item.organisation.credit_code or item.organisation.name, "role": item.role,
            "chain_name": item.chain_name, "valid_from": item.valid_from, "valid_to": item.valid_to,
            "source": item.source}


class RevokeForm(BindErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("撤销原因"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                             error_messages={"required": _("请填写撤销原因")})


def parse_date(value: str):
    try:
        return datetime.date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        raise ValueError from None


def parse_month(value: str):
    value = (value or "").strip()
    if not value:
        return None
    match = MONTH_RE.match(value)
    if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2100:
        raise ValueError
    return datetime.date(int(match.group(1)), int(match.group(2)), 1)


def recognition_filters(params) -> tuple[dict, list[str]]:
    """The list's filters from the query string, and the messages for the malformed ones (ignored)."""
    problems = []
    filters = {"q": params.get("q", "").strip()[:64], "role": params.get("role", ""),
               "revoked": params.get("revoked", ""), "valid_on": None}
    if filters["role"] not in EcosystemRole.values:
        if filters["role"]:
            problems.append(_t("认定类型不正确，已忽略"))
        filters["role"] = ""
    if filters["revoked"] not in ("yes", "no"):
        filters["revoked"] = ""
    try:
        filters["valid_on"] = parse_date(params.get("valid_on", ""))
    except ValueError:
        problems.append(_t("有效日期格式不正确，已忽略"))
    return filters, problems


def filing_filters(params) -> tuple[dict, list[str]]:
    problems = []
    filters = {"q": params.get("q", "").strip()[:64], "status": params.get("status", ""),
               "apprenticeship_type": params.get("type", ""), "month": None}
    if filters["status"] not in FilingStatus.values:
        if filters["status"]:
            problems.append(_t("状态不正确，已忽略"))
        filters["status"] = ""
    if filters["apprenticeship_type"] not in ApprenticeshipType.values:
        if filters["apprenticeship_type"]:
            problems.append(_t("培训类型不正确，已忽略"))
        filters["apprenticeship_type"] = ""
    try:
        filters["month"] = parse_month(params.get("month", ""))
    except ValueError:
        problems.append(_t("月份格式不正确（如 2026-03），已忽略"))
    return filters, problems


def statistics_filters(params, today: datetime.date | None = None) -> tuple[dict, list[str]]:
    """year (default this year), month_from and month_to (1–12, default the whole year)."""
    today = today or timezone.localdate()
    problems = []

    def number(name, default, low, high, message):
        raw = (params.get(name, "") or "").strip()
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            problems.append(message)
            return default
        return value

    year = number("year", today.year, 2000, 2100, _t("年度不正确，已按本年度统计"))
    first = number("month_from", 1, 1, 12, _t("起始月份应为1到12，已按1月统计"))
    last = number("month_to", 12, 1, 12, _t("截止月份应为1到12，已按12月统计"))
    if first > last:
        problems.append(_t("起始月份不能晚于截止月份，已按全年统计"))
        first, last = 1, 12
    return {"year": year, "month_from": first, "month_to": last}, problems
