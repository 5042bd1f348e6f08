"""Forms of the archive: the list's filters (a malformed value is a message, never a 500) and the public
verification of a 学时证明."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from continuing_education.selectors.archive import Result
from continuing_education.services.certificates import CODE_ALPHABET, CODE_LENGTH
from organisations.models import Gender, TitleLevel
from regions.models import Region

INPUT = {"class": "form-control form-control-sm"}
SELECT = {"class": "form-select form-select-sm"}
CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
ID_RE = re.compile(r"^\d{17}[\dX]$")


def _blank(choices):
    return [("", _("全部")), *choices]


class ArchiveFilterForm(forms.Form):
    year = forms.IntegerField(label=_("培训年度"), required=False, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=INPUT),
                              error_messages={"invalid": _("培训年度应为四位年份"),
                                              "min_value": _("培训年度应在 2000 至 2100 之间"),
                                              "max_value": _("培训年度应在 2000 至 2100 之间")})
    name = forms.CharField(label=_("姓名"), required=False, max_length=64, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"max_length": _("姓名过长")})
    id_number = forms.CharField(label=_("身份证号"), required=False, max_length=18,
                                widget=forms.TextInput(attrs=INPUT),
                                error_messages={"max_length": _("身份证号应为18位")})
    region = forms.CharField(label=_("地区代码"), required=False, max_length=6, widget=forms.TextInput(attrs=INPUT),
                             error_messages={"max_length": _("地区代码应为6位数字")})
    title_level = forms.ChoiceField(label=_("职称等级"), required=False, choices=_blank(TitleLevel.choices),
                                    widget=forms.Select(attrs=SELECT),
                                    error_messages={"invalid_choice": _("没有该职称等级")})
    result = forms.ChoiceField(label=_("认定结果"), required=False, choices=_blank(Result.choices),
                               widget=forms.Select(attrs=SELECT),
                               error_messages={"invalid_choice": _("没有该认定结果")})
    gender = forms.ChoiceField(label=_("性别"), required=False, choices=_blank(Gender.choices),
                               widget=forms.Select(attrs=SELECT), error_messages={"invalid_choice": _("没有该性别")})
    unit = forms.CharField(label=_("单位名称"), required=False, max_length=128, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"max_length": _("单位名称过长")})

    def filters(self) -> dict | None:
        """The cleaned filters, or None when one is malformed: the list then shows nothing and the form says why
        next to the field, rather than a list the user takes as filtered."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"year": data["year"] or timezone.localdate().year, "name": data["name"].strip(),
                "id_number": data["id_number"], "region": data["region"], "title_level": data["title_level"],
                "result": data["result"], "gender": data["gender"], "unit": data["unit"].strip()}

    def clean_id_number(self):
        value = self.cleaned_data["id_number"].strip().upper()
        if value and not ID_RE.match(value):
            raise forms.ValidationError(_t("身份证号应为18位（末位可为X）"))
        return value

    def clean_region(self):
        code = self.cleaned_data["region"].strip()
        if not code:
            return None
        region = Region.objects.filter(code=code).first() if code.isdigit() and len(code) == 6 else None
        if region is None:
            raise forms.ValidationError(_t("没有代码为“%(code)s”的地区") % {"code": code})
        return region


def archive_filters(params) -> dict | None:
    """The list's filters from `params` (screen, export and API alike), or None when one is malformed."""
    return ArchiveFilterForm(params).filters()


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("验证码"), max_length=32, widget=forms.TextInput(attrs={"class": "form-control"}),
                           error_messages={"required": _("请输入验证码"), "max_length": _("验证码应为10位字母或数字")})

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not CODE_RE.match(code):
            raise forms.ValidationError(_t("验证码应为10位字母或数字"))
        return code
