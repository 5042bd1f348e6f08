"""A record's page links to its review only for those who may open it; others see its round and status as text
(the trainee of a placement, a province the base was reported to: the link led them to a 404)."""

import pytest
from django.urls import reverse

from reviews.selectors import latest_review_for
from tests.traineeships.test_placements import on_post_placement

pytest_plugins = ["tests.traineeships.test_placements"]


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


@pytest.mark.django_db
def test_the_review_is_linked_only_where_it_opens(client, placement, admin_a, county_reviewer_a):
    review = latest_review_for(placement)
    url = reverse("traineeships:placement_detail", args=[placement.pk])
    link = f'href="{reverse("reviews:detail", args=[review.pk])}"'
    label = f"第{review.round}次申报（{review.get_status_display()}）"
    for user in (admin_a, county_reviewer_a):
        client.force_login(user)
        assert link in client.get(url).content.decode(), user.username
        assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 200
    client.force_login(placement.person)
    page = client.get(url).content.decode()
    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 404
    assert label in page and link not in page
