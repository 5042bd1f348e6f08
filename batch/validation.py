"""Validate spreadsheet rows with the screen's own form class.

Building a Django form deep-copies every field, which would cost more than the validation itself on a
100,000-row file. The validator builds the form once and re-binds it to each row's data: `full_clean()`
starts from a fresh error dict and cleaned_data each time and BoundField.data reads form.data on every call,
so a re-bound form validates exactly as a new one would. A ModelForm keeps one unsaved instance: its
_post_clean writes every form field onto it before validating, so nothing of the previous row is checked.
"""

import logging

from django import forms
from django.utils.translation import gettext as _

from batch import fast_validation

logger = logging.getLogger("praxis.batch")


class RowValidator:
    def __init__(self, form_class, form_kwargs: dict, headers: dict[str, str], fast: bool = False):
        self.form = form_class(data={}, **form_kwargs)
        # The spec's opt-in (ImportSpec.fast_validation): the form's rules without its machinery for rows that
        # pass; any other row is validated by the form below, so its errors are the form's own.
        self.fast = fast_validation.build(self.form) if fast else None
        # Reasons name the column as the template does, falling back to the form's label.
        self.order = {name: index for index, name in enumerate(self.form.fields)}
        self.labels = {name: headers.get(name) or str(field.label or name) for name, field in self.form.fields.items()}

    def validate(self, data: dict) -> tuple[dict | None, str]:
        """(cleaned_data, "") for a valid row, (None, reason) otherwise."""
        if self.fast is not None:
            cleaned = self.fast.clean(data)
            if cleaned is not None:
                return cleaned, ""
        form = self.form
        form.data = data
        try:
            form.full_clean()
        except Exception:  # noqa: BLE001 - a cell no field expected (year 0, a huge number) is the row's error
            return None, self.unexpected(data)
        if not form.errors:
            return form.cleaned_data, ""
        return None, self.describe(form.errors)

    def describe(self, errors) -> str:
        parts = []
        # In column order, whatever order the form's clean methods added them in.
        ordered = sorted(errors.items(), key=lambda item: self.order.get(item[0], -1))
        for name, messages in ordered:
            text = "；".join(str(message) for message in messages)
            if name == forms.forms.NON_FIELD_ERRORS:
                parts.append(text)
            else:
                parts.append(f"{self.labels.get(name, name)}：{text}")
        return "；".join(parts)

    def unexpected(self, data: dict) -> str:
        """The reason for a row whose validation raised instead of reporting an error: the first column whose
        field alone raises on its value, else the row as a whole. Logged, since the field should say why."""
        logger.warning("row validation raised on %r", data, exc_info=True)
        for name, field in self.form.fields.items():
            value = field.widget.value_from_datadict(data, {}, self.form.add_prefix(name))
            try:
                field.clean(value)
            except forms.ValidationError:
                continue
            except Exception:  # noqa: BLE001
                return _("%(column)s：内容无法识别（%(value)s）") % {
                    "column": self.labels.get(name, name), "value": str(value)[:40]}
        return _("本行内容无法识别，请按模板格式填写")
