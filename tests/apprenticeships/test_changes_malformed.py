"""Malformed query parameters on the 备案变更 pages answer a message, never a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

GARBAGE = ("²", "9" * 30, "0001-01", "-1", "%ff", "2026-02-30")
PARAMETERS = ("number", "occupation", "starts_from", "starts_until", "page", "tab", "starts_on", "ends_on")


def test_no_garbage_parameter_is_a_server_error(client, filing_a, admin_a, city_reviewer):
    urls = [reverse("apprenticeships:changes"),
            reverse("apprenticeships:class_dates", args=[filing_a.pk]),
            reverse("apprenticeships:class_dates_preview", args=[filing_a.pk]),
            reverse("apprenticeships:course_configure", args=[filing_a.courses.first().pk]),
            reverse("apprenticeships:teacher_change", args=[filing_a.pk]),
            reverse("apprenticeships:change_records", args=[filing_a.pk])]
    client.force_login(admin_a)
    failures = []
    for url in urls:
        for value in GARBAGE:
            for query in [{name: value} for name in PARAMETERS] + [{name: value for name in PARAMETERS}]:
                status = client.get(url, query).status_code
                if status != 200:
                    failures.append(f"{url} {query}: {status}")
    assert not failures, "\n".join(failures[:20])
