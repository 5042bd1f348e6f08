"""The screens' forms, used by the API: a JSON body (or the query string) is bound to the same form class the
screen uses, so every rule is checked once; the form's fields also give the schema of the request."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from rest_framework import serializers

from api.errors import FormInvalid


def as_query_dict(payload) -> QueryDict:
    if not isinstance(payload, dict):
        raise FormInvalid([{"field": None, "code": "invalid", "message": _("请求体应为JSON对象")}])
    data = QueryDict(mutable=True)
    for name, value in payload.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if item is None:
                data.appendlist(name, "")
            elif item is True:
                data.appendlist(name, "on")
            elif item is False:
                continue
            elif isinstance(item, (dict, list)):
                raise FormInvalid([{"field": name, "code": "invalid", "message": _("该字段不接受嵌套的值")}])
            else:
                data.appendlist(name, str(item))
    return data


def bind(form_class, payload, **form_kwargs):
    """The bound, valid form, or FormInvalid (400) with its errors field by field."""
    form = form_class(data=as_query_dict(payload), **form_kwargs)
    if not form.is_valid():
        from api.errors import form_errors

        raise FormInvalid(form_errors(form))
    return form


def bind_query(request, form_class, **form_kwargs):
    """A list's filter form bound to the query string (the screen's parameter names); refused values are a 400."""
    form = form_class(data=request.query_params, **form_kwargs)
    if not form.is_valid():
        from api.errors import form_errors

        raise FormInvalid(form_errors(form))
    return form


def _field(form_field: forms.Field) -> serializers.Field:
    common = {"required": form_field.required, "label": str(form_field.label or ""),
              "help_text": str(form_field.help_text or "") or None}
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        return serializers.ListField(child=serializers.IntegerField(), **common)
    if isinstance(form_field, forms.ModelChoiceField):
        return serializers.IntegerField(**common)
    if isinstance(form_field, forms.MultipleChoiceField):
        return serializers.MultipleChoiceField(choices=list(form_field.choices), **common)
    if isinstance(form_field, forms.ChoiceField):
        choices = [choice for choice in form_field.choices if not isinstance(choice[1], (list, tuple))]
        return serializers.ChoiceField(choices=choices, allow_blank=not form_field.required, **common)
    if isinstance(form_field, forms.BooleanField):
        return serializers.BooleanField(**{**common, "required": False})
    # Before IntegerField: Django's DecimalField (and FloatField) subclass it, so an amount would read "integer".
    if isinstance(form_field, forms.DecimalField):
        return serializers.DecimalField(max_digits=form_field.max_digits, decimal_places=form_field.decimal_places,
                                        min_value=form_field.min_value, max_value=form_field.max_value,
                                        allow_null=not form_field.required, **common)
    if isinstance(form_field, forms.IntegerField) and not isinstance(form_field, forms.FloatField):
        return serializers.IntegerField(min_value=form_field.min_value, max_value=form_field.max_value,
                                        allow_null=not form_field.required, **common)
    if isinstance(form_field, forms.DateTimeField):
        return serializers.DateTimeField(allow_null=not form_field.required, **common)
    if isinstance(form_field, forms.DateField):
        return serializers.DateField(allow_null=not form_field.required, **common)
    if isinstance(form_field, forms.EmailField):
        return serializers.EmailField(allow_blank=not form_field.required, **common)
    return serializers.CharField(max_length=getattr(form_field, "max_length", None),
                                 allow_blank=not form_field.required, **common)


def form_serializer(form_class, name: str, *, exclude=(), extra=None):
    """A serializer class mirroring the form's fields, for the schema only (the form validates)."""
    attrs = {field_name: _field(field) for field_name, field in form_class.base_fields.items()
             if field_name not in exclude and not isinstance(field, forms.FileField)}
    attrs.update(extra or {})
    return type(name, (serializers.Serializer,), attrs)


def bind_formset(formset_class, rows, *, prefix: str, field: str, **formset_kwargs):
    """A formset (the screen's repeated rows) bound to a JSON list of objects; errors are named
    `<field>[<index>].<name>`."""
    if rows is None:
        rows = []
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise FormInvalid([{"field": field, "code": "invalid", "message": _("应为对象数组")}])
    data = QueryDict(mutable=True)
    data.update({f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"})
    for index, row in enumerate(rows):
        for name, value in as_query_dict(row).lists():
            data.setlist(f"{prefix}-{index}-{name}", value)
    formset = formset_class(data=data, prefix=prefix, **formset_kwargs)
    if not formset.is_valid():
        from api.errors import form_errors

        problems = [{**problem, "field": f"{field}[{index}].{problem['field']}" if problem["field"] else field}
                    for index, form in enumerate(formset.forms) for problem in form_errors(form)]
        problems += [{"field": field, "code": "invalid", "message": message}
                     for message in formset.non_form_errors()]
        raise FormInvalid(problems)
    return formset


def query_parameters(form_class) -> list:
    """The OpenAPI query parameters of a list's filter form (the screen's names and choices)."""
    from drf_spectacular.utils import OpenApiParameter

    parameters = []
    for name, form_field in form_class.base_fields.items():
        kind = int if isinstance(form_field, forms.IntegerField) and not isinstance(
            form_field, (forms.DecimalField, forms.FloatField)) else str
        enum = None
        if isinstance(form_field, forms.ChoiceField) and not isinstance(form_field, forms.ModelChoiceField):
            enum = [str(value) for value, _label in form_field.choices if not isinstance(_label, (list, tuple))]
        parameters.append(OpenApiParameter(name, kind, OpenApiParameter.QUERY, required=False,
                                           description=str(form_field.label or ""), enum=enum))
    return parameters


def bind_all(*binders):
    """Run every binder (a form and its formsets) and report all their errors at once, as the screen does."""
    results, problems = [], []
    for binder in binders:
        try:
            results.append(binder())
        except FormInvalid as invalid:
            problems += invalid.errors
    if problems:
        raise FormInvalid(problems)
    return results
