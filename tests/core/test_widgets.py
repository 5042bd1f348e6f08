"""FastSelect writes exactly what Django's select templates write, for the same form."""

import pytest
from django import forms
from django.utils.safestring import mark_safe

from core.widgets import FastInput, FastSelect

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


def input_form_with(widget_class):
    class Form(forms.Form):
        plain = forms.CharField(required=False, widget=widget_class)
        search = forms.CharField(required=False, max_length=50, widget=widget_class(attrs={
            "class": "form-control", "placeholder": "岗位 <名称> & \"单位\"", "type": "search", "autofocus": True,
            "hidden": False}))
        number = forms.IntegerField(required=False, widget=widget_class)

    return Form


@pytest.mark.parametrize("data", [None, {}, {"plain": "", "search": "会计 <b>&\"'", "number": "12"},
                                  {"plain": mark_safe("<i>安全</i>"), "search": "  x  ", "number": "not a number"}])
def test_fast_input_writes_what_input_html_writes(data):
    django_form, fast_form = input_form_with(forms.TextInput)(data), input_form_with(FastInput)(data)
    for name in django_form.fields:
        assert str(fast_form[name]) == str(django_form[name]), name
    initial = input_form_with(FastInput)(initial={"plain": 7, "search": "<初始>"})
    assert str(initial["plain"]) == str(input_form_with(forms.TextInput)(initial={"plain": 7})["plain"])
    assert 'value="&lt;初始&gt;"' in str(initial["search"])


def test_options_memo_writes_each_list_once_and_the_same_html():
    memo = {}
    plain, kept = form_with(FastSelect)({"plain": "410100"}), form_with(FastSelect)({"plain": "410100"})
    kept.fields["plain"].widget.options_memo = (memo, "plain choices")
    assert str(kept["plain"]) == str(plain["plain"])
    assert list(memo) == [("plain choices", "zh-hans", ("410100",))]
    # The memo's text is used as it is: another form with the same key and selection writes what it holds.
    memo[("plain choices", "zh-hans", ("410100",))] = "\n  <option>kept</option>\n"
    again = form_with(FastSelect)({"plain": "410100"})
    again.fields["plain"].widget.options_memo = (memo, "plain choices")
    assert str(again["plain"]).endswith(">\n  <option>kept</option>\n\n</select>")
    other = form_with(FastSelect)({"plain": "x2"})
    other.fields["plain"].widget.options_memo = (memo, "plain choices")
    assert str(other["plain"]) == str(form_with(FastSelect)({"plain": "x2"})["plain"]) and len(memo) == 2
    for typed in ("not a choice", "<x>", "x3"):  # nothing selected: one entry for all of them, the same HTML
        stranger = form_with(FastSelect)({"plain": typed})
        stranger.fields["plain"].widget.options_memo = (memo, "plain choices")
        assert str(stranger["plain"]) == str(form_with(forms.Select)({"plain": typed})["plain"])
    assert len(memo) == 3 and ("plain choices", "zh-hans", ()) in memo
