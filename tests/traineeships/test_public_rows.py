"""The public search's rows written in Python (traineeships/public_rows.py) are, character for character, what the
row template wrote before issue 12 (kept here as the reference), for the same posts; and the page around them
still tells an empty result."""

import datetime
from decimal import Decimal

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import timezone

from tests.traineeships.helpers import published_post
from traineeships import public_rows
from traineeships.models import Education, Post

# The loop of traineeships/public/_search.html before the rows were written in Python.
TEMPLATE_ROWS = (
    "{% for post in posts %}"
    '\n  <a class="list-group-item list-group-item-action" href="{% url \'traineeships:public_post\' post.pk %}?'
    '{{ here }}" data-post="{{ post.pk }}">\n    <div class="d-flex flex-wrap justify-content-between gap-2">\n      '
    '<div><div class="fw-bold">{{ post.title }}</div><div class="small text-muted">{{ post.unit_name }} · '
    '{{ post.work_region.name }}</div></div>\n      <div class="text-md-end small"><div class="text-danger">'
    "{{ post.monthly_allowance|floatformat:0 }} 元/月</div>\n        <div class=\"text-muted\">{{ post.places }}人 · "
    "{{ post.period_months }}个月 · {{ post.get_education_display }}</div></div>\n    </div>\n    "
    '<div class="small text-muted mt-1">发布于 {{ post.published_at|date:"Y-m-d" }} <span class="float-end">查看职位 '
    '<i class="bi bi-chevron-right"></i></span></div>\n  </a>\n  '
    "{% endfor %}"
)


@pytest.fixture
def odd_posts(base_a, admin_a, county_reviewer_a, city_reviewer):
    """Posts whose values test escaping, rounding, the local date across midnight and every education."""
    reviewers = [county_reviewer_a, city_reviewer]
    values = [
        ("<b>会计</b> & \"出纳\" 'A'", "甲<企业>&Co", Decimal("2500.50"), Education.ANY,
         datetime.datetime(2026, 3, 1, 16, 30, tzinfo=datetime.UTC)),  # 00:30 the next day in Shanghai
        ("见习护士", "乙企业", Decimal("1800.49"), Education.DOCTOR,
         datetime.datetime(2026, 3, 1, 15, 59, tzinfo=datetime.UTC)),
        ("{{ title }} %s {0}", "丙企业", Decimal("4500.00"), Education.JUNIOR_COLLEGE, timezone.now()),
    ]
    ids = []
    for title, unit_name, allowance, education, published_at in values:
        post = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title=title,
                              education=education)
        Post.objects.filter(pk=post.pk).update(unit_name=unit_name, monthly_allowance=allowance,
                                               published_at=published_at)
        ids.append(post.pk)
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize("here", ["page=1", "city=410100&q=%3Cb%3E&page=2", "q=a\"b<c>&page=3"])
@pytest.mark.parametrize("grouped", [False, True], ids=["digits", "thousands grouped"])
def test_rows_are_what_the_template_wrote(odd_posts, here, grouped, settings):
    settings.USE_THOUSAND_SEPARATOR = grouped
    posts = Post.objects.filter(pk__in=odd_posts).select_related("work_region").order_by("pk")
    expected = engines["django"].from_string(TEMPLATE_ROWS).render({"posts": posts, "here": here})
    written = public_rows.rows(posts.values_list(*public_rows.FIELDS), here)
    assert written == expected
    assert "&lt;b&gt;会计&lt;/b&gt; &amp; &quot;出纳&quot; &#x27;A&#x27;" in written
    assert "2501 元/月" in written
    assert "发布于 2026-03-02" in written and "发布于 2026-03-01" in written


@pytest.mark.django_db
def test_the_list_shows_rows_or_says_there_are_none(client, odd_posts):
    page = client.get(reverse("traineeships:public_posts"), {"city": "410100"}).content.decode()
    for pk in odd_posts:
        link = reverse("traineeships:public_post", args=[pk])
        assert f'href="{link}?province=410000&amp;city=410100&amp;page=1"' in page
    assert 'data-testid="public-empty"' not in page
    empty = client.get(reverse("traineeships:public_posts"), {"q": "没有这个岗位"}).content.decode()
    assert ('<div class="list-group mb-3" data-testid="public-list">\n  \n  <div class="list-group-item text-center '
            'text-muted" data-testid="public-empty">没有符合条件的见习岗位</div>\n  \n</div>') in empty
