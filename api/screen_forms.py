"""The form of the 签发接口密钥 screen: it checks what the issuer typed, field by field; the service checks again."""

import datetime
import ipaddress

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from api import scopes as scope_registry


def grouped_scope_choices():
    """The scopes grouped by programme, for checkbox groups: [(programme label, [(scope, action label)…])…]."""
    return [(label, [(scope_registry.scope(programme, action), action_label)
                     for action, action_label in scope_registry.ACTIONS.items()])
            for programme, label in scope_registry.programmes().items()]


class IssueKeyForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=64, help_text=_("用途，如“人事系统同步”"))
    scopes = forms.MultipleChoiceField(label=_("权限范围"), widget=forms.CheckboxSelectMultiple, choices=(),
                                       error_messages={"required": _("请至少选择一项权限范围")},
                                       help_text=_("密钥以签发人的身份调用，只能做所选范围内、签发人在页面上也能做的事"))
    allowed_ips = forms.CharField(label=_("IP白名单"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text=_("每行一个IP地址或网段（如 203.0.113.0/24）；留空则不限来源"))
    expires_on = forms.DateField(label=_("有效期至"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                                 help_text=_("含当日；留空则长期有效"))
    rate_per_minute = forms.IntegerField(label=_("每分钟调用上限"), min_value=1, max_value=6000, initial=120)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = grouped_scope_choices()

    def clean_allowed_ips(self):
        networks = []
        for line in self.cleaned_data["allowed_ips"].splitlines():
            value = line.strip()
            if not value:
                continue
            try:
                networks.append(str(ipaddress.ip_network(value, strict=False)))
            except ValueError:
                raise forms.ValidationError(_("“%(value)s”不是有效的IP地址或网段"), code="invalid_ip",
                                            params={"value": value}) from None
        return networks

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on is not None and expires_on < timezone.localdate():
            raise forms.ValidationError(_("有效期不能早于今天"), code="past")
        return expires_on

    def expires_at(self):
        """The end of the chosen day (local time), or None."""
        expires_on = self.cleaned_data["expires_on"]
        if expires_on is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(expires_on + datetime.timedelta(days=1),
                                                             datetime.time.min))
