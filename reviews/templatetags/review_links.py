"""`{% load review_links %}`: whether a record's review may be opened by the user, so a page links to it only then."""

from django import template

from reviews.selectors import may_view_review

register = template.Library()


@register.filter
def review_visible_to(review, user) -> bool:
    return review is not None and may_view_review(user, review)
