"""培训成果更正申请: a reason and, per current participant, the corrected 获得学时 and 考核结果."""

from django import forms
from django.utils.translation import gettext_lazy as _

from continuing_education.forms.classes import HOURS_FIELD, SMALL, SMALL_SELECT
from continuing_education.models import Assessment
from core.forms import BindErrorsMixin


class CorrectionForm(BindErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("更正原因"), max_length=500,
                             widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
                             error_messages={"required": _("请填写更正原因"), "max_length": _("更正原因不能超过500字")})

    def __init__(self, *args, training_class, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.training_class = training_class
        self.people = list(participants)
        for person in self.people:
            self.fields[f"hours_{person.pk}"] = forms.DecimalField(
                initial=person.hours, widget=forms.NumberInput(attrs={**SMALL, "step": "0.5"}), **HOURS_FIELD)
            self.fields[f"assessment_{person.pk}"] = forms.ChoiceField(
                label=_("考核结果"), required=False, initial=person.assessment,
                choices=[("", "—")] + Assessment.choices, widget=forms.Select(attrs=SMALL_SELECT),
                error_messages={"invalid_choice": _("考核结果应为“合格”或“不合格”")})

    def rows(self):
        return [(person, self[f"hours_{person.pk}"], self[f"assessment_{person.pk}"]) for person in self.people]

    def clean(self):
        cleaned = super().clean()
        for person in self.people:
            hours_name, assessment_name = f"hours_{person.pk}", f"assessment_{person.pk}"
            if hours_name in self.errors or assessment_name in self.errors:
                continue
            hours, assessment = cleaned.get(hours_name), cleaned.get(assessment_name)
            if hours is not None and hours > self.training_class.hours:
                self.add_error(hours_name, _("获得学时不能超过培训班学时（%(hours)s）") % {
                    "hours": self.training_class.hours})
            elif (hours is None) != (not assessment):
                self.add_error(assessment_name if hours is not None else hours_name, _("获得学时和考核结果须同时填写"))
        return cleaned

    def results(self) -> dict:
        return {person.pk: (self.cleaned_data[f"hours_{person.pk}"], self.cleaned_data[f"assessment_{person.pk}"])
                for person in self.people}
