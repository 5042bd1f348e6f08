"""Forms of the entry area: a registry record (the screen's form is also the import's row form), the
enterprise's staff numbers, the school's recommendations, the list filters, the regional settings."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from batch.registry import Column
from internships.models import RegistryStanding
from internships.rules import HOST_KINDS
from organisations.forms import CreditCodeField
from organisations.forms_registration import PreregistrationForm
from organisations.models import OrganisationKind, Origin

INPUT = {"class": "form-control form-control-sm"}
SELECT = {"class": "form-select form-select-sm"}


class RegistryRecordForm(forms.Form):
    """One enterprise of the market regulator's data (市场监管部门备案企业信息); each imported row runs through it."""

    credit_code = CreditCodeField()
    name = forms.CharField(label=_("企业名称"), max_length=128, error_messages={"required": _("请填写企业名称")})
    legal_representative = forms.CharField(label=_("法定代表人"), max_length=64,
                                           error_messages={"required": _("请填写法定代表人")})
    standing = forms.ChoiceField(label=_("登记状态"), choices=RegistryStanding.choices,
                                 error_messages={"required": _("请选择登记状态"),
                                                 "invalid_choice": _(
                                                     "登记状态须为存续（在业）、列入经营异常名录、吊销或注销")})
    registered_on = forms.DateField(label=_("成立日期"), required=False,
                                    error_messages={"invalid": _("请填写正确的日期，如 2015-03-01")})
    business_scope = forms.CharField(label=_("经营范围"), required=False, max_length=2000)

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_legal_representative(self):
        return self.cleaned_data["legal_representative"].strip()


# The import's columns (batch.registry): each row runs through RegistryRecordForm; upserted by credit code.
REGISTRY_COLUMNS = (
    Column("统一社会信用代码", "credit_code", required=True, example="91410100MA44XXXX0X", text=True,
           numbers_refused=True, width=22, help_text="18位，请以文本格式填写"),
    Column("企业名称", "name", required=True, example="郑州某某机械制造有限公司", width=28),
    Column("法定代表人", "legal_representative", required=True, example="王建国", width=12),
    Column("登记状态", "standing", required=True, example="active", width=18,
           choices=tuple((value, str(label)) for value, label in RegistryStanding.choices)),
    Column("成立日期", "registered_on", example=datetime.date(2015, 3, 1), width=12),
    Column("经营范围", "business_scope", example="机械设备制造、销售", width=40),
)


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("企业名称或信用代码"), required=False, max_length=64,
                        widget=forms.TextInput(attrs=INPUT))
    standing = forms.ChoiceField(label=_("登记状态"), required=False,
                                 choices=[("", _("全部")), *RegistryStanding.choices],
                                 error_messages={"invalid_choice": _("请选择列表中的登记状态")},
                                 widget=forms.Select(attrs=SELECT))


class StaffForm(forms.Form):
    staff_on_duty = forms.IntegerField(label=_("在岗职工总数"), min_value=1, max_value=10_000_000,
                                       help_text=_("实习生人数不得超过在岗职工总数的10%（岗位发布时核对）"),
                                       error_messages={"required": _("请填写在岗职工总数"),
                                                       "invalid": _("请填写整数"),
                                                       "min_value": _("在岗职工总数至少为1人"),
                                                       "max_value": _("在岗职工总数过大，请核对")},
                                       widget=forms.NumberInput(attrs=INPUT))


INSPECTION_NOTE = forms.CharField(
    label=_("实地考察情况"), max_length=2000, widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
    help_text=_("学校应对实习单位进行实地考察（资质、诚信状况、管理水平、实习岗位性质和内容、工作时间、工作环境、生活环境以及健康保障、安全防护等）"),
    error_messages={"required": _("请填写实地考察情况")},
)


class RecommendNewForm(PreregistrationForm):
    """推荐录入新企业: the foundation's pre-registration fields plus the school's inspection note."""

    inspection_note = INSPECTION_NOTE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        field.choices = [choice for choice in field.choices if choice[0] == "" or choice[0] in HOST_KINDS]


class RecommendExistingForm(forms.Form):
    """推荐平台上已有的企业 by its credit code."""

    credit_code = CreditCodeField()
    inspection_note = INSPECTION_NOTE


SOURCES = [("", _("全部")), ("recommended", _("本校推荐")), ("checked", _("自荐或学生推荐（审查入库）"))]


class PoolFilterForm(forms.Form):
    q = forms.CharField(label=_("企业名称或信用代码"), required=False, max_length=64,
                        widget=forms.TextInput(attrs=INPUT))
    source = forms.ChoiceField(label=_("入库方式"), required=False, choices=SOURCES,
                               error_messages={"invalid_choice": _("请选择列表中的入库方式")},
                               widget=forms.Select(attrs=SELECT))
    origin = forms.ChoiceField(label=_("来源"), required=False,
                               choices=[("", _("全部")), *[c for c in Origin.choices if c[0] != Origin.PLATFORM]],
                               error_messages={"invalid_choice": _("请选择列表中的来源")},
                               widget=forms.Select(attrs=SELECT))
    with_positions = forms.BooleanField(label=_("只看有发布中岗位的企业"), required=False,
                                        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))


class RegionSettingForm(forms.Form):
    position_review_required = forms.BooleanField(
        label=_("实习岗位发布前须经教育部门审核"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    insurance_warning_days = forms.IntegerField(
        label=_("保单到期前提醒天数"), min_value=1, max_value=90,
        error_messages={"required": _("请填写提醒天数"), "invalid": _("请填写整数"),
                        "min_value": _("提醒天数至少为1天"), "max_value": _("提醒天数不超过90天")},
        widget=forms.NumberInput(attrs=INPUT))


def unit_data(cleaned: dict) -> dict:
    """The pre-registration fields of a RecommendNewForm (what organisations' service takes)."""
    return {name: cleaned[name] for name in ("name", "credit_code", "legal_representative", "kind", "region",
                                              "contact_person", "contact_phone")}


KIND_LABELS = dict(OrganisationKind.choices)
