"""Fields shared by the programme's filter forms."""

from django import forms


def record_id_field(label, invalid):
    """An id chosen from a list on the page (?base=, ?post=): a positive integer the database can hold; anything
    else is `invalid`, in words, instead of the int() that answered 500 ("²".isdigit() is true)."""
    messages = {key: invalid for key in ("invalid", "min_value", "max_value")}
    return forms.IntegerField(label=label, required=False, min_value=1, max_value=2**31 - 1,
                              error_messages=messages)
