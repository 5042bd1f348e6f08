"""A fast path through a screen form's rules for the common valid row, built from the form itself.

Running the whole Django form costs about 80 µs a row on a roster import, most of it machinery around the
rules rather than the rules: bound fields, the error dict, construct_instance and the model's full_clean.
FastRowCleaner is built once per import from the form instance's fields and applies the same rules with less
around them:

- each field's value is cleaned by a function specialised from the field's type and attributes (CharField
  strip / max_length / required, ChoiceField choices, a DateField cell that is already a date, a plain decimal
  text for DecimalField); any other field or value goes through the field's own `clean()`;
- the field's validators run as they are (a MaxLengthValidator is inlined as a length check);
- the form's own clean_<field>() methods and clean() run on the form itself, so form-level rules (gender
  against the ID number, birth date from it) have one definition;
- the model-level checks the ModelForm's _post_clean would add (the model field's choices, blank and
  validators) run on the cleaned values.

The fast path never produces an error. At the first sign of one — a ValidationError, any exception, an
error added by clean(), a value of an unexpected type — it gives up and the caller runs the real form on the
row, so a refused row gets exactly the form's messages, and an accepted row the same cleaned_data (tests
import the same file both ways). Only forms whose machinery it reproduces are eligible (see `build`):
ModelForms whose model has no clean() and whose constraints all involve a field outside the form (so
_post_clean skips them), no uniqueness for _post_clean to check (or a validate_unique the form replaced), with
widgets that read one value from the data dict. A form opting in (ImportSpec.fast_validation) must add no rule
in an overridden _post_clean: StaffMemberForm's only copies the birth date onto its instance.
"""

import datetime
import decimal
import logging
import re

from django import forms
from django.core import validators as core_validators
from django.db import models
from django.forms.utils import ErrorDict

logger = logging.getLogger("praxis.batch")

PLAIN_DECIMAL = re.compile(r"-?\d{1,30}(?:\.\d{1,30})?")
_CONTAINERS = (str, list, tuple, dict)
_SKIP = object()  # a model-level check that does not apply to a value


class NotEligible(Exception):
    """The form does something the fast path does not reproduce: validate every row with the form."""


class _GiveUp(Exception):
    pass


def _run(validators):
    """One function running the field's validators; a MaxLengthValidator becomes a length check."""
    limits = [validator.limit_value for validator in validators
              if type(validator) is core_validators.MaxLengthValidator and isinstance(validator.limit_value, int)]
    others = [validator for validator in validators
              if not (type(validator) is core_validators.MaxLengthValidator and isinstance(validator.limit_value, int))]
    limit = min(limits) if limits else None

    def run(value):
        if limit is not None and len(value) > limit:
            raise _GiveUp
        for validator in others:
            validator(value)

    return run


def _char(field):
    empty, required, strip = field.empty_value, field.required, field.strip
    run = _run(field.validators)

    def clean(value):
        if type(value) is not str:
            return field.clean(value)
        if strip:
            value = value.strip()
        if not value:
            if required:
                raise _GiveUp
            return empty
        run(value)
        return value

    return clean


def _choices(field):
    allowed = set()
    for key, label in field.choices:
        if isinstance(label, (list, tuple)):
            allowed.update(str(inner) for inner, _label in label)
        else:
            allowed.add(str(key))
    typed = type(field) is forms.TypedChoiceField
    coerce = field.coerce if typed else None
    empty = field.empty_value if typed else ""
    required = field.required
    run = _run(field.validators)

    def clean(value):
        if type(value) is not str:
            return field.clean(value)
        if not value:
            if required:
                raise _GiveUp
            return empty
        if value not in allowed:
            raise _GiveUp
        run(value)
        return coerce(value) if typed else value

    return clean


def _date(field):
    required = field.required
    run = _run(field.validators)

    def clean(value):
        if type(value) is datetime.date:  # a date cell: DateField.to_python returns it as it is
            run(value)
            return value
        if value == "" or value is None:
            if required:
                raise _GiveUp
            return None
        return field.clean(value)

    return clean


def _decimal(field):
    required = field.required
    checks = field.validators
    validate = field.validate

    def clean(value):
        if value == "" or value is None:
            if required:
                raise _GiveUp
            return None
        if type(value) is not str or not PLAIN_DECIMAL.fullmatch(value):
            return field.clean(value)
        number = decimal.Decimal(value)  # what DecimalField.to_python makes of the same text
        validate(number)
        for check in checks:
            check(number)
        return number

    return clean


def _field_cleaner(field):
    kind = type(field)
    if kind is forms.CharField:
        return _char(field)
    if kind in (forms.ChoiceField, forms.TypedChoiceField):
        return _choices(field)
    if kind is forms.DateField and not field.localize:
        return _date(field)
    if kind is forms.DecimalField and not field.localize:
        return _decimal(field)
    return field.clean


def _model_check(model_field):
    """The check Model.clean_fields makes of one field's cleaned value (Field.validate + run_validators)."""
    if not model_field.editable or model_field.is_relation:
        return _SKIP
    if list(model_field.empty_values) != list(models.Field.empty_values):
        return _SKIP
    blank, null = model_field.blank, model_field.null
    choices = {value for value, _label in model_field.flatchoices} if model_field.choices else None
    run = _run(model_field.validators)

    def check(value):
        # `value in field.empty_values` without comparing a Decimal or a date to [], () and {}, which is slow.
        empty = value is None or (isinstance(value, _CONTAINERS) and not value)
        if blank and empty:
            return  # clean_fields skips a blank value of a blank=True field
        if (choices is not None and not empty and value not in choices) or (value is None and not null) or empty:
            raise _GiveUp
        run(value)

    return check


def _reads_one_value(widget) -> bool:
    method = type(widget).value_from_datadict
    if method is forms.Widget.value_from_datadict:
        return True
    return method is forms.widgets.ChoiceWidget.value_from_datadict and not widget.allow_multiple_selected


class FastRowCleaner:
    """clean(data) -> the form's cleaned_data for a row the fast path accepts, None where the form must decide."""

    def __init__(self, form):
        self.form = form
        self.plan = []
        model = form._meta.model
        for name, field in form.fields.items():
            if field.disabled or field.show_hidden_initial or not _reads_one_value(field.widget):
                raise NotEligible(f"field {name}: its value is not read as one item of the data")
            if form.add_prefix(name) != name:
                raise NotEligible("a prefixed form")
            method = getattr(form, f"clean_{name}", None)
            self.plan.append((name, _field_cleaner(field), method))
        names = set(form.fields)
        self.model_checks = []
        for model_field in model._meta.concrete_fields:
            if model_field.name in names:
                check = _model_check(model_field)
                if check is _SKIP:
                    raise NotEligible(f"model field {model_field.name}")
                self.model_checks.append((model_field.name, check))
        if model.clean is not models.Model.clean:
            raise NotEligible("the model has its own clean()")
        unique = model._meta.unique_together or any(
            model_field.unique or model_field.unique_for_date or model_field.unique_for_month
            or model_field.unique_for_year
            for model_field in model._meta.concrete_fields if model_field.name in names)
        if unique and type(form).validate_unique is forms.ModelForm.validate_unique:
            raise NotEligible("_post_clean would check uniqueness in the database")
        for constraint in model._meta.constraints:
            fields = getattr(constraint, "fields", None)
            if not fields or set(fields) <= names:
                raise NotEligible(f"constraint {constraint.name} would be checked by _post_clean")

    def clean(self, data: dict) -> dict | None:
        form = self.form
        form.data = data
        cleaned = {}
        form.cleaned_data = cleaned
        form._errors = ErrorDict()
        try:
            # As Form._clean_fields: each value, then that field's clean_<name>() seeing the fields before it.
            for name, clean_value, clean_method in self.plan:
                cleaned[name] = clean_value(data.get(name))
                if clean_method is not None:
                    cleaned[name] = clean_method()
            result = form.clean()  # as Form._clean_form
            if result is not None:
                cleaned = result
            if form._errors:
                return None
            for name, check in self.model_checks:
                check(cleaned.get(name))
        except Exception:  # noqa: BLE001 - a refusal or a surprise: either way the form decides
            return None
        finally:
            form._errors = None  # the next use of the form cleans again
        return cleaned


def build(form) -> FastRowCleaner | None:
    """The fast path for this form instance, or None when it is not eligible (logged, with why)."""
    if not isinstance(form, forms.ModelForm):
        logger.info("fast validation off for %s: not a ModelForm", type(form).__name__)
        return None
    try:
        return FastRowCleaner(form)
    except NotEligible as reason:
        logger.info("fast validation off for %s: %s", type(form).__name__, reason)
        return None
