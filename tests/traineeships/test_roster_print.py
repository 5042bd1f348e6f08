"""The roster PDF: the 姓名 column is as wide as the names (they used to be stacked one character a line)."""

import re
import shutil

import pytest
from django.urls import reverse

from tests.printing.pdftools import pdf_text
from tests.traineeships.test_placements import approved_application, on_post_placement

pytest_plugins = ["tests.traineeships.test_placements"]

NAMES = ("欧阳见习生", "王见习")


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_roster_pdf_prints_each_name_on_one_line(client, admin_a, post_a, county_reviewer_a, wage, tmp_path):
    for name in NAMES:
        on_post_placement(approved_application(post_a, real_name=name), admin_a, county_reviewer_a)
    client.force_login(admin_a)
    response = client.get(reverse("traineeships:roster"),
                          {"first_month": "2026-03", "last_month": "2026-08", "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for index, name in enumerate(NAMES, start=1):
        # The row starts with its number and the whole name, on one line.
        assert re.search(rf"^\s*{index}\s+{name}\s", text, re.M), text
    # The explanations wrap in their own column instead of squeezing the others.
    assert "补贴经费花名册" in text and "合计" in text


def test_the_roster_print_keeps_names_ids_and_dates_on_one_line():
    from pathlib import Path

    from django.conf import settings

    source = (Path(settings.BASE_DIR) / "traineeships/templates/traineeships/roster/print.html").read_text()
    assert '<td class="nowrap" data-column="name">{{ line.trainee.name }}</td>' in source
    assert "{% block page_size %}A4 landscape{% endblock %}" in source
