"""The forms of 企业新型学徒制培训补贴: 立即办理 (承诺书 + stage), 单位基本信息, 新增人员, the import row (ID number),
上传附件, the 办理结果 filter and the city's 拨付登记."""

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import ClaimStage, Trainee
from apprenticeships.services.claims import approved_trainees
from claims.models import ClaimStatus
from core.forms import BindErrorsMixin
from core.identifiers import normalise_id_number, validate_id_number

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
SMALL = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}


class StartForm(BindErrorsMixin, forms.Form):
    commitment = forms.BooleanField(label=_("本单位已阅读并承诺遵守以上承诺书"),
                                    widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
                                    error_messages={"required": _("请阅读并确认承诺书")})
    stage = forms.ChoiceField(label=_("申领阶段"), choices=ClaimStage.choices, widget=forms.RadioSelect,
                              error_messages={"required": _("请选择申领阶段（预支或清算）"),
                                              "invalid_choice": _("请选择申领阶段（预支或清算）")})


class BasicsForm(BindErrorsMixin, forms.Form):
    contact_name = forms.CharField(label=_("联系人"), max_length=32, widget=forms.TextInput(attrs=INPUT),
                                   error_messages={"required": _("请填写联系人")})
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, widget=forms.TextInput(attrs=INPUT),
                                    error_messages={"required": _("请填写联系电话")})
    bank_name = forms.CharField(label=_("开户银行"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请填写开户银行")})
    account_name = forms.CharField(label=_("账户名称"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                   error_messages={"required": _("请填写账户名称")})
    bank_account = forms.CharField(label=_("银行账号"), max_length=40, widget=forms.TextInput(attrs=INPUT),
                                   error_messages={"required": _("请填写银行账号")})

    def clean_contact_phone(self):
        value = self.cleaned_data["contact_phone"].strip()
        if not re.fullmatch(r"[0-9\-]{7,20}", value):
            raise forms.ValidationError(_("联系电话应为7至20位数字（可含“-”）"))
        return value

    def clean_bank_account(self):
        value = "".join(self.cleaned_data["bank_account"].split())
        if not re.fullmatch(r"[0-9]{8,32}", value):
            raise forms.ValidationError(_("银行账号应为8至32位数字"))
        return value


class TraineeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（备案 {obj.filing.number}，{obj.filing.training_class}）"


class AddPeopleForm(BindErrorsMixin, forms.Form):
    trainees = TraineeChoiceField(label=_("培训人员"), queryset=Trainee.objects.none(),
                                  widget=forms.CheckboxSelectMultiple,
                                  error_messages={"required": _("请选择培训人员"),
                                                  "invalid_choice": _("所选人员不是本单位已备案的培训人员"),
                                                  "invalid_pk_value": _("所选人员不是本单位已备案的培训人员")})

    def __init__(self, *args, claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainees"].queryset = approved_trainees(claim.organisation).exclude(
            claim_entries__claim=claim)


class PersonRowForm(forms.Form):
    """One row of the 申领人员 import (身份证号, 姓名): a trainee of an approved filing of the claim's enterprise."""

    id_number = forms.CharField(label=_("身份证号"), max_length=18, error_messages={"required": _("请填写身份证号")})
    name = forms.CharField(label=_("姓名"), max_length=64, required=False)

    def __init__(self, *args, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = parent

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data["id_number"])
        validate_id_number(value)
        return value

    def clean(self):
        cleaned = super().clean()
        id_number = cleaned.get("id_number")
        if not id_number or self.claim is None:
            return cleaned
        trainee = approved_trainees(self.claim.organisation).filter(id_number=id_number).order_by("-id").first()
        if trainee is None:
            raise forms.ValidationError(_("该身份证号不在本单位审核通过的学徒制培训备案中"))
        name = (cleaned.get("name") or "").strip()
        if name and name != trainee.name:
            raise forms.ValidationError(_("姓名与备案中的培训人员（%(name)s）不一致") % {"name": trainee.name})
        cleaned["trainee"] = trainee
        return cleaned


class AttachmentForm(BindErrorsMixin, forms.Form):
    file = forms.FileField(label=_("附件（图片或PDF，不超过10MB）"),
                           widget=forms.ClearableFileInput(attrs=INPUT),
                           error_messages={"required": _("请选择要上传的文件")})


class ClaimFilterForm(forms.Form):
    number = forms.CharField(label=_("申领编号"), required=False, max_length=32, widget=forms.TextInput(attrs=SMALL))
    stage = forms.ChoiceField(label=_("申领阶段"), required=False, choices=[("", _("全部"))] + ClaimStage.choices,
                              widget=forms.Select(attrs=SMALL_SELECT),
                              error_messages={"invalid_choice": _("请选择列表中的申领阶段")})
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + ClaimStatus.choices,
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("请选择列表中的状态")})
    month = forms.CharField(label=_("申请月份"), required=False, max_length=7,
                            widget=forms.TextInput(attrs={**SMALL, "type": "month", "placeholder": "2026-03"}))

    def clean_month(self):
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(_("月份格式应为 2026-03")) from None

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            # The message is beside the field; the list is empty rather than less filtered than asked.
            return queryset.none()
        data = self.cleaned_data
        if data.get("number"):
            queryset = queryset.filter(number__icontains=data["number"].strip())
        if data.get("stage"):
            queryset = queryset.filter(apprenticeship__stage=data["stage"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("month"):
            queryset = queryset.filter(first_month=data["month"])
        return queryset


class PaymentForm(BindErrorsMixin, forms.Form):
    paid_on = forms.DateField(label=_("拨付日期"), widget=forms.DateInput(attrs={**INPUT, "type": "date"},
                                                                          format="%Y-%m-%d"),
                              error_messages={"required": _("请填写拨付日期"), "invalid": _("日期格式应为 2026-03-01")})
    voucher_number = forms.CharField(label=_("拨付凭证号"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                     error_messages={"required": _("请填写拨付凭证号")})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"paid_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
