"""The public search's selects (core.widgets.FastSelect) print what Django's select templates print."""

import pytest
from django import forms

from core.widgets import FastSelect
from traineeships.forms.public import PublicPostFilterForm


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {}, {"province": "410000"}, {"city": "410100", "county": "410103",
                                                                     "q": "会计", "education": "bachelor"},
                                  {"city": "410100", "county": "not a county", "education": "<x>"}])
def test_selects_print_as_djangos_templates(data):
    fast, plain = PublicPostFilterForm(data), PublicPostFilterForm(data)
    for field in plain.fields.values():
        if isinstance(field.widget, FastSelect):
            django_select = forms.Select(attrs=field.widget.attrs)
            django_select.choices = field.widget.choices
            field.widget = django_select
    assert any(isinstance(field.widget, FastSelect) for field in fast.fields.values())
    for name in fast.fields:
        assert str(fast[name]) == str(plain[name]), name
    if data and data.get("city") == "410100":  # the city's counties are offered
        assert 'value="410103"' in str(fast["county"])
