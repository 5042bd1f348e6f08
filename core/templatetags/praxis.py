from django import template

from core import masking

register = template.Library()


@register.simple_tag(takes_context=True)
def mobile(context, value):
    """A mobile number, whole for users whose role needs it, otherwise masked (156****4563)."""
    user = context.get("user")
    if user is not None and masking.can_see_personal_data(user):
        return value or ""
    return masking.mask_mobile(value)


@register.simple_tag(takes_context=True)
def id_number(context, value):
    """An ID number, whole for users whose role needs it, otherwise the first 4 and last 4."""
    user = context.get("user")
    if user is not None and masking.can_see_personal_data(user):
        return value or ""
    return masking.mask_id_number(value)


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
