from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from webhooks.events import event_choices
from webhooks.models import DeliveryStatus


class SubscriptionForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=64)
    url = forms.URLField(label=_("接收地址"), max_length=500, assume_scheme="https",
                         validators=[URLValidator(schemes=["http", "https"])],
                         error_messages={"invalid": _("请输入以 http:// 或 https:// 开头的有效地址")},
                         help_text=_("平台以 POST 方式发送 JSON，请求头 X-Praxis-Signature 为签名；不跟随重定向。"))
    events = forms.MultipleChoiceField(label=_("订阅事件"), widget=forms.CheckboxSelectMultiple,
                                       error_messages={"required": _("请至少选择一个事件")})
    is_active = forms.BooleanField(label=_("启用"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["events"].choices = [(key, str(label)) for key, label in event_choices()]
        self.fields["name"].widget.attrs["class"] = "form-control"
        self.fields["url"].widget.attrs["class"] = "form-control"
        self.fields["is_active"].widget.attrs["class"] = "form-check-input"


class DeliveryFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False)
    event = forms.ChoiceField(label=_("事件"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("全部"))] + list(DeliveryStatus.choices)
        self.fields["event"].choices = [("", _("全部"))] + [(key, str(label)) for key, label in event_choices()]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"
