"""Forms of 实习保险: filing a policy, adding insured students, one row of the insured-students import, and the
insurers' list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin, RecordsField
from core.identifiers import normalise_id_number, validate_id_number
from internships.models import ACTIVE_STATUSES, Insurer, Internship, Student
from internships.rules import SCHOOL_KINDS
from internships.selectors.insurance import insurable_internships
from organisations.models import Organisation

INPUT = {"class": "form-control"}
BAD_DATE = _("日期格式应为 YYYY-MM-DD")
DATE = {"class": "form-control", "type": "date"}


class InternshipChoiceField(RecordsField):
    def label_from_instance(self, obj):
        return f"{obj.student.name}（{obj.student.class_name}，{obj.enterprise.name}，" \
               f"实习期 {obj.starts_on:%Y-%m-%d} 至 {obj.ends_on:%Y-%m-%d}）"


class PolicyForm(BindErrorsMixin, forms.Form):
    enterprise = forms.ModelChoiceField(label=_("实习企业"), queryset=Organisation.objects.none(),
                                        widget=forms.Select(attrs={"class": "form-select"}),
                                        error_messages={"required": _("请选择实习企业"),
                                                        "invalid_choice": _("请选择本校学生实习的企业")})
    policy_number = forms.CharField(label=_("电子保单号"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                    error_messages={"required": _("请填写电子保单号")})
    insurer = forms.CharField(label=_("保险公司"), max_length=128,
                              widget=forms.TextInput(attrs={**INPUT, "list": "insurer-names"}),
                              error_messages={"required": _("请填写保险公司")})
    starts_on = forms.DateField(label=_("保险期间起"), widget=forms.DateInput(attrs=DATE),
                                error_messages={"required": _("请填写保险期间起"), "invalid": BAD_DATE})
    ends_on = forms.DateField(label=_("保险期间止"), widget=forms.DateInput(attrs=DATE),
                              error_messages={"required": _("请填写保险期间止"), "invalid": BAD_DATE})
    document = forms.FileField(label=_("电子保单（PDF，不超过5MB）"),
                               widget=forms.ClearableFileInput(attrs={**INPUT, "accept": "application/pdf"}),
                               error_messages={"required": _("请上传电子保单PDF")})
    is_internship_liability = forms.BooleanField(
        label=_("本保单为学生实习责任保险（实习专用险），不是雇主责任险或其他险种"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    internships = InternshipChoiceField(label=_("被保险学生"), queryset=Internship.objects.none(), required=False,
                                        widget=forms.CheckboxSelectMultiple,
                                        help_text=_("可稍后在保单页面添加或批量导入"),
                                        error_messages={"invalid_choice": _("所选学生不在可投保的实习学生中"),
                                                        "invalid_pk_value": _("所选学生不在可投保的实习学生中")})

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["internships"].queryset = insurable_internships(organisation)
        if organisation.kind in SCHOOL_KINDS:
            self.fields["enterprise"].queryset = Organisation.objects.filter(
                hosted_internships__school=organisation, hosted_internships__status__in=ACTIVE_STATUSES
            ).distinct().order_by("name")
        else:
            del self.fields["enterprise"]

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("保险期间止必须晚于保险期间起"))
        return cleaned


class AddStudentsForm(BindErrorsMixin, forms.Form):
    internships = InternshipChoiceField(label=_("被保险学生"), queryset=Internship.objects.none(),
                                        widget=forms.CheckboxSelectMultiple,
                                        error_messages={"required": _("请选择被保险学生"),
                                                        "invalid_choice": _("所选学生不在可投保的实习学生中"),
                                                        "invalid_pk_value": _("所选学生不在可投保的实习学生中")})

    def __init__(self, *args, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["internships"].queryset = insurable_internships(
            policy.filed_by_organisation, policy.enterprise).exclude(coverages__policy=policy)


class InsuredStudentRowForm(forms.Form):
    """One row of the insured-students import into a policy (columns 身份证号, 姓名)."""

    id_number = forms.CharField(label=_("身份证号"), max_length=18, error_messages={"required": _("请填写身份证号")})
    name = forms.CharField(label=_("姓名"), max_length=64, error_messages={"required": _("请填写姓名")})

    def __init__(self, *args, parent=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = parent

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data["id_number"])
        validate_id_number(value)
        return value

    def clean(self):
        cleaned = super().clean()
        id_number, name = cleaned.get("id_number"), cleaned.get("name")
        if not id_number or not name or self.policy is None:
            return cleaned
        student = Student.objects.filter(id_number=id_number).first()
        if student is None or student.name != name.strip():
            raise forms.ValidationError(_("学生名册中没有该身份证号和姓名的学生"))
        internship = insurable_internships(self.policy.filed_by_organisation, self.policy.enterprise).filter(
            student=student).first()
        if internship is None:
            raise forms.ValidationError(_("该学生不在本保单企业实习，或实习已结束"))
        cleaned["internship"] = internship
        return cleaned


class InsurerForm(forms.ModelForm):
    website = forms.URLField(label=_("网址"), required=False, assume_scheme="https",
                             widget=forms.URLInput(attrs=INPUT), error_messages={"invalid": _("请输入有效的网址")})

    class Meta:
        model = Insurer
        fields = ["name", "product", "contact_phone", "website", "description", "active"]
        widgets = {
            "name": forms.TextInput(attrs=INPUT), "product": forms.TextInput(attrs=INPUT),
            "contact_phone": forms.TextInput(attrs=INPUT), "website": forms.URLInput(attrs=INPUT),
            "description": forms.Textarea(attrs={**INPUT, "rows": 4}),
            "active": forms.CheckboxInput(attrs={"class": "form-check-input"}),
        }
        error_messages = {
            "name": {"required": _("请填写保险公司名称"), "unique": _("该保险公司已在列表中")},
            "product": {"required": _("请填写产品名称")},
            "contact_phone": {"required": _("请填写联系电话")},
            "website": {"invalid": _("请输入有效的网址")},
        }
