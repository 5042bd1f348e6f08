"""The rows of the public post search, written in Python (issue 12: through the template, 20 rows were a third
of an uncached search: a `{% url %}`, a choices lookup that translates every label, and a dozen variable lookups
each). The text is exactly what the row template wrote (tests/traineeships/test_public_rows.py keeps that
template and compares the two); each value goes through the same filters and escaping as there."""

from decimal import ROUND_HALF_UP, Decimal
from html import escape

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone

from traineeships.models import Post

# The columns a row shows, in the order row() takes them.
FIELDS = ("id", "title", "unit_name", "places", "education", "monthly_allowance", "period_months", "published_at",
          "work_region__name")
ROW = (
    '\n  <a class="list-group-item list-group-item-action" href="{url}?{here}" data-post="{pk}">'
    '\n    <div class="d-flex flex-wrap justify-content-between gap-2">'
    '\n      <div><div class="fw-bold">{title}</div><div class="small text-muted">{unit_name} · {region}</div></div>'
    '\n      <div class="text-md-end small"><div class="text-danger">{allowance} 元/月</div>'
    '\n        <div class="text-muted">{places}人 · {period}个月 · {education}</div></div>'
    "\n    </div>"
    '\n    <div class="small text-muted mt-1">发布于 {published} <span class="float-end">查看职位 '
    '<i class="bi bi-chevron-right"></i></span></div>'
    "\n  </a>\n  "
)
# Any number: reversed once per page, the detail URL of post N is the text on either side of it with N between.
_SAMPLE_PK = 918273645


def _number(value) -> str:
    """{{ number }} in a template: localized (digits only unless the site groups thousands)."""
    return conditional_escape(str(localize(value)))


def _whole(value) -> str:
    """{{ decimal|floatformat:0 }}: rounded half up to a whole number, localized."""
    return conditional_escape(floatformat(value, 0))


def _plain_integer(value: int) -> str:
    # What localize gives an integer when thousands are not grouped: its digits (each call otherwise looks up
    # three formats of the active language, 60 times a page).
    return str(value)


def _plain_whole(value: Decimal) -> str:
    return str(value.quantize(_ONE, rounding=ROUND_HALF_UP))


_ONE = Decimal(1)


def _day(moment, zone) -> str:
    """{{ moment|date:"Y-m-d" }}: the date in `zone` (the current time zone, looked up once a page, as
    template_localtime would for each value; None when times are naive), year in four digits as dateformat's Y."""
    if moment is None:
        return ""
    local = moment.astimezone(zone) if zone is not None and moment.utcoffset() is not None else moment
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d}"


def rows(posts, here: str) -> SafeString:
    """The rows of `posts`, tuples of FIELDS' values; `here` is the query string of this page, kept in each link."""
    before, after = (escape(part) for part in
                     reverse("traineeships:public_post", args=[_SAMPLE_PK]).split(str(_SAMPLE_PK)))
    labels = {value: escape(str(label)) for value, label in Post._meta.get_field("education").flatchoices}
    here = escape(here)
    number, whole = (_number, _whole) if settings.USE_THOUSAND_SEPARATOR else (_plain_integer, _plain_whole)
    zone = get_current_timezone() if settings.USE_TZ else None
    # Text columns are plain str from the database: html.escape gives what the template's autoescape gives.
    return mark_safe("".join(
        ROW.format(url=f"{before}{pk}{after}", here=here, pk=number(pk), title=escape(title),
                   unit_name=escape(unit_name), region=escape(region),
                   allowance=whole(allowance), places=number(places),
                   period=number(period), education=labels[education] if education in labels else escape(education),
                   published=_day(published, zone))
        for pk, title, unit_name, places, education, allowance, period, published, region in posts
    ))
