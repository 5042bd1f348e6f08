"""The audit log's before/after data masks ID numbers, mobiles and bank accounts, on screen and in the export,
for a reader without organisations.view_personal_data (e.g. a sub-admin holding only view_logs)."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from core.masking import mask_personal_data
from tests.batch.helpers import read_rows, response_bytes
from tests.traineeships.test_register import member_with

ID = "41010519900307123X"
MOBILE = "13812345678"
ACCOUNT = "6222020200112233445"
BEFORE = {"name": "李四", "id_number": ID, "mobile": MOBILE, "contact_phone": "03712345678"}
AFTER = {"name": "李四", "id_number": ID, "mobile": "13900001111", "bank_account_number": ACCOUNT,
         "members": [{"person_id_number": ID}], "mobile_verified_at": "2026-03-01"}


def test_mask_personal_data_masks_personal_keys_at_any_depth():
    assert mask_personal_data(AFTER) == {
        "name": "李四", "id_number": "4101**********123X", "mobile": "139****1111",
        "bank_account_number": "***************3445", "members": [{"person_id_number": "4101**********123X"}],
        "mobile_verified_at": "2026-03-01",
    }
    assert mask_personal_data(None) is None and mask_personal_data("x") == "x"


@pytest.fixture
def staff_entry(admin_a, enterprise_a):
    return AuditEntry.objects.create(actor=admin_a, actor_name=admin_a.real_name, actor_org=enterprise_a,
                                     action="organisations.staff_saved", target_type="organisations.StaffMember",
                                     target_id="1", target_repr="李四", before=BEFORE, after=AFTER)


@pytest.fixture
def log_reader(enterprise_a):
    return member_with(enterprise_a, "logreader", "organisations.view_logs")


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("audit:list"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_log_page_masks_for_a_reader_without_the_permission(client, admin_a, log_reader, staff_entry):
    html = page(client, log_reader)
    assert ID not in html and MOBILE not in html and ACCOUNT not in html and "03712345678" not in html
    assert "4101**********123X" in html and "138****5678" in html and "***************3445" in html
    # The mobile changed, though both masked values end differently only in their last digits: still marked.
    mobile_row = next(row for row in client.get(reverse("audit:list")).context["rows"][0]["diff"]
                      if row["field"].endswith("（mobile）"))
    assert mobile_row == {"field": "手机号（mobile）", "before": "138****5678", "after": "139****1111",
                          "changed": True}
    html = page(client, admin_a)
    assert ID in html and MOBILE in html and ACCOUNT in html


def exported(client, user, capture):
    client.force_login(user)
    with capture(execute=True):
        client.post(reverse("batch:export", args=["audit-log"]))
    job = BatchJob.objects.filter(kind="export", owner=user).latest("id")
    assert job.status == JobStatus.SUCCEEDED, job.error
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    return next(row for row in rows if row[3] != "开始导出" and row[5] == "李四")


@pytest.mark.django_db
def test_the_log_export_masks_for_a_reader_without_the_permission(client, admin_a, log_reader, staff_entry,
                                                                   django_capture_on_commit_callbacks):
    row = exported(client, log_reader, django_capture_on_commit_callbacks)
    assert ID not in row[7] + row[8] and MOBILE not in row[7] and ACCOUNT not in row[8]
    assert '"id_number": "4101**********123X"' in row[7] and '"mobile": "138****5678"' in row[7]
    assert '"bank_account_number": "***************3445"' in row[8]
    row = exported(client, admin_a, django_capture_on_commit_callbacks)
    assert f'"id_number": "{ID}"' in row[7] and f'"bank_account_number": "{ACCOUNT}"' in row[8]
