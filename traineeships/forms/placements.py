"""Forms of 录用上岗登记, 离岗 and 留用 (part 2b)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from core.forms import BindErrorsMixin
from traineeships.models import EARLY_END_REASONS, PlacementStatus
from traineeships.services.placements import TERM_FIELDS, backdating_warning, check_terms

INPUT = {"class": "form-control"}
DATE = {"class": "form-control", "type": "date"}


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("日期格式应为 2026-03-01")})


def _money(label, minimum="0.01"):
    return forms.DecimalField(label=label, max_digits=10, decimal_places=2, min_value=Decimal(minimum),
                              widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
                              error_messages={"required": _("请填写%(label)s") % {"label": label},
                                              "min_value": _("%(label)s必须大于0") % {"label": label},
                                              "max_decimal_places": _("最多两位小数"),
                                              "invalid": _("请输入金额数字")})


class TermsForm(BindErrorsMixin, forms.Form):
    """The registration's terms; the post (for the minimum wage of its work region) comes from the caller."""

    start_on = _date(_("见习开始日期"))
    end_on = _date(_("见习结束日期"))
    monthly_allowance = _money(_("见习期间生活费（元/月）"))
    insurance_company = forms.CharField(label=_("保险公司"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                        error_messages={"required": _("请填写保险公司")})
    insurance_policy_number = forms.CharField(label=_("保单号"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                              error_messages={"required": _("请填写保单号")})
    insurance_premium = _money(_("保费（元）"))
    insurance_sum_insured = _money(_("保额（元）"))
    insurance_valid_from = _date(_("保险起始日期"))
    insurance_valid_to = _date(_("保险截止日期"))
    backdating_confirmed = forms.BooleanField(
        label=_("确认倒签上岗：见习人员确已于上述开始日期到岗"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
        help_text=_("见习开始日期早于今天超过本地区规定天数（倒签）时须勾选；系统记录确认人和确认时间"))

    def __init__(self, *args, post=None, placement=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.placement = placement  # editing: an unchanged start date was settled when first registered

    def clean(self):
        cleaned = super().clean()
        post = self.post if self.post is not None else cleaned.get("post_object")
        if post is not None:
            for name, message in check_terms(post, cleaned).items():
                if name not in self.errors:
                    self.add_error(name, message)
            start_on = cleaned.get("start_on")
            unchanged = self.placement is not None and self.placement.start_on == start_on
            warning = "" if unchanged or "start_on" in self.errors else backdating_warning(post, start_on)
            if warning and not cleaned.get("backdating_confirmed"):
                self.add_error("backdating_confirmed", warning)
        return cleaned


def terms_initial(placement) -> dict:
    return {name: getattr(placement, name) for name in TERM_FIELDS}


class UploadForm(forms.Form):
    # Where the unit goes back to: the registration's page, or the list of 匹配结果 waiting for their scans.
    return_to = forms.ChoiceField(choices=[("", ""), ("drafts", "drafts")], required=False,
                                  widget=forms.HiddenInput)

    def __init__(self, *args, purpose: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = AttachmentField(purpose=purpose)


class DepartureForm(BindErrorsMixin, forms.Form):
    left_on = _date(_("离岗日期"))
    reason = forms.ChoiceField(label=_("离岗原因"), choices=EARLY_END_REASONS,
                               widget=forms.Select(attrs={"class": "form-select"}))
    note = forms.CharField(label=_("离岗说明"), max_length=255, required=False, widget=forms.TextInput(attrs=INPUT))


class DepartureRequestForm(BindErrorsMixin, forms.Form):
    left_on = _date(_("希望离岗日期"))
    note = forms.CharField(label=_("申请原因"), max_length=255, widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
                           error_messages={"required": _("请填写申请离岗的原因")})


class AnswerForm(BindErrorsMixin, forms.Form):
    # 255 is Departure.unit_reply's column; services.departures.answer_request refuses the same.
    reply = forms.CharField(
        label=_("单位意见"), max_length=255, required=False, widget=forms.TextInput(attrs=INPUT),
        error_messages={"max_length": _("单位意见不能超过%(limit_value)d个字（目前%(show_value)d个字）")})


class DepartureAnswerForm(AnswerForm):
    """The screen's answer to a trainee's request: its two buttons post `decision`; anything else is refused,
    never read as a refusal."""

    decision = forms.ChoiceField(label=_("处理结果"), choices=[("agree", _("同意离岗")), ("refuse", _("不同意"))],
                                 error_messages={"required": _("请选择同意或不同意"),
                                                 "invalid_choice": _("处理结果不正确，请选择同意或不同意")})

    def first_error(self) -> str:
        return next(str(message) for messages in self.errors.values() for message in messages)


class RetentionForm(BindErrorsMixin, forms.Form):
    retained_on = _date(_("留用日期（签订劳动合同日期）"))
    contract = forms.CharField(label=_("劳动合同信息"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                               help_text=_("合同编号、期限等"), error_messages={"required": _("请填写劳动合同信息")})


class PlacementFilterForm(forms.Form):
    q = forms.CharField(label=_("姓名/身份证号"), required=False, max_length=64, widget=forms.TextInput(attrs=INPUT))
    post = forms.CharField(label=_("岗位"), required=False, widget=forms.TextInput(attrs=INPUT))
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部"))] + [c for c in PlacementStatus.choices if c[0] != "cancelled"],
                               widget=forms.Select(attrs={"class": "form-select"}),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})
    retained = forms.ChoiceField(label=_("留用"), required=False,
                                 choices=[("", _("全部")), ("yes", _("已留用")), ("no", _("未留用"))],
                                 widget=forms.Select(attrs={"class": "form-select"}),
                                 error_messages={"invalid_choice": _("没有该留用情况，请从列表中选择")})

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        return {name: self.cleaned_data[name] for name in ("q", "post", "status", "retained")}
