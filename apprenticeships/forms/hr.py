"""HR forms: 生态链企业认定 (the enterprise found by name or credit code among the city's enterprises), its
revocation, the filters of 生态链企业认定, 辖区学徒制备案 and 学徒制统计 (a malformed value → its message beside the
field and nothing listed, never a 500 nor a list quietly less filtered than asked)."""

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


class FilterForm(forms.Form):
    """A list's query string, read one way by the screen, its .xlsx export and the API."""

    def filters(self) -> dict | None:
        """The selectors' filters, or None when a value is malformed: the screen then shows nothing and says why
        next to the field (a list the user takes as filtered must not be the unfiltered one), the export holds
        nothing, and the API refuses the query (400)."""
        return self.cleaned_filters() if self.is_valid() else None

    def cleaned_filters(self) -> dict:
        """The valid query as the selectors take it: each field by its name, text stripped. A form whose
        selector names or defaults differ says so in its own."""
        return {name: value.strip() if isinstance(value, str) else value
                for name, value in self.cleaned_data.items()}


class RecognitionFilterForm(FilterForm):
    """生态链企业认定's query (q, role, valid_on, revoked)."""

    q = forms.CharField(label=_("企业名称、统一社会信用代码或生态链名称"), max_length=64, required=False,
                        error_messages={"max_length": _("查询内容不能超过%(limit_value)d个字")})
    role = forms.ChoiceField(label=_("认定类型"), required=False, choices=[("", _("全部"))] + EcosystemRole.choices,
                             error_messages={"invalid_choice": _("认定类型不正确，请从列表中选择")})
    valid_on = forms.DateField(label=_("在此日期有效（如 2026-03-01）"), required=False, input_formats=["%Y-%m-%d"],
                               error_messages={"invalid": _("有效日期格式不正确（如 2026-03-01）")})
    revoked = forms.ChoiceField(label=_("是否已撤销"), required=False,
                                choices=[("", _("全部")), ("yes", _("已撤销")), ("no", _("有效"))],
                                error_messages={"invalid_choice": _("撤销状态不正确，请从列表中选择")})


class HrFilingFilterForm(FilterForm):
    """辖区学徒制备案's query (q, status, type, month)."""

    q = forms.CharField(label=_("企业名称、统一社会信用代码或备案编号"), max_length=64, required=False,
                        error_messages={"max_length": _("查询内容不能超过%(limit_value)d个字")})
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + [
        item for item in FilingStatus.choices if item[0] != FilingStatus.DRAFT],
        error_messages={"invalid_choice": _("状态不正确，请从列表中选择")})
    type = forms.ChoiceField(label=_("学徒制培训类型"), required=False,
                             choices=[("", _("全部"))] + ApprenticeshipType.choices,
                             error_messages={"invalid_choice": _("培训类型不正确，请从列表中选择")})
    month = forms.CharField(label=_("提交月份（如 2026-03）"), required=False)

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2100:
            raise forms.ValidationError(_t("月份格式不正确（如 2026-03）"), code="invalid")
        return datetime.date(int(match.group(1)), int(match.group(2)), 1)

    def cleaned_filters(self) -> dict:
        data = self.cleaned_data
        return {"q": data["q"].strip(), "status": data["status"], "apprenticeship_type": data["type"],
                "month": data["month"]}


MONTH_ERRORS = {"min_value": _("月份应为1到12"), "max_value": _("月份应为1到12"), "invalid": _("月份应为1到12")}


class StatisticsFilterForm(FilterForm):
    """学徒制统计's query (year, month_from, month_to; by default this year, all of it)."""

    year = forms.IntegerField(label=_("年度（默认本年度）"), required=False, min_value=2000, max_value=2100,
                              error_messages={"min_value": _("年度应在2000到2100之间"),
                                              "max_value": _("年度应在2000到2100之间"), "invalid": _("年度应为数字")})
    month_from = forms.IntegerField(label=_("起始月份（默认1）"), required=False, min_value=1, max_value=12,
                                    error_messages=MONTH_ERRORS)
    month_to = forms.IntegerField(label=_("截止月份（默认12）"), required=False, min_value=1, max_value=12,
                                  error_messages=MONTH_ERRORS)

    def clean(self):
        data = super().clean()
        first, last = data.get("month_from"), data.get("month_to")
        if first is not None and last is not None and first > last:
            self.add_error("month_from", _t("起始月份不能晚于截止月份"))
        return data

    def cleaned_filters(self) -> dict:
        data = self.cleaned_data
        year = data["year"] if data["year"] is not None else timezone.localdate().year
        first = data["month_from"] if data["month_from"] is not None else 1
        last = data["month_to"] if data["month_to"] is not None else 12
        return {"year": year, "month_from": first, "month_to": last}
