"""The programme's screen lists run a constant number of queries whatever the number of rows (no query per
row): read once with one row of each kind, then again after four more rows of each kind (other teachers, staff
members, classes, units...), by the persona the screen is for. The rows are those of the API's query-count test."""

import pytest
from django.urls import reverse

from tests.continuing_education.test_api_query_counts import ROWS_ADDED, add_rows
from tests.continuing_education.test_api_query_counts import fixed as api_fixed
from tests.list_queries import queries

pytestmark = pytest.mark.django_db
fixed = api_fixed  # the classes whose sub-lists grow

UNIT_LISTS = ("teachers", "platforms", "sites", "courses", "declared", "classes", "inbox", "hours_manage",
              "online_results", "staff_requests", "archive")
DEPARTMENT_LISTS = ("reviewed_classes", "units", "rules")
OWN_LISTS = ("declarations",)  # the professional's own


def test_screen_lists_do_not_grow_with_rows(client, enterprise_a, admin_a, pro_a, staff_a, county_hr_a,
                                            county_reviewer_a, fixed):
    readers = {**dict.fromkeys(UNIT_LISTS, admin_a), **dict.fromkeys(DEPARTMENT_LISTS, county_reviewer_a),
               **dict.fromkeys(OWN_LISTS, pro_a)}

    def measure() -> dict:
        counts = {}
        for name, reader in readers.items():
            client.force_login(reader)
            counts[name] = queries(client, reverse(f"continuing_education:{name}"))
        return counts

    rows = {"enterprise_a": enterprise_a, "admin_a": admin_a, "pro_a": pro_a, "staff_a": staff_a,
            "county_hr_a": county_hr_a, "fixed": fixed}
    add_rows(1, **rows)
    measure()  # warm up the per-process caches (ContentType's, read by 我申报的 on its first call)
    few = measure()
    for number in range(2, 2 + ROWS_ADDED):
        add_rows(number, **rows)
    many = measure()
    grown = {name: (few[name], many[name]) for name in few if many[name] != few[name]}
    assert not grown, grown
    shown = {"teachers": "教师5", "platforms": "学习网5", "sites": "培训点5", "courses": "课程5", "declared": "草稿班5",
             "online_results": "网课5", "units": "单位5", "declarations": "我的5"}
    for name, text in shown.items():
        client.force_login(readers[name])
        assert text in client.get(reverse(f"continuing_education:{name}")).content.decode(), name
