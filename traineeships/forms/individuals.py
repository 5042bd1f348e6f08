"""Forms of the individuals' side: the graduate register (screen and import) and the 见习意向 form. The
sign-in with name and ID number is accounts.forms_individuals."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import mobile_input
from core.identifiers import id_number_problem, normalise_id_number, validate_mobile
from regions.forms import RegionField
from traineeships.models import Education, GraduateRecord, TraineeKind
from traineeships.models.people import IdDocumentType
from traineeships.services.individuals import CONTACT_FIELDS, INTENTION_FIELDS, YOUTH_FIELDS

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
# The register holds what a school awards; "不限" is only a post's requirement.
REGISTER_EDUCATION = [(value, label) for value, label in Education.choices if value != Education.ANY]
FIRST_GRADUATION_YEAR = 1980


def clean_id_number_value(value: str) -> str:
    number = normalise_id_number(value)
    problem = id_number_problem(number)
    if problem:
        raise ValidationError(problem, code="invalid_id_number")
    return number


class GraduateRecordForm(forms.ModelForm):
    """One register record: the 新增/修改 screen and, row by row, the 毕业生信息导入."""

    education = forms.ChoiceField(label=_("学历"), choices=REGISTER_EDUCATION, widget=forms.Select(attrs=SELECT),
                                  error_messages={"required": _("请选择学历"),
                                                  "invalid_choice": _("学历只能为下拉列表中的一项")})
    graduation_year = forms.IntegerField(label=_("毕业年份"), widget=forms.NumberInput(attrs=INPUT),
                                         error_messages={"required": _("请填写毕业年份"),
                                                         "invalid": _("毕业年份应为四位数字，如 2025")})

    class Meta:
        model = GraduateRecord
        fields = ["name", "id_number", "school", "major", "education", "graduation_year"]
        error_messages = {
            "name": {"required": _("请填写姓名")},
            "id_number": {"required": _("请填写身份证号")},
            "school": {"required": _("请填写毕业院校")},
            "major": {"required": _("请填写专业")},
        }

    def __init__(self, *args, check_existing: bool = True, **kwargs):
        """The import passes check_existing=False: a row whose ID number is in the register updates it."""
        super().__init__(*args, **kwargs)
        self.check_existing = check_existing
        for name in ("name", "id_number", "school", "major"):
            self.fields[name].widget.attrs.setdefault("class", "form-control")

    def validate_unique(self):
        # clean_id_number reports a duplicate on the screen; the import updates the existing record instead.
        return

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写姓名"), code="required")
        return name

    def clean_id_number(self):
        number = clean_id_number_value(self.cleaned_data["id_number"])
        if self.check_existing:
            others = GraduateRecord.objects.filter(id_number=number)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise ValidationError(_("信息库中已有该身份证号的记录"), code="duplicate")
        return number

    def clean_graduation_year(self):
        year = self.cleaned_data["graduation_year"]
        last = timezone.localdate().year + 1
        if not FIRST_GRADUATION_YEAR <= year <= last:
            raise ValidationError(_("毕业年份应在 %(first)d 至 %(last)d 之间") % {
                "first": FIRST_GRADUATION_YEAR, "last": last}, code="year_range")
        return year


class GraduateFilterForm(forms.Form):
    q = forms.CharField(label=_("姓名或身份证号"), required=False, max_length=64,
                        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))
    school = forms.CharField(label=_("毕业院校"), required=False, max_length=128,
                             widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))
    education = forms.ChoiceField(label=_("学历"), required=False, choices=[("", _("全部"))] + REGISTER_EDUCATION,
                                  widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                                  error_messages={"invalid_choice": _("没有该学历，请从列表中选择")})
    graduation_year = forms.IntegerField(label=_("毕业年份"), required=False, min_value=1900, max_value=2999,
                                         widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
                                         error_messages={"invalid": _("请输入四位年份"),
                                                         "min_value": _("请输入四位年份"),
                                                         "max_value": _("请输入四位年份")})

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"q": data["q"].strip(), "school": data["school"].strip(), "education": data["education"],
                "graduation_year": data["graduation_year"]}


# ---------------------------------------------------------------- 见习意向




class IntentionForm(forms.Form):
    """见习意向填表 (manual 001 §2.3). The basic information comes from the register and is shown, not
    posted; a young job seeker also gives education and the ID document's details."""

    household_region = RegionField(label=_("户籍所在地"))
    address = forms.CharField(label=_("通讯地址"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                              error_messages={"required": _("请填写通讯地址")})
    email = forms.EmailField(label=_("联系邮箱"), required=False, widget=forms.EmailInput(attrs=INPUT),
                             error_messages={"invalid": _("请输入有效的邮箱地址")})
    contact_mobile = forms.CharField(label=_("联系手机"), max_length=11, validators=[validate_mobile],
                                     widget=mobile_input(), error_messages={"required": _("请填写联系手机")})
    intended_region = RegionField(label=_("意向见习地区"), level="city")
    intended_post = forms.CharField(label=_("意向岗位"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                    error_messages={"required": _("请填写意向岗位")})
    intended_industry = forms.CharField(label=_("意向行业"), max_length=128, required=False,
                                        widget=forms.TextInput(attrs=INPUT))
    intention_note = forms.CharField(label=_("其他意向说明"), max_length=1000, required=False,
                                     widget=forms.Textarea(attrs={**INPUT, "rows": 3}))
    education = forms.ChoiceField(label=_("学历"), choices=[("", _("--请选择--"))] + REGISTER_EDUCATION,
                                  widget=forms.Select(attrs=SELECT), error_messages={"required": _("请选择学历")})
    major = forms.CharField(label=_("所学专业"), max_length=128, required=False, widget=forms.TextInput(attrs=INPUT))
    id_document_type = forms.ChoiceField(label=_("证件类型"), choices=IdDocumentType.choices,
                                         widget=forms.Select(attrs=SELECT),
                                         error_messages={"required": _("请选择证件类型")})
    id_issuing_authority = forms.CharField(label=_("签发机关"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                           error_messages={"required": _("请填写签发机关")})
    id_valid_from = forms.DateField(label=_("有效期起"), input_formats=DATE_INPUT_FORMATS,
                                    widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                                    error_messages={"required": _("请填写有效期起始日期"),
                                                    "invalid": _("请输入有效日期，如 2020-01-31")})
    id_valid_to = forms.DateField(label=_("有效期至"), required=False, input_formats=DATE_INPUT_FORMATS,
                                  widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                                  help_text=_("长期有效的证件请勾选“长期有效”"),
                                  error_messages={"invalid": _("请输入有效日期，如 2030-01-31")})
    id_valid_long_term = forms.BooleanField(label=_("长期有效"), required=False,
                                            widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != TraineeKind.YOUTH:
            for name in YOUTH_FIELDS:
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        if self.kind != TraineeKind.YOUTH:
            return cleaned
        start, end = cleaned.get("id_valid_from"), cleaned.get("id_valid_to")
        long_term = cleaned.get("id_valid_long_term")
        today = timezone.localdate()
        if start and start > today:
            self.add_error("id_valid_from", _("有效期起始日期不能晚于今天"))
        if long_term:
            cleaned["id_valid_to"] = None
        elif "id_valid_to" not in self.errors:
            if end is None:
                self.add_error("id_valid_to", _("请填写有效期截止日期，或勾选“长期有效”"))
            elif end < today:
                self.add_error("id_valid_to", _("证件已过有效期"))
            elif start and end <= start:
                self.add_error("id_valid_to", _("有效期截止日期须晚于起始日期"))
        return cleaned


def intention_initial(profile) -> dict:
    names = CONTACT_FIELDS + INTENTION_FIELDS + YOUTH_FIELDS
    initial = {name: getattr(profile, name) for name in names}
    initial["household_region"] = profile.household_region_id
    initial["intended_region"] = profile.intended_region_id
    if not initial["contact_mobile"]:
        initial["contact_mobile"] = profile.person.mobile or ""
    return initial


__all__ = [
    "GraduateFilterForm", "GraduateRecordForm", "IntentionForm", "intention_initial",
]
