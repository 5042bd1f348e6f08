"""Forms of 实习到岗 and 实习评价."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin
from internships.models import EvaluationStage, Grade
from internships.selectors.arrivals import ARRIVAL_STATUSES

BAD_DATE = _("日期格式应为 YYYY-MM-DD")
DATE = {"class": "form-control form-control-sm", "type": "date"}


class ArrivalFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部"))] + [(item.value, item.label) for item in ARRIVAL_STATUSES],
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}))


class ArrivalForm(BindErrorsMixin, forms.Form):
    arrived_on = forms.DateField(label=_("到岗日期"), widget=forms.DateInput(attrs=DATE),
                                 error_messages={"required": _("请填写到岗日期"), "invalid": BAD_DATE})


class EvaluationForm(BindErrorsMixin, forms.Form):
    stage = forms.ChoiceField(label=_("评价类型"), choices=EvaluationStage.choices,
                              widget=forms.Select(attrs={"class": "form-select"}),
                              error_messages={"required": _("请选择评价类型"), "invalid_choice": _("请选择评价类型")})
    grade = forms.ChoiceField(label=_("评价等级"), choices=Grade.choices,
                              widget=forms.Select(attrs={"class": "form-select"}),
                              error_messages={"required": _("请选择评价等级"), "invalid_choice": _("请选择评价等级")})
    comment = forms.CharField(label=_("评价内容"), max_length=2000,
                              widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
                              error_messages={"required": _("请填写评价内容"),
                                              "max_length": _("评价内容不超过2000字")})

    def __init__(self, *args, stages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if stages is not None:
            self.fields["stage"].choices = [(stage, EvaluationStage(stage).label) for stage in stages]
