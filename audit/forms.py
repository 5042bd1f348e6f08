import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_IP_PREFIX = re.compile(r"^[0-9A-Fa-f:.]{1,45}$")


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("操作人"), required=False, max_length=64)
    action = forms.ChoiceField(label=_("操作"), required=False)
    target_type = forms.ChoiceField(label=_("对象类型"), required=False)
    date_from = forms.DateField(label=_("开始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("结束日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    ip = forms.CharField(
        label=_("IP 地址"), required=False, max_length=45, help_text=_("可只填开头部分，如 192.168.")
    )

    def __init__(self, *args, action_choices=(), target_type_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("全部操作"))] + list(action_choices)
        self.fields["target_type"].choices = [("", _("全部类型"))] + list(target_type_choices)
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs.setdefault("class", f"{css} {css}-sm")

    def clean_ip(self):
        value = self.cleaned_data["ip"].strip()
        if value and not _IP_PREFIX.match(value):
            raise ValidationError(_("IP 地址只能包含数字、字母 a–f、点和冒号"))
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("结束日期不能早于开始日期"))
        return cleaned
