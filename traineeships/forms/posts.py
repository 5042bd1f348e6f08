from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin
from regions.forms import RegionField
from traineeships.forms.fields import record_id_field
from traineeships.models import MAX_PERIOD_MONTHS, MIN_PERIOD_MONTHS, Education, PostStatus

INPUT = {"class": "form-control"}


class PostForm(BindErrorsMixin, forms.Form):
    title = forms.CharField(label=_("岗位名称"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                            error_messages={"required": _("请填写岗位名称")})
    places = forms.IntegerField(label=_("招募人数"), min_value=1, max_value=999,
                                widget=forms.NumberInput(attrs=INPUT),
                                error_messages={"required": _("请填写招募人数"), "min_value": _("招募人数至少为1人"),
                                                "max_value": _("招募人数不能超过999人")})
    majors = forms.CharField(label=_("专业要求"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                             help_text=_("多个专业用顿号分隔；不限专业请填“不限”"),
                             error_messages={"required": _("请填写专业要求")})
    education = forms.ChoiceField(label=_("学历要求"), choices=Education.choices,
                                  widget=forms.Select(attrs={"class": "form-select"}))
    work_region = RegionField(label=_("工作地区"))
    address = forms.CharField(label=_("工作地址"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                              error_messages={"required": _("请填写工作地址")})
    monthly_allowance = forms.DecimalField(
        label=_("见习期间生活费（元/月）"), max_digits=8, decimal_places=2, min_value=Decimal("0.01"),
        widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
        help_text=_("不低于当地最低工资标准"),
        error_messages={"required": _("请填写见习期间生活费"), "min_value": _("生活费必须大于0"),
                        "max_decimal_places": _("最多两位小数")},
    )
    period_months = forms.IntegerField(
        label=_("见习期限（月）"), min_value=MIN_PERIOD_MONTHS, max_value=MAX_PERIOD_MONTHS,
        widget=forms.NumberInput(attrs=INPUT),
        error_messages={"required": _("请填写见习期限"),
                        "min_value": _("见习期限为3至12个月"), "max_value": _("见习期限为3至12个月")},
    )
    description = forms.CharField(label=_("岗位描述"), max_length=2000,
                                  widget=forms.Textarea(attrs={**INPUT, "rows": 5}),
                                  help_text=_("工作内容、见习要求、可提供的条件等"),
                                  error_messages={"required": _("请填写岗位描述")})
    contact_person = forms.CharField(label=_("联系人"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                     error_messages={"required": _("请填写联系人")})
    contact_phone = forms.RegexField(label=_("联系电话"), regex=r"^(1\d{10}|0\d{2,3}-?\d{7,8})$",
                                     widget=forms.TextInput(attrs=INPUT),
                                     error_messages={"required": _("请填写联系电话"),
                                                     "invalid": _("请输入11位手机号或带区号的固定电话")})



def post_initial(post) -> dict:
    return {
        "title": post.title, "places": post.places, "majors": post.majors, "education": post.education,
        "work_region": post.work_region_id, "address": post.address, "monthly_allowance": post.monthly_allowance,
        "period_months": post.period_months, "description": post.description,
        "contact_person": post.contact_person, "contact_phone": post.contact_phone,
    }


UNIT_STATUS_CHOICES = [("", _("全部状态"))] + [
    (value, label) for value, label in PostStatus.choices if value != PostStatus.DELETED
]


class PostFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), choices=UNIT_STATUS_CHOICES, required=False,
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}))


class PostQueryForm(forms.Form):
    """The post opened on 岗位查询 (?post=)."""

    post = record_id_field(_("岗位"), _("岗位选择无效，请点击列表中的“查看详情”"))


class PostSelectionForm(forms.Form):
    """The posts ticked on the publishing page."""

    post_ids = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": _("请至少选择一个岗位")})

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post_ids"].choices = [(pk, pk) for pk in choices]
        self.fields["post_ids"].error_messages["invalid_choice"] = _("所选岗位不在本市可发布范围内，请刷新页面")


class PublicationForm(PostSelectionForm):
    """The posts ticked, and 发布 or 撤销发布 (the page's two buttons, the API's `action`): another action is
    refused, never read as 发布."""

    action = forms.ChoiceField(label=_("操作"), choices=[("publish", _("发布")), ("unpublish", _("撤销发布"))],
                               error_messages={"required": _("请选择发布或撤销发布"),
                                               "invalid_choice": _("操作不正确，请选择发布或撤销发布")})


class PublishingPageForm(PublicationForm):
    """The page's form also says where to return (the tab and search the user was on); an address outside 岗位发布
    is not followed (the page itself instead)."""

    back = forms.CharField(required=False, strip=False)

    def clean_back(self):
        back = self.cleaned_data["back"]
        return back if back.startswith("/traineeships/hr/publishing/") else ""
