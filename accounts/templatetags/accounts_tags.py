from django import template

from core import masking
from core.identifiers import looks_like_id_number, looks_like_mobile

register = template.Library()


@register.simple_tag(takes_context=True)
def login_identifier(context, value):
    """What was typed into the sign-in form, masked when it is a mobile or ID number and the viewer may not
    see personal data in full."""
    value = value or ""
    user = context.get("user")
    if user is not None and masking.can_see_personal_data(user):
        return value
    if looks_like_mobile(value):
        return masking.mask_mobile(value)
    if looks_like_id_number(value):
        return masking.mask_id_number(value)
    return value
