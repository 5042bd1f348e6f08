from django import forms
from django.utils.translation import gettext_lazy as _

FILTERS = {"all": _("全部"), "unread": _("未读")}


class ListFilterForm(forms.Form):
    """站内消息's ?filter= (the tab links; blank is 全部)."""

    filter = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        choices=[("", "")] + [(key, key) for key in FILTERS],
        error_messages={"invalid_choice": _("没有该消息筛选，请从页签中选择")},
    )

    def clean_filter(self):
        return self.cleaned_data["filter"] or "all"

    @property
    def current(self) -> str | None:
        """The filter to apply, or None when the query named none of them."""
        return self.cleaned_data["filter"] if self.is_valid() else None
