"""Small helpers shared by the organisations views."""

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def first_message(error) -> str:
    messages = getattr(error, "messages", None)
    if messages:
        return "；".join(messages)
    return str(error)
