"""Malformed query parameters never answer 500: the five the journey found, each with its Chinese message, and a
sweep of every traineeship URL (GET) as the owning unit, a reviewer and an individual with every query parameter
its view reads set to garbage."""

import inspect
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.core.access_world import build_world
from tests.core.test_access_matrix import MATRIX
from tests.matrix import url_patterns
from traineeships.models import TraineeKind, TraineeProfile

pytest_plugins = ["tests.traineeships.test_placements"]

GARBAGE = ("²", "0000-01", "-1", "9" * 30, "%ff", "0001-01", "9999-12")
# Each parameter alone (an early refusal of one must not hide another): the values that broke int(), a
# database integer and month arithmetic.
ALONE = ("²", "9" * 30, "0001-01")

# Parameters a view reads under a name it computes (public.region_options reads ?province= or ?city=).
COMPUTED = {"traineeships:public_regions": {"province", "city"}}
# Objects named by URL patterns outside the access matrix (it lists only patterns that name an object).
OTHER_KWARGS = {"traineeships:base_upload": {"slot": "rules_file"}}


def _helpers(function, source: str):
    module = inspect.getmodule(function)
    for name in set(re.findall(r"\b(\w+)\(\s*request\b", source)):
        helper = getattr(module, name, None)
        if inspect.isfunction(helper) and helper is not function:
            yield helper


def parameters_read(view) -> set[str]:
    """The query parameters a view reads: request.GET.get("x"), the fields of forms bound to request.GET (or
    built by a function given it), paging; looked up in the view and the module helpers it passes the request."""
    function = inspect.unwrap(view)
    sources = [(function, inspect.getsource(function))]
    sources += [(helper, inspect.getsource(helper)) for helper in _helpers(function, sources[0][1])]
    names = set()
    for owner, source in sources:
        module = inspect.getmodule(owner)
        names.update(re.findall(r'GET\.get\(\s*"(\w+)"', source))
        if "paginate(request" in source or 'GET.get("page")' in source:
            names.add("page")
        for called in re.findall(r"(\w+)\([^()]*request\.GET", source):
            target = getattr(module, called, None)
            if inspect.isclass(target) and hasattr(target, "base_fields"):
                names.update(target.base_fields)
            elif inspect.isfunction(target):
                target_module = inspect.getmodule(target)
                for form_name in re.findall(r"(\w+Form)\(", inspect.getsource(target)):
                    form = getattr(target_module, form_name, None)
                    if form is not None and hasattr(form, "base_fields"):
                        names.update(form.base_fields)
    return names


# ---------------------------------------------------------------- the five the journey found


def _page(client, user, name, query):
    client.force_login(user)
    response = client.get(reverse(f"traineeships:{name}"), query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_statistics_year_superscript_two(client, county_reviewer_a):
    page = _page(client, county_reviewer_a, "statistics", {"year": "²"})
    assert "年份无效：请从列表中选择有数据的年份" in page and 'data-testid="by-region"' not in page


@pytest.mark.django_db
def test_post_query_post_superscript_two(client, admin_a, post_a):
    page = _page(client, admin_a, "post_query", {"post": "²"})
    assert "岗位选择无效，请点击列表中的“查看详情”" in page
    assert f'data-post="{post_a.pk}"' in page and 'data-testid="people"' not in page
    # A well-formed id still opens the post.
    assert 'data-testid="people"' in _page(client, admin_a, "post_query", {"post": str(post_a.pk)})


@pytest.mark.django_db
def test_roster_base_superscript_two(client, base_a, county_reviewer_a, county_reviewer_b):
    for value in ("²", "-1", "9" * 30):
        page = _page(client, county_reviewer_a, "roster", {"base": value})
        assert "见习基地选择无效，请从列表中选择" in page and "请选择辖区内的见习基地。" in page
    # A well-formed id of a base outside the jurisdiction stays 404, as any object the user may not see.
    client.force_login(county_reviewer_b)
    assert client.get(reverse("traineeships:roster"), {"base": base_a.pk}).status_code == 404


@pytest.mark.django_db
def test_reports_month_year_zero(client, admin_a, base_a):
    page = _page(client, admin_a, "reports", {"month": "0000-01"})
    assert "月份格式应为 2026-03" in page
    # Year 1 used to overflow the time-zone-aware filter on the import's creation time.
    assert "月份应在1900年至2999年之间" in _page(client, admin_a, "reports", {"month": "0001-01"})


@pytest.mark.django_db
def test_roster_first_month_year_zero(client, admin_a, base_a):
    page = _page(client, admin_a, "roster", {"first_month": "0000-01"})
    assert "月份格式应为 2026-03" in page and 'data-testid="roster"' not in page
    page = _page(client, admin_a, "roster", {"first_month": "9999-12", "last_month": "9999-12"})
    assert page.count("月份应在1900年至2999年之间") == 2


# ---------------------------------------------------------------- the sweep


def traineeship_urls():
    from django.urls import get_resolver

    resolver = get_resolver()
    for name, converters in url_patterns():
        if name.startswith("traineeships:"):
            yield name, converters, resolver.resolve(reverse(name, kwargs=_dummy(name, converters))).func


def _dummy(name, converters):
    if name in OTHER_KWARGS:
        return OTHER_KWARGS[name]
    return {converter: 1 for converter in converters}


def test_the_sweep_knows_the_parameters_of_the_filters_the_journey_found():
    read = {name: parameters_read(view) for name, _converters, view in traineeship_urls()}
    assert "year" in read["traineeships:statistics"]
    assert "post" in read["traineeships:post_query"]
    assert {"base", "first_month", "last_month", "format"} <= read["traineeships:roster"]
    assert "month" in read["traineeships:reports"]


@pytest.fixture
def world(enterprise_a, admin_a, member_a, county_hr_a, county_reviewer_a, city_hr, city_reviewer):
    world = build_world(enterprise_a=enterprise_a, admin_a=admin_a, member_a=member_a, county_hr_a=county_hr_a,
                        county_reviewer_a=county_reviewer_a, city_hr=city_hr, city_reviewer=city_reviewer)
    # The waiting applicant has passed the programme's sign-in, so that the individual pages render in full.
    person = world["my_application"].owner
    TraineeProfile.objects.get_or_create(person=person, defaults={"kind": TraineeKind.YOUTH})
    return world


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["unit", "reviewer", "individual"])
def test_no_traineeship_url_answers_500_to_garbage_parameters(world, admin_a, county_reviewer_a, persona):
    user = {"unit": admin_a, "reviewer": county_reviewer_a, "individual": world["my_application"].owner}[persona]
    client = Client(raise_request_exception=False)
    client.force_login(user)
    failures = []
    for name, converters, view in traineeship_urls():
        if converters and name not in OTHER_KWARGS:
            kwargs = {converters[0]: world[MATRIX[name][0]].pk}
        else:
            kwargs = _dummy(name, converters)
        url = reverse(name, kwargs=kwargs)
        names = sorted(parameters_read(view) | COMPUTED.get(name, set()))
        queries = [{key: value for key in names} for value in GARBAGE] if names else [{"x": GARBAGE[0]}]
        queries += [{key: value} for key in names for value in ALONE] if len(names) > 1 else []
        for query in queries:
            response = client.get(url, query)
            if response.status_code >= 500:
                failures.append(f"{url}?{query}: {response.status_code}")
    assert failures == [], "\n".join(failures)
