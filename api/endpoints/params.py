"""Query parameters of filter forms whose choices are filled in the form's __init__ (review kinds, job
businesses): the schema takes them from an instance, so a client (and the fuzzer) is told the values accepted."""

from django import forms

from api.forms import query_parameters


def live_query_parameters(form_class, **form_kwargs) -> list:
    fields = form_class(**form_kwargs).fields
    return query_parameters(type(form_class.__name__, (forms.Form,), dict(fields)))
