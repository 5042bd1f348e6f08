"""The staff member form, used by the add/edit page and, row by row, by the roster import."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin
from core.identifiers import (
    age_on,
    birth_date_from_id,
    gender_from_id,
    id_number_problem,
    normalise_id_number,
    validate_mobile,
)
from organisations.models import Education, Gender, StaffMember, TitleLevel

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]


DUPLICATE_ID_NUMBER = _("本单位已有身份证号为该号码的人员")


class StaffMemberForm(BindErrorsMixin, forms.ModelForm):
    """Gender and birth date come from the ID number; a gender typed in must agree with it."""

    gender = forms.ChoiceField(
        label=_("性别"), required=False, choices=[("", _("按身份证号识别"))] + list(Gender.choices),
        help_text=_("留空则按身份证号自动识别"),
        error_messages={"invalid_choice": _("只能填写“男”或“女”，当前为“%(value)s”")},
    )
    hired_on = forms.DateField(
        label=_("参加工作时间"), required=False, input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    monthly_wage = forms.DecimalField(
        label=_("月工资（元）"), required=False, min_value=0, max_digits=10, decimal_places=2,
        error_messages={"min_value": _("月工资不能为负数")},
    )

    class Meta:
        model = StaffMember
        fields = ["name", "id_number", "gender", "mobile", "department_name", "job_title", "hired_on", "monthly_wage",
                  "education", "title_level", "title_series"]
        error_messages = {
            "name": {"required": _("请填写姓名")},
            "id_number": {"required": _("请填写身份证号")},
        }

    def __init__(self, *args, organisation=None, check_existing: bool = True, **kwargs):
        """`organisation` scopes the duplicate check. The import passes check_existing=False because a row
        whose ID number is already on the roster updates that person instead of being refused."""
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.check_existing = check_existing
        # Today as the form is built (a request, or an import job): timezone.localdate() costs more than the
        # rest of the row's date checks, and one import judges all its rows against the same day.
        self.today = timezone.localdate()
        for field in self.fields.values():
            if not isinstance(field.widget, (forms.Select, forms.CheckboxInput)):
                field.widget.attrs.setdefault("class", "form-control")
            else:
                field.widget.attrs.setdefault("class", "form-select")

    def validate_unique(self):
        # The only unique constraint includes the organisation, which is not a form field: clean_id_number
        # checks it on the screens, and the import deliberately updates an existing person instead.
        return

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("请填写姓名"), code="required")
        return name

    def clean_id_number(self):
        number = normalise_id_number(self.cleaned_data["id_number"])
        problem = id_number_problem(number)
        if problem:
            raise forms.ValidationError(problem, code="invalid_id_number")
        if self.check_existing and self.organisation is not None:
            others = StaffMember.objects.filter(organisation=self.organisation, id_number=number)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise forms.ValidationError(DUPLICATE_ID_NUMBER, code="duplicate")
        # A record linked to a person's own account is that person: their ID number stays.
        if self.instance.pk and self.instance.account_id and number != self.instance.id_number:
            raise forms.ValidationError(_("该人员已关联个人账号，身份证号不能修改"), code="linked")
        return number

    def clean_mobile(self):
        mobile = (self.cleaned_data.get("mobile") or "").strip()
        if mobile:
            validate_mobile(mobile)
        return mobile

    def clean_hired_on(self):
        hired_on = self.cleaned_data.get("hired_on")
        if hired_on and hired_on > self.today:
            raise forms.ValidationError(_("参加工作时间不能晚于今天"), code="future")
        return hired_on

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("id_number")
        if not number:
            return cleaned
        derived = gender_from_id(number)
        typed = cleaned.get("gender")
        if typed and typed != derived:
            self.add_error("gender", _("性别与身份证号不符（身份证号显示为%(gender)s）") % {
                "gender": Gender(derived).label,
            })
        cleaned["gender"] = derived
        cleaned["birth_date"] = birth_date_from_id(number)
        hired_on = cleaned.get("hired_on")
        if hired_on and (hired_on < cleaned["birth_date"] or age_on(number, hired_on) < 16):
            self.add_error("hired_on", _("参加工作时间应在年满16周岁之后"))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if "birth_date" in self.cleaned_data:
            self.instance.birth_date = self.cleaned_data["birth_date"]


class StaffFilterForm(forms.Form):
    """The roster list's filters; the export of 'the current list' uses the same form."""

    name = forms.CharField(label=_("姓名"), required=False, max_length=64)
    id_number = forms.CharField(label=_("身份证号"), required=False, max_length=18,
                                # Encrypted at rest: only the whole number can be looked up.
                                widget=forms.TextInput(attrs={"placeholder": _("完整的18位身份证号")}))
    department = forms.CharField(label=_("部门"), required=False, max_length=64)
    gender = forms.ChoiceField(label=_("性别"), required=False, choices=[("", _("全部"))] + list(Gender.choices),
                               error_messages={"invalid_choice": _("请选择列表中的性别")})
    title_level = forms.ChoiceField(label=_("职称等级"), required=False,
                                    choices=[("", _("全部"))] + list(TitleLevel.choices),
                                    error_messages={"invalid_choice": _("请选择列表中的职称等级")})
    education = forms.ChoiceField(label=_("学历"), required=False, choices=[("", _("全部"))] + list(Education.choices),
                                  error_messages={"invalid_choice": _("请选择列表中的学历")})
    hired_from = forms.DateField(label=_("参加工作时间起"), required=False, input_formats=DATE_INPUT_FORMATS,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                 error_messages={"invalid": _("请输入日期，如 2015-07-01")})
    hired_to = forms.DateField(label=_("参加工作时间止"), required=False, input_formats=DATE_INPUT_FORMATS,
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               error_messages={"invalid": _("请输入日期，如 2015-07-01")})

    SELECTS = ("gender", "title_level", "education")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            small = "form-select form-select-sm" if name in self.SELECTS else "form-control form-control-sm"
            field.widget.attrs["class"] = small

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("hired_from"), cleaned.get("hired_to")
        if start and end and end < start:
            self.add_error("hired_to", _("结束日期不能早于开始日期"))
        return cleaned
