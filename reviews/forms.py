"""Filters of the review lists and the forms of the decisions taken on a review."""

import datetime
import re
from zoneinfo import ZoneInfo

from django import forms
from django.utils.translation import gettext_lazy as _

from reviews.models import REASON_MAX_LENGTH, Decision, ReviewStatus
from reviews.registry import all_kinds

# Months are the reviewers' and submitters' calendar months, whatever the server's clock.
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONTH_PATTERN = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class InboxTab:
    PENDING = "pending"
    DECIDED = "decided"
    FILED = "filed"
    CHOICES = [(PENDING, _("待审核")), (DECIDED, _("已审核")), (FILED, _("已备案"))]


def month_range(value: str) -> tuple[datetime.datetime, datetime.datetime]:
    """The first instant of the month "YYYY-MM" in Asia/Shanghai, and the first instant of the next."""
    year, month = (int(part) for part in value.split("-"))
    start = datetime.datetime(year, month, 1, tzinfo=SHANGHAI)
    end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=SHANGHAI)
    return start, end


def kind_choices():
    return [("", _("全部"))] + [(kind.key, kind.label) for kind in all_kinds()]


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 7)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        if value and not MONTH_PATTERN.match(value):
            raise forms.ValidationError(_("请选择正确的月份（格式：2026-03）"), code="invalid_month")
        return value


class _FilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("业务类型"), required=False)
    month = MonthField(label=_("申报月份"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", f"{css} {css}-sm")

    def filter_reviews(self, queryset, prefix: str = ""):
        """Apply the chosen kind and month to Reviews (or to a relation to Review, with `prefix`)."""
        data = self.cleaned_data
        if data.get("kind"):
            queryset = queryset.filter(**{f"{prefix}kind": data["kind"]})
        if data.get("month"):
            start, end = month_range(data["month"])
            queryset = queryset.filter(**{f"{prefix}submitted_at__gte": start, f"{prefix}submitted_at__lt": end})
        return queryset


class InboxFilterForm(_FilterForm):
    status = forms.ChoiceField(label=_("状态"), choices=InboxTab.CHOICES, required=False, widget=forms.HiddenInput)
    q = forms.CharField(label=_("关键字"), required=False, max_length=64,
                        widget=forms.TextInput(attrs={"placeholder": _("事项名称/申报单位/申报人")}))

    field_order = ["status", "kind", "month", "q"]

    def clean_status(self):
        return self.cleaned_data.get("status") or InboxTab.PENDING


class MineFilterForm(_FilterForm):
    status = forms.ChoiceField(label=_("审核状态"), required=False,
                               choices=[("", _("全部"))] + list(ReviewStatus.choices))
    month = MonthField(label=_("申办月份"))

    field_order = ["status", "month", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].widget.attrs["class"] = "form-select form-select-sm"

    def filter_reviews(self, queryset, prefix: str = ""):
        queryset = super().filter_reviews(queryset, prefix)
        if self.cleaned_data.get("status"):
            queryset = queryset.filter(**{f"{prefix}status": self.cleaned_data["status"]})
        return queryset


class DecisionForm(forms.Form):
    step_id = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("审核结论"), choices=Decision.choices, widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": _("请选择审核结论"), "invalid_choice": _("请选择审核结论")},
    )
    reason = forms.CharField(
        label=_("审核意见"), required=False, max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        help_text=_("选择“不通过”或“退回修改”时必须填写"),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in (Decision.REJECT, Decision.RETURN) and not (data.get("reason") or "").strip():
            self.add_error("reason", _("不通过或退回修改时必须填写审核意见"))
        return data


class ReasonForm(forms.Form):
    """Withdraw (撤回) and revoke (撤销审核) take an optional note for the history."""

    reason = forms.CharField(
        label=_("说明"), required=False, max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )


class WithdrawReasonForm(forms.Form):
    """撤回 from a programme's own page (单位信息与认证, a filing, a base): the optional reason, refused beyond the
    engine's limit (reviews.services.withdraw says the same), never cut."""

    reason = forms.CharField(
        label=_("撤回原因"), required=False, max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        error_messages={"max_length": _("撤回原因不能超过%(limit_value)d个字（目前%(show_value)d个字）")},
    )

    def first_error(self) -> str:
        return next(str(message) for messages in self.errors.values() for message in messages)


class BatchApproveForm(forms.Form):
    step_ids = forms.TypedMultipleChoiceField(coerce=int, required=True,
                                              error_messages={"required": _("请先勾选要通过的事项")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any integer is accepted here; whether the step is the reviewer's own is the engine's question.
        raw = self.data.getlist("step_ids") if hasattr(self.data, "getlist") else []
        self.fields["step_ids"].choices = [(value, value) for value in raw if str(value).isdigit()]
        self.fields["step_ids"].error_messages["invalid_choice"] = _("所选事项无效，请刷新页面后重试")

    def clean_step_ids(self):
        return list(dict.fromkeys(self.cleaned_data["step_ids"]))
