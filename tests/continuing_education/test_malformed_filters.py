"""Malformed query parameters never answer 500 on the programme's pages: a sweep of every continuing_education
URL (GET) as every persona of the programme's access matrix, with every query parameter its view reads (and the
usual filter names) set to garbage, one parameter at a time and all at once. Each section's list pages are then
checked for the message a garbage filter gives (the sections below)."""

import pytest
from django.urls import reverse

from tests.continuing_education.test_access_matrix import MATRIX, people, world  # noqa: F401  (fixtures)
from tests.matrix import garbage_sweep
from tests.traineeships.test_malformed_filters import parameters_read

GARBAGE = ("²", "9" * 30, "0001-01", "-1", "%ff", "2026-02-30")
# Filter names the screens use, swept on every page whether or not the sweep finds them in its view.
USUAL = {"q", "page", "status", "name", "id_number", "year", "result", "results", "region", "unit", "organisation",
         "subject_type", "learning_form", "title_level", "gender", "course", "teacher", "platform", "site",
         "kind", "source", "date_from", "date_to", "starts_from", "starts_until", "code", "tab"}


@pytest.mark.django_db
def test_no_garbage_parameter_is_a_server_error(client, world, people):  # noqa: F811
    failures = garbage_sweep(client, namespace="continuing_education", matrix=MATRIX, world=world, people=people,
                             usual=USUAL, garbage=GARBAGE, parameters_read=parameters_read)
    assert not failures, "\n".join(failures[:20])


# Per list page: the persona who opens it, and per malformed filter the message it shows next to the field or
# above the list (the filter itself ignored, the list still shown).
LISTS = {
    # --- desk ------------------------------------------------------------------------------------------------
    "desk": ("admin", {"year": ("²", "年度不正确，已按本年度统计")}),
    "statistics": ("county", {"year": ("-1", "年度不正确：请填写2000至2100之间的年份")}),

    # --- units -----------------------------------------------------------------------------------------------

    # --- catalogue -------------------------------------------------------------------------------------------

    # --- classes ---------------------------------------------------------------------------------------------

    # --- hours -----------------------------------------------------------------------------------------------

    # --- archive ---------------------------------------------------------------------------------------------
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_page_says_what_was_wrong(client, name, admin_a, county_reviewer_a, pro_a):
    persona, filters = LISTS[name]
    client.force_login({"admin": admin_a, "county": county_reviewer_a, "professional": pro_a}[persona])
    url = reverse(f"continuing_education:{name}")
    for parameter, (value, message) in filters.items():
        response = client.get(url, {parameter: value})
        assert response.status_code == 200, (parameter, value)
        assert message in response.content.decode(), (parameter, value)
    response = client.get(url, {parameter: value for parameter, (value, _message) in filters.items()})
    assert response.status_code == 200
    page = response.content.decode()
    assert all(message in page for _value, message in filters.values())
