"""Who sees what: reviewers only their own level, region and line of government; submitters only their
own organisation's submissions; everyone else a 404."""

import pytest
from django.http import Http404

from reviews import selectors, services
from tests.reviews.conftest import bring_to, department


@pytest.fixture
def hr_review(org_kind, enterprise_a, admin_a, county_reviewer_a, county_reviewer_b, city_reviewer,
              province_reviewer):
    return services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)


def _inbox_reviews(user):
    return [step.review_id for step in selectors.inbox_for(user)]


def test_inbox_holds_only_the_reviewers_own_level_and_region(hr_review, county_reviewer_a, county_reviewer_b,
                                                              city_reviewer, province_reviewer, city_edu_reviewer,
                                                              admin_a, member_a, outsider):
    assert _inbox_reviews(county_reviewer_a) == [hr_review.pk]
    for user in (county_reviewer_b, city_reviewer, province_reviewer, city_edu_reviewer, admin_a, member_a,
                 outsider):
        assert _inbox_reviews(user) == [], user.username
    services.decide(review_id=hr_review.pk, actor=county_reviewer_a, decision="approve")
    assert _inbox_reviews(city_reviewer) == [hr_review.pk]
    assert _inbox_reviews(county_reviewer_a) == []
    assert _inbox_reviews(city_edu_reviewer) == []
    assert [s.review_id for s in selectors.decided_by_office(county_reviewer_a)] == [hr_review.pk]
    assert list(selectors.decided_by_office(county_reviewer_b)) == []


def test_education_department_sees_education_items_and_hr_does_not(edu_kind, enterprise_a, admin_a, city_edu_reviewer,
                                                                   city_reviewer):
    review = services.submit(kind_key=edu_kind.key, subject=department(enterprise_a), actor=admin_a)
    assert _inbox_reviews(city_edu_reviewer) == [review.pk]
    assert _inbox_reviews(city_reviewer) == []


def test_education_city_department_inbox_page_shows_no_hr_items(client, hr_review, county_reviewer_a,
                                                                city_edu_reviewer):
    services.decide(review_id=hr_review.pk, actor=county_reviewer_a, decision="approve")
    client.force_login(city_edu_reviewer)
    for tab in ("pending", "decided", "filed"):
        page = client.get(f"/reviews/inbox/?status={tab}").content.decode()
        assert "甲企业有限公司核验" not in page
        assert 'data-testid="inbox-empty"' in page


@pytest.mark.parametrize("persona", ["county_reviewer_b", "admin_b", "outsider", "city_edu_reviewer"])
def test_detail_is_404_for_those_outside(client, request, hr_review, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(Http404):
        selectors.get_review_for_user(user, hr_review.pk)
    client.force_login(user)
    assert client.get(f"/reviews/{hr_review.pk}/").status_code == 404
    for action in ("decide", "withdraw", "revoke"):
        assert client.post(f"/reviews/{hr_review.pk}/{action}/", {"decision": "approve"}).status_code == 404


def test_detail_of_a_missing_review_is_404(client, county_reviewer_a):
    client.force_login(county_reviewer_a)
    assert client.get("/reviews/987654/").status_code == 404


def test_detail_needs_signing_in(client, hr_review):
    response = client.get(f"/reviews/{hr_review.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "persona", ["admin_a", "member_a", "county_reviewer_a", "city_reviewer", "province_reviewer"]
)
def test_detail_is_shown_to_both_sides_with_the_history(client, request, org_kind, enterprise_a, admin_a,
                                                        county_reviewer_a, city_reviewer, persona):
    review = bring_to("returned", kind=org_kind, subject=enterprise_a, submitter=admin_a, county=county_reviewer_a,
                      city=city_reviewer)
    client.force_login(request.getfixturevalue(persona))
    page = client.get(f"/reviews/{review.pk}/").content.decode()
    assert 'data-event-action="submitted" data-round="1"' in page
    assert 'data-event-action="returned" data-round="1"' in page
    assert "材料不全，请补充营业执照" in page
    assert "金水审核员" in page


def test_submitters_see_only_their_organisations_submissions(hr_review, admin_a, member_a, admin_b, outsider,
                                                            county_reviewer_a):
    assert list(selectors.submissions_for(admin_a)) == [hr_review]
    assert list(selectors.submissions_for(member_a)) == [hr_review]
    for user in (admin_b, outsider, county_reviewer_a):
        assert list(selectors.submissions_for(user)) == []
