"""Helpers of the hours tests: the declaration form's data, a proof file, a submitted declaration."""

from django.urls import reverse

from continuing_education.models import HoursDeclaration
from reviews.selectors import latest_review_for
from tests.attachments.files import pdf_bytes, upload
from tests.continuing_education import factories as ce


def pdf_upload(name="证明.pdf"):
    return upload(name, pdf_bytes(), "application/pdf")


def form_data(**overrides) -> dict:
    year = ce.this_year()
    data = {"year": str(year), "learning_form": "academic", "subject_type": "professional", "title": "行业学术年会",
            "organiser": "省专业学会", "starts_on": f"{year}-03-10", "ends_on": f"{year}-03-11", "hours": "8",
            "proof": pdf_upload()}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def declare(client, person, **overrides) -> HoursDeclaration:
    """The person's declaration through 新增学时申报, saved as a draft."""
    client.force_login(person)
    response = client.post(reverse("continuing_education:declaration_new"), form_data(**overrides))
    assert response.status_code == 302, response.content.decode()
    return HoursDeclaration.objects.latest("pk")


def submit(client, user, declaration):
    client.force_login(user)
    response = client.post(reverse("continuing_education:declaration_submit", args=[declaration.pk]))
    assert response.status_code == 302
    declaration.refresh_from_db()
    return latest_review_for(declaration)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]
