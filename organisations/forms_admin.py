"""Forms for roles and sub-administrator accounts (manual 004 §4)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import User, UserKind
from accounts.validators import validate_login_name
from core.forms import RecordsField
from organisations.forms import TEXT, text_field
from organisations.forms_registration import AccountPasswordMixin, MobileNotTakenMixin, mobile_field, password_fields
from organisations.models import Department, Organisation, Role
from organisations.permissions import grouped_catalogue
from organisations.services_accounts import can_manage_role


class RoleForm(forms.Form):
    name = text_field(_("角色名称"), max_length=64)
    description = text_field(_("说明"), max_length=255, required=False)
    permissions = forms.MultipleChoiceField(label=_("权限"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organisation: Organisation, role: Role | None = None, **kwargs):
        if role is not None:
            kwargs.setdefault("initial", {"name": role.name, "description": role.description,
                                          "permissions": list(role.permissions)})
        super().__init__(*args, **kwargs)
        self.groups = grouped_catalogue(organisation.kind)
        self.fields["permissions"].choices = [(spec.code, spec.label) for _g, specs in self.groups for spec in specs]

    def grouped_choices(self):
        """[(group label, [(code, label, checked)])] for the grouped checkboxes."""
        if self.is_bound:
            selected = set(self.data.getlist("permissions"))
        else:
            selected = set(self.initial.get("permissions") or [])
        return [(group, [(spec.code, spec.label, spec.code in selected) for spec in specs])
                for group, specs in self.groups]


def department_field():
    return forms.ModelChoiceField(label=_("所属部门"), required=False, queryset=Department.objects.none(),
                                  empty_label=_("（不设部门）"), widget=forms.Select(attrs={"class": "form-select"}))


def roles_field():
    return RecordsField(label=_("角色"), required=False, queryset=Role.objects.none(),
                                          widget=forms.CheckboxSelectMultiple)


class AccountFieldsMixin:
    def limit_choices(self, organisation: Organisation, actor):
        self.fields["department"].queryset = Department.objects.filter(organisation=organisation).order_by("name")
        roles = Role.objects.filter(organisation=organisation).select_related("organisation").order_by("name")
        # Only roles the actor may hand out are offered.
        allowed = [role.pk for role in roles if can_manage_role(actor, role)]
        self.fields["roles"].queryset = roles.filter(pk__in=allowed)


class SubAccountForm(AccountFieldsMixin, AccountPasswordMixin, MobileNotTakenMixin, forms.Form):
    username = forms.CharField(label=_("登录名"), max_length=32, error_messages={"required": _("请输入登录名")},
                               help_text=_("4–32 位字母、数字或下划线，以字母开头"),
                               widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off"}))
    real_name = text_field(_("姓名"), max_length=64)
    mobile = mobile_field()
    department = department_field()
    roles = roles_field()
    password1, password2 = password_fields(_("初始密码"))

    def __init__(self, *args, organisation: Organisation, actor, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)
        self.limit_choices(organisation, actor)

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        validate_login_name(value)
        return value

    def clean(self):
        cleaned = super().clean()
        account = User(username=cleaned.get("username", ""), mobile=cleaned.get("mobile", ""),
                       kind=UserKind.ORGANISATION, organisation=self.organisation)
        self.check_password_rules(account)
        return cleaned


class SubAccountEditForm(AccountFieldsMixin, forms.Form):
    real_name = text_field(_("姓名"), max_length=64)
    department = department_field()
    roles = roles_field()

    def __init__(self, *args, account: User, actor, **kwargs):
        kwargs.setdefault("initial", {"real_name": account.real_name, "department": account.department_id,
                                      "roles": [role.pk for role in account.roles.all()]})
        super().__init__(*args, **kwargs)
        self.limit_choices(account.organisation, actor)


class PasswordResetForm(AccountPasswordMixin, forms.Form):
    password1, password2 = password_fields(_("新密码"))

    def __init__(self, *args, account: User, **kwargs):
        self.account = account
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        self.check_password_rules(self.account)
        if cleaned.get("password1") and self.account.check_password(cleaned["password1"]):
            self.add_error("password1", ValidationError(_("新密码不能与原密码相同")))
        return cleaned
