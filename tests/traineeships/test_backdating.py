"""Back-dated 录用上岗登记 (issue 7: "Onboarding back-dated months into the past is accepted without a word"):
a start date further back than the region's backdating_warning_days needs the unit's explicit confirmation,
and who confirmed it and when are recorded and shown to the reviewer."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from reviews.selectors import latest_review_for
from tests.attachments.files import png_upload
from tests.traineeships.test_placements import terms, terms_form, wage_parameter
from traineeships.models import Placement
from traineeships.services import placements as services
from traineeships.services.placements import add_months, backdating_warning

pytest_plugins = ["tests.traineeships.test_placements"]

pytestmark = pytest.mark.django_db


def dated(days_ago: int) -> dict:
    """Terms of a 6-month traineeship that started `days_ago` days before today, insured throughout."""
    start = timezone.localdate() - datetime.timedelta(days=days_ago)
    end = add_months(start, 6) - datetime.timedelta(days=1)
    return {"start_on": start, "end_on": end, "insurance_valid_from": start, "insurance_valid_to": end,
            "backdating_confirmed": False}


def form_data(days_ago: int, confirmed: bool) -> dict:
    data = terms_form(**dated(days_ago))
    data.pop("backdating_confirmed")
    if confirmed:
        data["backdating_confirmed"] = "on"
    return data


def warning_text(days_ago: int, limit: int = 30) -> str:
    start = timezone.localdate() - datetime.timedelta(days=days_ago)
    return (f"见习开始日期{start.isoformat()}早于今天{days_ago}天，超过本地区规定的{limit}天（倒签上岗）。"
            "请核实见习人员确已于该日起到岗，并勾选确认")


def test_a_back_dated_start_asks_for_confirmation_then_records_who_confirmed(client, admin_a, application, wage,
                                                                              county_reviewer_a):
    client.force_login(admin_a)
    url = reverse("traineeships:placement_create", args=[application.pk])
    page = client.get(url).content.decode()
    assert "确认倒签上岗：见习人员确已于上述开始日期到岗" in page
    response = client.post(url, form_data(40, confirmed=False))
    assert response.status_code == 200
    assert response.context["form"].errors == {"backdating_confirmed": [warning_text(40)]}
    assert not Placement.objects.exists()
    before = timezone.now()
    response = client.post(url, form_data(40, confirmed=True))
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert placement.backdating_confirmed_by == admin_a
    assert before <= placement.backdating_confirmed_at <= timezone.now()
    entry = AuditEntry.objects.get(action="traineeships.backdating_confirmed")
    assert (entry.actor, entry.target_id, entry.after["start_on"]) == (
        admin_a, str(placement.pk), placement.start_on.isoformat())
    # The reviewer sees it on the placement page and beside the decision on the review page.
    services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload("协议.png"))
    services.submit_agreement(placement=placement, actor=admin_a)
    client.force_login(county_reviewer_a)
    confirmed_at = timezone.localtime(placement.backdating_confirmed_at).strftime("%Y-%m-%d %H:%M")
    shown = f"由 {admin_a.real_name} 于 {confirmed_at} 确认见习人员确已于该日到岗"
    detail = client.get(reverse("traineeships:placement_detail", args=[placement.pk])).content.decode()
    assert 'data-testid="backdating-confirmed"' in detail and shown in detail
    review = client.get(reverse("reviews:detail", args=[latest_review_for(placement).pk])).content.decode()
    assert 'data-testid="backdating-confirmed"' in review and shown in review


def test_a_start_within_the_limit_needs_no_confirmation(client, admin_a, application, wage):
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]),
                           form_data(30, confirmed=False))
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert (placement.backdating_confirmed_by, placement.backdating_confirmed_at) == (None, None)
    assert not AuditEntry.objects.filter(action="traineeships.backdating_confirmed").exists()
    page = client.get(reverse("traineeships:placement_detail", args=[placement.pk])).content.decode()
    assert 'data-testid="backdating-confirmed"' not in page


def test_the_limit_is_the_regional_parameter(client, admin_a, application, city_reviewer):
    wage_parameter(city_reviewer, backdating_warning_days=60)
    client.force_login(admin_a)
    url = reverse("traineeships:placement_create", args=[application.pk])
    assert client.post(url, form_data(61, confirmed=False)).context["form"].errors == {
        "backdating_confirmed": [warning_text(61, limit=60)]}
    assert client.post(url, form_data(60, confirmed=False)).status_code == 302


def test_without_a_parameter_the_default_applies_and_says_so(application):
    start = timezone.localdate() - datetime.timedelta(days=31)
    assert backdating_warning(application.post, start) == (
        warning_text(31) + "（该地区未设置参数，按默认30天提示）")
    assert backdating_warning(application.post, start + datetime.timedelta(days=1)) == ""


def test_the_service_refuses_an_unconfirmed_back_dated_registration(admin_a, application, wage):
    with pytest.raises(ValidationError) as refused:
        services.onboard(application=application, actor=admin_a, data=terms(**dated(45)))
    assert refused.value.message_dict == {"backdating_confirmed": [warning_text(45)]}
    assert not Placement.objects.exists()


def test_editing_asks_again_only_when_the_start_date_changes(client, admin_a, application, wage):
    placement = services.onboard(application=application, actor=admin_a, data=terms(**dated(10)))
    client.force_login(admin_a)
    url = reverse("traineeships:placement_edit", args=[placement.pk])
    unchanged = form_data(10, confirmed=False) | {"monthly_allowance": "2300"}
    assert client.post(url, unchanged).status_code == 302
    response = client.post(url, form_data(50, confirmed=False))
    assert response.context["form"].errors == {"backdating_confirmed": [warning_text(50)]}
    assert client.post(url, form_data(50, confirmed=True)).status_code == 302
    placement.refresh_from_db()
    assert placement.backdating_confirmed_by == admin_a and placement.backdating_confirmed_at is not None


def test_another_approved_applicant_at_another_unit_is_not_affected(client, admin_b, application, wage):
    """Deny path: the confirmation belongs to the registering unit's own screen (another unit: 404)."""
    client.force_login(admin_b)
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]),
                           form_data(40, confirmed=True))
    assert response.status_code == 404
    assert not Placement.objects.exists()


def test_an_unconfirmed_back_dated_import_row_is_refused(admin_a, application, wage):
    from traineeships.forms.reports import MatchingRowForm

    row = form_data(40, confirmed=False)
    row.update(id_number=application.person.id_number, name=application.person.real_name,
               post_title=application.post.title, backdating_confirmed="")
    form = MatchingRowForm(row, organisation=application.post.base.organisation)
    assert not form.is_valid()
    assert form.errors == {"backdating_confirmed": [warning_text(40)]}
    form = MatchingRowForm(row | {"backdating_confirmed": "yes"}, organisation=application.post.base.organisation)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["backdating_confirmed"] is True
