"""The HR departments' list filters (见习基地名录, 已备案基地, 岗位发布): one form each for the screen, its .xlsx
export and the API, so a query string is read one way wherever it arrives."""

from django import forms
from django.utils.translation import gettext_lazy as _

from traineeships.models import BaseLevel, BaseStatus
from traineeships.selectors import PUBLISHING_TABS

SELECT = {"class": "form-select form-select-sm"}
TEXT = {"class": "form-control form-control-sm"}


class FilterForm(forms.Form):
    def filters(self) -> dict | None:
        """The cleaned filters, or None when the query string is malformed (the list then shows nothing and
        the form says why next to the field)."""
        return dict(self.cleaned_data) if self.is_valid() else None


class BaseFilterForm(FilterForm):
    name = forms.CharField(label=_("单位名称"), required=False, max_length=64, widget=forms.TextInput(attrs=TEXT))
    status = forms.ChoiceField(label=_("状态"), required=False, widget=forms.Select(attrs=SELECT),
                               choices=[("", _("全部状态"))] + [
                                   c for c in BaseStatus.choices if c[0] != BaseStatus.DRAFT])
    level = forms.ChoiceField(label=_("基地级别"), required=False, widget=forms.Select(attrs=SELECT),
                              choices=[("", _("全部级别"))] + list(BaseLevel.choices))
    filed = forms.ChoiceField(label=_("报省厅备案"), required=False, widget=forms.Select(attrs=SELECT),
                              choices=[("", _("全部")), ("yes", _("已备案")), ("no", _("未备案"))])


class FiledBaseFilterForm(FilterForm):
    """已备案基地's ?name= (单位名称)."""

    name = forms.CharField(label=_("单位名称"), required=False, max_length=64, widget=forms.TextInput(attrs=TEXT))


TAB_LABELS = {"approved": _("待发布"), "published": _("发布中"), "unpublished": _("已撤销发布")}


class PublishingFilterForm(FilterForm):
    """岗位发布's ?tab= (the tab links; blank is 待发布) and ?q=."""

    tab = forms.ChoiceField(label=_("页签"), required=False, choices=[("", "")] + [(t, t) for t in PUBLISHING_TABS],
                            widget=forms.HiddenInput,
                            error_messages={"invalid_choice": _("没有该页签，请从页签中选择")})
    q = forms.CharField(label=_("关键词"), required=False, max_length=64,
                        widget=forms.TextInput(attrs={**TEXT, "placeholder": _("岗位名称或单位名称")}))

    def clean_tab(self):
        return self.cleaned_data["tab"] or "approved"

    @property
    def chosen_tab(self) -> str | None:
        """The tab to mark and act on: None when the query named no tab of the page (the message says so), also
        when only the keyword is malformed the tab asked for stays chosen."""
        self.is_valid()
        return self.cleaned_data.get("tab")
