"""RecordsField: an id past 64 bits, or no number at all, is the field's message, never a database error."""

import pytest
from django import forms

from core.forms import RecordsField
from organisations.models import Organisation


class ChooseForm(forms.Form):
    chosen = RecordsField(queryset=Organisation.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["-779203978422564704949786116096", str(2**63), "1.5", "x", "²", "１２"])
def test_a_malformed_id_is_a_message(value):
    form = ChooseForm(data={"chosen": [value]})
    assert not form.is_valid()
    assert form.errors["chosen"] == [f"“{value}”不是一个有效的值"]


@pytest.mark.django_db
def test_a_real_id_is_chosen(enterprise_a):
    form = ChooseForm(data={"chosen": [str(enterprise_a.pk)]})
    assert form.is_valid() and list(form.cleaned_data["chosen"]) == [enterprise_a]
