"""The main lists run a constant number of queries whatever the number of rows (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.traineeships.helpers import approve, approved_base, create_post
from traineeships.forms.public import forget_region_sets
from traineeships.services import posts as post_services


def queries(client, url, params=None) -> int:
    # Each count starts with the public search's region options not yet kept, as a process does after it starts
    # (a count after an earlier one would otherwise be one query lower for that reason alone).
    forget_region_sets()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)


def add_posts(base, admin, reviewers, city_reviewer, count, start=0):
    posts = [approve(create_post(base.organisation, admin, title=f"见习岗位{start + n}"), *reviewers)
             for n in range(count)]
    post_services.change_publication(post_ids=[post.pk for post in posts], actor=city_reviewer, publish=True)


@pytest.mark.django_db
def test_public_post_list(client, base_a, admin_a, county_reviewer_a, city_reviewer, django_assert_max_num_queries):
    url = reverse("traineeships:public_posts")
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 2)
    filtered = {"city": "410100", "q": "见习"}  # the region selects' options cost a few queries, once
    few, few_filtered = queries(client, url), queries(client, url, filtered)
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 12, start=2)
    assert queries(client, url) == few
    assert queries(client, url, filtered) == few_filtered
    with django_assert_max_num_queries(8):
        client.get(url)


@pytest.mark.django_db
def test_unit_post_list(client, base_a, admin_a, county_reviewer_a, city_reviewer, django_assert_max_num_queries):
    url = reverse("traineeships:posts")
    client.force_login(admin_a)
    create_post(base_a.organisation, admin_a, title="待审核岗位")
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 1)
    few = queries(client, url)
    for n in range(6):
        create_post(base_a.organisation, admin_a, title=f"待审核岗位{n}")
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 6, start=1)
    assert queries(client, url) == few
    with django_assert_max_num_queries(20):
        client.get(url)


@pytest.mark.django_db
def test_hr_base_list(client, base_a, county_reviewer_a, city_reviewer, django_assert_max_num_queries):
    url = reverse("traineeships:hr_bases")
    client.force_login(city_reviewer)
    few = queries(client, url)
    for n in range(8):
        organisation = factories.OrganisationFactory(name=f"丙{n}企业有限公司", region=factories.region("410105"))
        admin = factories.org_admin(organisation, username=f"unit{n}", real_name=f"管理员{n}")
        approved_base(organisation, admin, county_reviewer_a, city_reviewer)
    assert queries(client, url) == few
    with django_assert_max_num_queries(20):
        client.get(url)


UNIT_LISTS = ("traineeships:placements", "traineeships:application_reviews", "traineeships:post_query",
              "traineeships:match_drafts", "traineeships:match_records", "traineeships:reports")


@pytest.mark.parametrize("name", UNIT_LISTS)
def test_unit_lists(client, name, base_a, admin_a, county_reviewer_a, city_reviewer):
    """The unit's people lists: every row has its own trainee, application, post and (for the imported
    registrations) import job."""
    from django.utils import timezone

    from batch.models import BatchJob, JobKind, JobStatus
    from tests.traineeships.test_api_query_counts import placed
    from tests.traineeships.test_placements import approved_post
    from traineeships.imports import MATCHING
    from traineeships.models import Application, ApplicationStatus, Placement, PlacementStatus, PostInterest

    def add(number):
        post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=5,
                             title=f"岗位{number}")
        placed(post, admin_a, number)
        job = BatchJob.objects.create(kind=JobKind.IMPORT, spec=MATCHING, status=JobStatus.SUCCEEDED, owner=admin_a,
                                      organisation=base_a.organisation, created_at=timezone.now())
        draft = placed(post, admin_a, 100 + number)
        Placement.objects.filter(pk=draft.pk).update(status=PlacementStatus.DRAFT, import_job=job)
        Application.objects.create(person=factories.individual(real_name=f"待审{number}"), post=post,
                                   status=ApplicationStatus.PENDING, applied_at=timezone.now())
        PostInterest.objects.create(person=factories.individual(real_name=f"有意{number}"), post=post)

    client.force_login(admin_a)
    url = reverse(name)
    for number in range(1, 3):
        add(number)
    few = queries(client, url)
    for number in range(3, 7):
        add(number)
    assert queries(client, url) == few


def test_publishing(client, base_a, base_b, admin_a, admin_b, county_reviewer_a, county_reviewer_b, city_reviewer):
    """岗位发布: approved posts of several units waiting for the city."""
    url = reverse("traineeships:publishing")
    client.force_login(city_reviewer)
    approve(create_post(base_a.organisation, admin_a, title="待发布0"), county_reviewer_a, city_reviewer)
    approve(create_post(base_b.organisation, admin_b, title="待发布1"), county_reviewer_b, city_reviewer)
    add_posts(base_b, admin_b, (county_reviewer_b, city_reviewer), city_reviewer, 2)
    few, few_published = queries(client, url), queries(client, url, {"tab": "published"})
    for number in range(2, 6):
        base, admin, county = (base_a, admin_a, county_reviewer_a) if number % 2 else (base_b, admin_b,
                                                                                    county_reviewer_b)
        approve(create_post(base.organisation, admin, title=f"待发布{number}"), county, city_reviewer)
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 4, start=10)
    assert queries(client, url) == few
    assert queries(client, url, {"tab": "published"}) == few_published


def test_individual_lists(client, base_a, base_b, admin_a, admin_b, county_reviewer_a, county_reviewer_b,
                          city_reviewer):
    """岗位查询 and 我的报名 of a graduate: posts of several units, applications in several states."""
    from django.utils import timezone

    from tests.traineeships.test_applications import make_trainee
    from traineeships.models import Application, ApplicationStatus, Post, PostStatus

    person = make_trainee()
    client.force_login(person)
    posts_url, mine_url = reverse("traineeships:individual_posts"), reverse("traineeships:my_applications")

    def add(count, start):
        add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, count, start=start)
        add_posts(base_b, admin_b, (county_reviewer_b, city_reviewer), city_reviewer, count, start=start + 50)
        for post in Post.objects.filter(status=PostStatus.PUBLISHED).exclude(applications__person=person):
            Application.objects.create(person=person, post=post, status=ApplicationStatus.REJECTED,
                                       applied_at=timezone.now(), decided_at=timezone.now(), reason="名额已满")

    add(1, 0)
    few_posts, few_mine = queries(client, posts_url), queries(client, mine_url)
    add(3, 1)
    assert queries(client, posts_url) == few_posts
    assert queries(client, mine_url) == few_mine


@pytest.mark.parametrize("persona", ["admin_a", "county_reviewer_a"])
def test_claim_list(client, persona, base_a, base_b, admin_a, admin_b, county_reviewer_a):
    """补贴申请: the unit's own claims, and the submitted claims of the county's units (each with its lines)."""
    import datetime

    from tests.traineeships.helpers import filed_claim

    reader = admin_a if persona == "admin_a" else county_reviewer_a
    client.force_login(reader)
    url = reverse("traineeships:claims")

    def add(organisation, admin, number, status):
        people = [factories.individual(real_name=f"见习{number}-{n}") for n in range(number % 3 + 1)]
        filed_claim(organisation, admin, [(person, datetime.date(2026, 3, 1), "1260.00") for person in people],
                    status=status)

    add(base_a.organisation, admin_a, 0, "submitted")
    add(base_a.organisation, admin_a, 1, "approved")
    few = queries(client, url)
    for number, status in enumerate(["submitted", "paid", "approved", "submitted", "draft", "rejected"], start=2):
        add(base_a.organisation, admin_a, number, status)
        add(base_b.organisation, admin_b, number + 10, status)
    assert queries(client, url) == few


@pytest.mark.django_db
def test_filed_base_list(client, base_a, county_reviewer_a, city_reviewer, province_reviewer):
    """已备案基地 of the province: bases of different units, each filed by the city."""
    from traineeships.services import bases as base_services

    def file_bases(count, start=0):
        for n in range(start, start + count):
            organisation = factories.OrganisationFactory(name=f"备案{n}企业有限公司")
            admin = factories.org_admin(organisation, username=f"filed{n}", real_name=f"管理员{n}")
            base = approved_base(organisation, admin, county_reviewer_a, city_reviewer)
            base_services.file_with_province(base=base, actor=city_reviewer)

    url = reverse("traineeships:filed_bases")
    client.force_login(province_reviewer)
    file_bases(1)
    few, few_filtered = queries(client, url), queries(client, url, {"name": "备案"})
    file_bases(6, start=1)
    assert queries(client, url) == few
    assert queries(client, url, {"name": "备案"}) == few_filtered
    assert "备案6企业有限公司" in client.get(url).content.decode()


@pytest.mark.django_db
def test_parameter_list(client, city_reviewer, county_reviewer_a):
    """The regions' parameters: rows of different regions, set by the city or by the county."""
    import datetime

    from traineeships.services.parameters import create_parameter

    def add(count, start=0):
        for n in range(start, start + count):
            actor, code = (county_reviewer_a, "410105") if n % 2 else (city_reviewer, ("410100", "410103")[n % 4 // 2])
            create_parameter(actor=actor, data={
                "region": factories.region(code), "valid_from": datetime.date(2020 + n, 1, 1),
                "valid_to": datetime.date(2020 + n, 12, 1),
                "subsidy_rate": 0.6, "raised_subsidy_rate": 0.7, "retention_threshold": 0.5,
                "insurance_subsidy_cap": 240, "note": f"参数{n}"})

    url = reverse("traineeships:parameters")
    client.force_login(city_reviewer)
    add(2)
    few, few_filtered = queries(client, url), queries(client, url, {"region": "410105"})
    add(6, start=2)
    assert queries(client, url) == few
    assert queries(client, url, {"region": "410105"}) == few_filtered
    assert "2027" in client.get(url).content.decode()


@pytest.mark.django_db
def test_graduate_list(client, city_reviewer, county_hr_a, county_hr_b, city_hr):
    """毕业生名单 of the city: records imported by different departments."""
    from traineeships.models import GraduateRecord

    def add(count, start=0):
        for n in range(start, start + count):
            GraduateRecord.objects.create(
                name=f"毕业生{n}", id_number=factories.make_id_number("20010307", seq=200 + n),
                school=f"郑州{n}学院", major="软件工程", education="bachelor", graduation_year=2020 + n % 5,
                imported_by_org=(county_hr_a, county_hr_b, city_hr)[n % 3])

    url = reverse("traineeships:graduates")
    client.force_login(city_reviewer)
    add(2)
    few, few_filtered = queries(client, url), queries(client, url, {"school": "郑州", "education": "bachelor"})
    add(6, start=2)
    assert queries(client, url) == few
    assert queries(client, url, {"school": "郑州", "education": "bachelor"}) == few_filtered
    assert "毕业生7" in client.get(url).content.decode()
