"""An import into one record (ImportSpec.parent): the record is checked through its app's selector on the
page, on upload and again by the job, stored on the job, and handed to the form and apply."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from batch import registry
from batch.engine import run_import_job
from batch.models import BatchJob, JobStatus
from organisations.models import Department, StaffMember
from organisations.selectors import get_department_for_user
from organisations.staff_batch import IMPORT_COLUMNS, PERMISSION, _form_kwargs
from organisations.staff_forms import StaffMemberForm
from organisations.staff_services import import_staff_rows
from tests.batch.helpers import id_number, upload, xlsx_bytes

SPEC = "department_staff"


def department_for_import(user, key):
    """The owning app's rule for this test: a visible department; a sub-department is visible but closed."""
    if not str(key).isdigit():
        raise Http404
    department = get_department_for_user(user, int(key))
    if department.parent_id is not None:
        raise PermissionDenied
    return department


def apply_to_department(*, actor, organisation, rows, parent):
    return import_staff_rows(actor=actor, organisation=organisation,
                             rows=[{**row, "department_name": parent.name} for row in rows])


def form_kwargs(actor, organisation, parent):
    assert isinstance(parent, Department)
    return _form_kwargs(actor, organisation)


@pytest.fixture(autouse=True)
def department_spec(monkeypatch):
    spec = registry.ImportSpec(
        key=SPEC, label="部门人员导入", permission=PERMISSION, columns=IMPORT_COLUMNS, form_class=StaffMemberForm,
        form_kwargs=form_kwargs, natural_key=("id_number",), apply=apply_to_department,
        parent=registry.ImportParent(get=department_for_import, describe=lambda department: department.name),
    )
    monkeypatch.setitem(registry._imports, SPEC, spec)
    return spec


@pytest.fixture
def sales(enterprise_a):
    return Department.objects.create(organisation=enterprise_a, name="销售部")


def page(parent=None):
    url = reverse("batch:import", args=[SPEC])
    return f"{url}?parent={parent}" if parent is not None else url


ROWS = [["张伟", id_number("19900307", 123), "男", "", "（由所属部门决定）", "", "", ""]]


def test_rows_are_imported_into_the_parent_and_the_job_keeps_it(client, admin_a, sales, run_on_commit):
    client.force_login(admin_a)
    shown = client.get(page(sales.pk)).content.decode()
    assert 'data-testid="import-parent">导入到：销售部<' in shown
    response = run_on_commit(lambda: client.post(page(sales.pk), {"file": upload(xlsx_bytes(ROWS))}))
    job = BatchJob.objects.get()
    assert response["Location"] == reverse("batch:detail", args=[job.pk])
    assert (job.status, job.parent_key, job.created_rows) == (JobStatus.SUCCEEDED, str(sales.pk), 1)
    assert list(StaffMember.objects.values_list("name", "department_name")) == [("张伟", "销售部")]
    detail = client.get(reverse("batch:detail", args=[job.pk])).content.decode()
    assert f'href="{page(sales.pk)}"' in detail  # 修改后重新导入 returns to the same record


@pytest.mark.parametrize(("who", "parent", "status"), [
    ("admin_a", None, 404),  # the record is required
    ("admin_a", "abc", 404),
    ("admin_b", "sales", 404),  # another organisation's department is invisible
    ("admin_a", "child", 403),  # visible, but the owning app refuses imports into it
    ("member_a", "sales", 403),  # no permission for the import at all
])
def test_the_parent_is_checked_on_the_page_and_on_upload(client, request, sales, who, parent, status):
    child = Department.objects.create(organisation=sales.organisation, name="华东区", parent=sales)
    client.force_login(request.getfixturevalue(who))
    key = {"sales": sales.pk, "child": child.pk}.get(parent, parent)
    assert client.get(page(key)).status_code == status
    assert client.post(page(key), {"file": upload(xlsx_bytes(ROWS))}).status_code == status
    assert not BatchJob.objects.exists()


@pytest.mark.parametrize(("parent", "message"), [
    ("1" * 65, "所属记录参数不能超过64个字符（目前65个）"),
    ("1 OR 1=1", "所属记录参数只能包含字母、数字、点、横线和下划线"),
    ("销售部", "所属记录参数只能包含字母、数字、点、横线和下划线"),
])
def test_a_malformed_or_too_long_parent_is_a_400_with_the_reason(client, admin_a, sales, parent, message):
    client.force_login(admin_a)
    for response in (client.get(page(parent)), client.post(page(parent), {"file": upload(xlsx_bytes(ROWS))})):
        assert response.status_code == 400
        assert f"<p class=\"text-muted mb-4\">{message}</p>" in response.content.decode()
    assert not BatchJob.objects.exists()
    # Cut to 64 characters it would have been another key: it is refused, never looked up shortened.
    assert client.get(page(f"{sales.pk}{'0' * 64}")).status_code == 400


def test_a_parent_given_to_an_import_without_one_is_refused(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("batch:import", args=["staff"]) + "?parent=1").status_code == 404


def test_a_parent_withdrawn_before_the_job_runs_stops_the_import(client, admin_a, sales,
                                                                  django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(page(sales.pk), {"file": upload(xlsx_bytes(ROWS))})
    job = BatchJob.objects.get()
    sales.delete()
    run_import_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.error, job.processed_rows) == (
        JobStatus.FAILED, "您已无权向该记录导入数据，导入未执行。", 0)
    assert not StaffMember.objects.exists()
