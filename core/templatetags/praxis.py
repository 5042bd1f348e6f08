from django import template

from core import masking

register = template.Library()


def _visible(context) -> bool:
    # printing.pdf.render_pdf decides once per document (e.g. a person's own agreement shows their ID number).
    if "personal_data_visible" in context:
        return bool(context["personal_data_visible"])
    return masking.can_see_personal_data(context.get("user"))


@register.simple_tag(takes_context=True)
def mobile(context, value):
    """A mobile number, whole for users whose role needs it, otherwise masked (156****4563)."""
    return (value or "") if _visible(context) else masking.mask_mobile(value)


@register.simple_tag(takes_context=True)
def id_number(context, value):
    """An ID number, whole for users whose role needs it, otherwise the first 4 and last 4."""
    return (value or "") if _visible(context) else masking.mask_id_number(value)


@register.simple_tag(takes_context=True)
def bank_account(context, value):
    """A bank account number, whole for users whose role needs it, otherwise the last 4 digits."""
    return (value or "") if _visible(context) else masking.mask_bank_account(value)


@register.filter
def mask_mobile(value):
    return masking.mask_mobile(value)


@register.filter
def mask_id_number(value):
    return masking.mask_id_number(value)


@register.simple_tag(takes_context=True)
def querystring_with(context, **kwargs):
    """The current query string with some parameters replaced (for filters and pagination links)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
