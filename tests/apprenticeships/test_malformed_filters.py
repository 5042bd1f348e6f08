"""Malformed query parameters never answer 500 on the programme's pages: a sweep of every apprenticeships URL
(GET) as every persona of the programme's access matrix, with every query parameter its view reads (and the
usual filter names) set to garbage, one parameter at a time and all at once. The list pages then say what was
wrong: each of them is checked for a 200 with a message for a garbage filter."""

import pytest
from django.urls import reverse

from tests.apprenticeships.test_access_matrix import MATRIX, people, world  # noqa: F401  (fixtures)
from tests.matrix import garbage_sweep
from tests.traineeships.test_malformed_filters import parameters_read

GARBAGE = ("²", "9" * 30, "0001-01", "-1", "%ff", "2026-02-30")
# Filter names the screens use, swept on every page whether or not the sweep finds them in its view.
USUAL = {"q", "page", "status", "stage", "number", "name", "id_number", "occupation", "apprenticeship_type", "type",
         "target_level", "level", "month", "date_from", "date_to", "starts_from", "starts_until", "starts_on",
         "ends_on", "year", "kind", "region", "city", "organisation", "enterprise", "filing", "tab", "view",
         "teacher", "trainee", "course", "day", "role", "valid_on", "lost", "certificate", "institution"}


@pytest.mark.django_db
def test_no_garbage_parameter_is_a_server_error(client, world, people):  # noqa: F811
    failures = garbage_sweep(client, namespace="apprenticeships", matrix=MATRIX, world=world, people=people,
                             usual=USUAL,
                             garbage=GARBAGE, parameters_read=parameters_read)
    assert not failures, "\n".join(failures[:20])


# Every list page of the programme, the persona who opens it, and per malformed filter the message it shows
# next to the field or above the list (the HR lists -- hr_filings, statistics, recognitions -- then list nothing:
# tests/apprenticeships/test_hr.py).
LISTS = {
    "filings": ("admin", {"apprenticeship_type": ("zzz", "请选择列表中的学徒制培训类型"),
                          "month": ("2026-13", "月份格式应为 2026-03"),
                          "status": ("zzz", "请选择列表中的状态")}),
    "trainees": ("admin", {"apprenticeship_type": ("zzz", "请从列表中选择培训类型"),
                           "state": ("zzz", "请从列表中选择状态"),
                           "year": ("²", "请输入四位年份")}),
    "changes": ("admin", {"starts_from": ("2026-02-30", "日期格式应为 2026-03-01"),
                          "starts_until": ("-1", "日期格式应为 2026-03-01")}),
    "tracking": ("admin", {"apprenticeship_type": ("zzz", "请选择有效的培训类型"),
                           "start_month": ("0001-13", "月份格式应为 年-月，如 2026-03"),
                           "state": ("zzz", "请选择有效的培训班状态")}),
    "venues": ("admin", {"region": ("zzz", "请选择到市级")}),
    "claims": ("admin", {"month": ("2026-13", "月份格式应为 2026-03"),
                         "stage": ("zzz", "请选择列表中的申领阶段"),
                         "status": ("zzz", "请选择列表中的状态")}),
    "hr_filings": ("county", {"status": ("zzz", "状态不正确，请从列表中选择"),
                              "type": ("zzz", "培训类型不正确，请从列表中选择"),
                              "month": ("2026-13", "月份格式不正确（如 2026-03）")}),
    "statistics": ("city", {"year": ("²", "年度应为数字"),
                            "month_from": ("13", "月份应为1到12"),
                            "month_to": ("-1", "月份应为1到12")}),
    "recognitions": ("city", {"role": ("zzz", "认定类型不正确，请从列表中选择"),
                              "valid_on": ("2026-02-30", "有效日期格式不正确（如 2026-03-01）")}),
    "parameters": ("city", {"tab": ("zzz", "没有该参数类别，请从页签中选择")}),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_page_says_what_was_wrong(client, name, filing_a, admin_a, county_reviewer_a, city_reviewer):
    persona, filters = LISTS[name]
    client.force_login({"admin": admin_a, "county": county_reviewer_a, "city": city_reviewer}[persona])
    url = reverse(f"apprenticeships:{name}")
    for parameter, (value, message) in filters.items():
        response = client.get(url, {parameter: value})
        assert response.status_code == 200, (parameter, value)
        assert message in response.content.decode(), (parameter, value)
    # All at once: every message, still a page.
    response = client.get(url, {parameter: value for parameter, (value, _message) in filters.items()})
    assert response.status_code == 200
    page = response.content.decode()
    assert all(message in page for _value, message in filters.values())


@pytest.mark.django_db
def test_institution_list_with_a_garbage_page_shows_the_first(client, filing_a, institution_admin):
    client.force_login(institution_admin)
    response = client.get(reverse("apprenticeships:institution_filings"), {"page": "zzz"})
    assert response.status_code == 200
    assert filing_a.number in response.content.decode()
