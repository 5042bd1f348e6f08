"""FastSelect writes exactly what Django's select templates write, for the same form."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from core.widgets import FastSelect

CHOICES = [
    ("", "全部"),
    ("410100", "郑州市"),
    (7, "a < b & \"c\" 'd'"),
    ("safe", mark_safe("<b>已标记安全</b>")),
    ("组", [("x1", "第一"), ("x2", "第二 <二>")]),
]


def form_with(widget_class):
    class Form(forms.Form):
        plain = forms.ChoiceField(choices=CHOICES, required=False, widget=widget_class)
        styled = forms.ChoiceField(choices=CHOICES, required=False, widget=widget_class(attrs={
            "class": "form-select", "hx-get": "/regions/?from=a&reset=b", "disabled": True, "hidden": False}))
        many = forms.MultipleChoiceField(choices=CHOICES, required=False,
                                         widget=forms.SelectMultiple if widget_class is forms.Select else
                                         type("FastSelectMultiple", (FastSelect,), {"allow_multiple_selected": True}))
        empty = forms.ChoiceField(choices=[], required=False, widget=widget_class)

    return Form


@pytest.mark.parametrize("data", [None, {}, {"plain": "410100", "styled": "7", "many": ["x2", "410100"]},
                                  {"plain": "x2", "styled": "not a choice", "empty": "x"}])
def test_same_html_as_djangos_templates(data):
    django_form, fast_form = form_with(forms.Select)(data), form_with(FastSelect)(data)
    for name in django_form.fields:
        assert str(fast_form[name]) == str(django_form[name]), name
