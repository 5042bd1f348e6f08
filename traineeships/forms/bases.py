from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from traineeships.models import BaseLevel

ACCOUNT_NUMBER = RegexValidator(r"^\d{8,32}$", _("银行账号应为8至32位数字"))
TEXTAREA = {"class": "form-control", "rows": 4}
INPUT = {"class": "form-control"}


class BaseApplicationForm(forms.Form):
    """Parts 2 and 3 of the application: 见习单位详细信息 and 银行账户信息."""

    level = forms.ChoiceField(label=_("申请基地级别"), choices=BaseLevel.choices,
                              widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                              error_messages={"required": _("请选择申请基地级别")})
    introduction = forms.CharField(label=_("单位简介"), max_length=2000,
                                   widget=forms.Textarea(attrs=TEXTAREA),
                                   error_messages={"required": _("请填写单位简介")})
    mentor_team = forms.CharField(label=_("见习指导师资队伍情况"), max_length=2000,
                                  widget=forms.Textarea(attrs=TEXTAREA),
                                  help_text=_("指导老师人数、姓名、职务/职称、从业年限等"),
                                  error_messages={"required": _("请填写见习指导师资队伍情况")})
    bank_account_name = forms.CharField(label=_("开户名称"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                        error_messages={"required": _("请填写开户名称")})
    bank_name = forms.CharField(label=_("开户银行"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                help_text=_("填写到支行，如：中国工商银行郑州文化路支行"),
                                error_messages={"required": _("请填写开户银行")})
    bank_account_number = forms.CharField(label=_("银行账号"), max_length=40, validators=[ACCOUNT_NUMBER],
                                          widget=forms.TextInput(attrs={**INPUT, "inputmode": "numeric"}),
                                          error_messages={"required": _("请填写银行账号")})

    def __init__(self, *args, organisation=None, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def clean_bank_account_number(self):
        return self.cleaned_data["bank_account_number"].replace(" ", "")

    def clean_bank_account_name(self):
        name = self.cleaned_data["bank_account_name"].strip()
        # The subsidy is paid to the unit itself, never to a person's account.
        if self.organisation is not None and name != self.organisation.name:
            raise forms.ValidationError(_("开户名称须与单位名称“%(name)s”一致") % {"name": self.organisation.name})
        return name

    def to_data(self, demands: list[dict]) -> dict:
        return {**self.cleaned_data, "major_demands": demands}

    def bind_field_errors(self, error) -> None:
        for field, messages in error.error_dict.items():
            self.add_error(field if field in self.fields else None, messages)


def _year_range():
    this_year = timezone.localdate().year
    return this_year - 5, this_year + 1


class MajorDemandForm(forms.Form):
    """One row of 近年专业及人数需求."""

    # Not "required": an empty row is allowed (ignored); clean() asks for the rest of a started row.
    year = forms.IntegerField(label=_("年份"), required=False,
                              widget=forms.NumberInput(attrs={**INPUT, "placeholder": "2025"}),
                              error_messages={"invalid": _("请输入年份，如 2025")})
    major = forms.CharField(label=_("专业"), max_length=64, required=False, widget=forms.TextInput(attrs=INPUT))
    headcount = forms.IntegerField(label=_("需求人数"), required=False, min_value=1, max_value=9999,
                                   widget=forms.NumberInput(attrs=INPUT),
                                   error_messages={"min_value": _("需求人数至少为1"), "invalid": _("请输入人数")})

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is None:
            return year
        first, last = _year_range()
        if not first <= year <= last:
            raise forms.ValidationError(_("年份应在%(first)d至%(last)d之间") % {"first": first, "last": last})
        return year

    FIELDS = ("year", "major", "headcount")

    def is_started(self) -> bool:
        """Whether anything was typed into the row, as sent. Not has_changed(): a saved row sent back unchanged
        equals its initial value, and is still a row."""
        return any(str(self.data.get(self.add_prefix(name), "")).strip() for name in self.FIELDS)

    def clean(self):
        cleaned = super().clean()
        # A row is either empty (ignored) or complete.
        if self.is_started():
            for name in self.FIELDS:
                if name not in self.errors and not cleaned.get(name):
                    self.add_error(name, _("请填写%(label)s") % {"label": self.fields[name].label})
        return cleaned


class BaseMajorDemandFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = self.rows()
        if not rows:
            raise forms.ValidationError(_("请至少填写一行近年专业及人数需求"))
        seen = set()
        for row in rows:
            key = (row["year"], row["major"])
            if key in seen:
                raise forms.ValidationError(_("%(year)d年“%(major)s”专业重复填写") % row)
            seen.add(key)

    def rows(self) -> list[dict]:
        return [
            {"year": form.cleaned_data["year"], "major": form.cleaned_data["major"].strip(),
             "headcount": form.cleaned_data["headcount"]}
            for form in self.forms
            if form.is_started() and form.cleaned_data.get("major")
        ]


# Two empty rows below the filled ones: enough to add lines without JavaScript.
MajorDemandFormSet = forms.formset_factory(MajorDemandForm, formset=BaseMajorDemandFormSet, extra=2, max_num=30,
                                           validate_max=True)


def demand_initial(base) -> list[dict]:
    return list(base.major_demands) if base is not None else []


class FileSlotForm(forms.Form):
    """One upload of 档案资料上传, sent on its own (htmx) so it is kept whatever happens to the main form."""

    def __init__(self, *args, purpose: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = AttachmentField(purpose=purpose)
