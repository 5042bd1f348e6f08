"""Forms of the organisations app other than registration (organisations.forms_registration)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.identifiers import credit_code_problem, normalise_credit_code
from organisations.models import Department, Organisation, OrganisationKind, Origin, VerificationStatus

TEXT = {"class": "form-control"}


class CreditCodeField(forms.CharField):
    """A unified social credit code, upper-cased, refused at the field with the reason (GB 32100)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("统一社会信用代码"))
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("error_messages", {"required": _("请输入统一社会信用代码")})
        kwargs.setdefault("widget", forms.TextInput(attrs={**TEXT, "maxlength": 18, "autocomplete": "off",
                                                           "class": f"{TEXT['class']} text-uppercase"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalise_credit_code(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            problem = credit_code_problem(value)
            if problem:
                raise forms.ValidationError(problem, code="invalid_credit_code")

    def run_validators(self, value):
        # The max_length validator would report 19 characters before the clearer length message above.
        return None


def text_field(label, *, max_length, required=True, **kwargs):
    messages = {"required": _("请填写%(label)s") % {"label": label}}
    return forms.CharField(label=label, max_length=max_length, required=required, error_messages=messages,
                           widget=kwargs.pop("widget", forms.TextInput(attrs=TEXT)), **kwargs)


class DepartmentForm(forms.Form):
    name = text_field(_("部门名称"), max_length=64)
    parent = forms.ModelChoiceField(label=_("上级部门"), required=False, queryset=Department.objects.none(),
                                    empty_label=_("（无，作为一级部门）"),
                                    widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, organisation: Organisation, department: Department | None = None, **kwargs):
        if department is not None:
            kwargs.setdefault("initial", {"name": department.name, "parent": department.parent_id})
        super().__init__(*args, **kwargs)
        parents = Department.objects.filter(organisation=organisation)
        if department is not None:
            parents = parents.exclude(pk=department.pk)
        self.fields["parent"].queryset = parents.order_by("name")


KIND_FILTER_CHOICES = [("", _("全部类型"))] + [
    (value, label) for value, label in OrganisationKind.choices if value != OrganisationKind.GOVERNMENT
]


class DirectoryFilterForm(forms.Form):
    small = {"class": "form-control form-control-sm"}
    name = forms.CharField(label=_("单位名称"), required=False, max_length=64, widget=forms.TextInput(attrs=small))
    credit_code = forms.CharField(label=_("统一社会信用代码"), required=False, max_length=18,
                                  widget=forms.TextInput(attrs=small))
    kind = forms.ChoiceField(label=_("单位类型"), required=False, choices=KIND_FILTER_CHOICES,
                             widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                             error_messages={"invalid_choice": _("没有该单位类型，请从列表中选择")})
    verification_status = forms.ChoiceField(
        label=_("认证状态"), required=False, choices=[("", _("全部状态")), *VerificationStatus.choices],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
        error_messages={"invalid_choice": _("没有该认证状态，请从列表中选择")},
    )
    origin = forms.ChoiceField(label=_("来源"), required=False, choices=[("", _("全部来源")), *Origin.choices],
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                               error_messages={"invalid_choice": _("没有该来源，请从列表中选择")})

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        return {key: (value or "").strip() for key, value in self.cleaned_data.items()}
