import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from tests import factories
from tests.batch.helpers import STAFF_HEADERS, id_number, read_rows, response_bytes, sheet_xml, xlsx_bytes


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


def one_row(seq=123):
    return [["张伟", id_number("19900307", seq), "男", "13812345678", "技术部", "工程师", "2015-07-01", 6500]]


def test_template_has_header_example_and_dropdown(signed_in):
    response = signed_in.get(reverse("batch:template", args=["staff"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    content = response_bytes(response)
    rows = read_rows(content)
    assert rows[0] == STAFF_HEADERS
    assert rows[1][:4] == ["张三", "41010519900307123X", "男", "13812345678"]
    assert len(rows) == 2
    xml = sheet_xml(content)
    assert '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"' in xml
    assert 'sqref="C2:C1048576"><formula1>"男,女"</formula1>' in xml
    guide = read_rows(content, sheet=1)
    assert guide[0] == ["列名", "是否必填", "可选值", "说明"]
    assert guide[1][:2] == ["姓名", "必填"]
    assert guide[3][:3] == ["性别", "选填", "男、女"]


def test_import_page_shows_template_link_and_form(signed_in):
    response = signed_in.get(reverse("batch:import", args=["staff"]))
    content = response.content.decode()
    assert response.status_code == 200
    assert reverse("batch:template", args=["staff"]) in content
    assert 'name="file"' in content


def test_task_centre_lists_only_own_jobs_and_filters(post_import, signed_in, client, admin_a, member_a, admin_b):
    post_import(signed_in, xlsx_bytes(one_row()))
    mine = BatchJob.objects.get()
    other = BatchJob.objects.create(kind="import", spec="staff", owner=admin_b, created_at=mine.created_at)
    colleague = BatchJob.objects.create(kind="export", spec="staff", owner=member_a, created_at=mine.created_at)
    response = signed_in.get(reverse("batch:list"))
    assert [job.pk for job in response.context["object_list"]] == [mine.pk]
    content = response.content.decode()
    assert f'data-job="{mine.pk}"' in content and "人员信息导入" in content
    assert f'data-job="{other.pk}"' not in content and f'data-job="{colleague.pk}"' not in content
    assert list(signed_in.get(reverse("batch:list"), {"kind": "export"}).context["object_list"]) == []
    params = {"kind": "import", "spec": "staff", "status": "succeeded"}
    assert [j.pk for j in signed_in.get(reverse("batch:list"), params).context["object_list"]] == [mine.pk]
    assert list(signed_in.get(reverse("batch:list"), {"status": "failed"}).context["object_list"]) == []
    assert [j.pk for j in signed_in.get(reverse("batch:list"), {"page": "1"}).context["object_list"]] == [mine.pk]
    # A malformed filter: its message beside the field and no rows, not every job as if filtered.
    for query, field, message in (({"kind": "upload"}, "kind", "没有该任务类型，请从列表中选择"),
                                  ({"spec": "nope", "kind": "import"}, "spec", "没有该业务，请从列表中选择"),
                                  ({"status": "done"}, "status", "没有该状态，请从列表中选择")):
        response = signed_in.get(reverse("batch:list"), query)
        assert response.status_code == 200 and list(response.context["object_list"]) == []
        html = response.content.decode()
        assert f'<div class="invalid-feedback d-block" data-field-error="{field}">{message}</div>' in html
        assert "data-job=" not in html


def test_task_centre_is_in_the_menu_for_any_signed_in_user(client, member_a):
    client.force_login(member_a)
    response = client.get(reverse("batch:list"))
    assert response.status_code == 200
    labels = [item["label"] for section in response.context["nav_sections"] for item in section["items"]]
    assert "任务中心" in labels
    assert "人员信息" not in labels


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(reverse("batch:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_detail_progress_and_downloads_for_owner(post_import, signed_in):
    rows = one_row() + [["", id_number("19900307", 125), "", "", "", "", "", ""]]
    uploaded = xlsx_bytes(rows)
    post_import(signed_in, uploaded)
    job = BatchJob.objects.get()
    detail = signed_in.get(reverse("batch:detail", args=[job.pk]))
    content = detail.content.decode()
    assert detail.status_code == 200
    assert 'hx-trigger="every 1s"' not in content  # finished: no polling
    assert 'data-row="3"' in content and "姓名：请填写姓名" in content
    for name in ("download_failed", "download_result", "download_source"):
        assert reverse(f"batch:{name}", args=[job.pk]) in content
    source = signed_in.get(reverse("batch:download_source", args=[job.pk]))
    assert response_bytes(source) == uploaded
    success = read_rows(response_bytes(signed_in.get(reverse("batch:download_result", args=[job.pk]))))
    assert success == [STAFF_HEADERS, ["张伟", id_number("19900307", 123), "男", "13812345678", "技术部", "工程师",
                                       "2015-07-01", "6500", "", "", ""]]  # 学历, 职称等级, 职称系列 empty


def test_progress_partial_polls_while_running_and_refreshes_when_done(signed_in, admin_a):
    job = BatchJob.objects.create(kind="import", spec="staff", owner=admin_a, status=JobStatus.RUNNING,
                                  total_rows=200, processed_rows=50, created_at="2026-01-01T00:00:00Z")
    url = reverse("batch:progress", args=[job.pk])
    running = signed_in.get(url, HTTP_HX_REQUEST="true")
    content = running.content.decode()
    assert 'hx-trigger="every 1s"' in content
    assert "已处理 50 / 200 行" in content
    assert '<progress class="praxis-progress praxis-progress-primary flex-grow-1" value="25" max="100"' in content
    assert "HX-Refresh" not in running
    BatchJob.objects.filter(pk=job.pk).update(status=JobStatus.SUCCEEDED, processed_rows=200)
    done = signed_in.get(url + "?polling=1", HTTP_HX_REQUEST="true")
    assert 'hx-trigger' not in done.content.decode()
    assert done["HX-Refresh"] == "true"


def test_progress_polling_flag_goes_through_a_form(signed_in, admin_a):
    job = BatchJob.objects.create(kind="import", spec="staff", owner=admin_a, status=JobStatus.SUCCEEDED,
                                  total_rows=1, processed_rows=1, created_at="2026-01-01T00:00:00Z")
    url = reverse("batch:progress", args=[job.pk])
    # Absent: the fragment alone, no reload (the page was not polling).
    absent = signed_in.get(url, HTTP_HX_REQUEST="true")
    assert absent.status_code == 200 and "HX-Refresh" not in absent
    assert signed_in.get(url, {"polling": "1"}, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    tampered = signed_in.get(url, {"polling": "yes"}, HTTP_HX_REQUEST="true")
    assert (tampered.status_code, tampered.content.decode()) == (400, "polling 参数只能为 1")
    assert "HX-Refresh" not in tampered


def test_other_users_get_404_on_job_and_downloads(post_import, signed_in, client, admin_b, member_a):
    post_import(signed_in, xlsx_bytes(one_row() + [["", id_number("19900307", 125), "", "", "", "", "", ""]]))
    job = BatchJob.objects.get()
    for user in (admin_b, member_a):
        client.force_login(user)
        for name in ("detail", "progress", "download_source", "download_failed", "download_result"):
            assert client.get(reverse(f"batch:{name}", args=[job.pk])).status_code == 404, (user, name)


def test_platform_staff_can_see_any_job(post_import, signed_in, client):
    post_import(signed_in, xlsx_bytes(one_row()))
    job = BatchJob.objects.get()
    staff = factories.UserFactory(kind="platform", organisation=None, is_staff=True, username="ops")
    client.force_login(staff)
    assert client.get(reverse("batch:detail", args=[job.pk])).status_code == 200


def test_user_without_manage_staff_gets_403(client, member_a):
    client.force_login(member_a)
    assert client.get(reverse("batch:template", args=["staff"])).status_code == 403
    assert client.get(reverse("batch:import", args=["staff"])).status_code == 403
    assert client.post(reverse("batch:import", args=["staff"]), {"file": ""}).status_code == 403
    assert client.post(reverse("batch:export", args=["staff"])).status_code == 403
    assert not BatchJob.objects.exists()


def test_unknown_spec_is_404(signed_in):
    assert signed_in.get(reverse("batch:import", args=["nothing"])).status_code == 404
    assert signed_in.get(reverse("batch:template", args=["nothing"])).status_code == 404


def test_failed_download_is_404_when_nothing_failed(post_import, signed_in):
    post_import(signed_in, xlsx_bytes(one_row()))
    job = BatchJob.objects.get()
    assert signed_in.get(reverse("batch:download_failed", args=[job.pk])).status_code == 404


OUTCOMES = [
    # (created, failed, badge outcome, badge text): the statuses the import engine stores for these counts
    (3, 0, "succeeded", "已完成"),
    (2, 1, "partial", "部分失败"),
    (0, 3, "all_failed", "全部失败"),
]


@pytest.mark.parametrize(("created", "failed", "outcome", "label"), OUTCOMES, ids=[o[2] for o in OUTCOMES])
def test_an_import_whose_rows_failed_is_not_a_green_success(signed_in, admin_a, created, failed, outcome, label):
    from django.utils import timezone

    status = {"succeeded": JobStatus.SUCCEEDED, "partial": JobStatus.PARTLY_FAILED,
              "all_failed": JobStatus.ROWS_FAILED}[outcome]
    job = BatchJob.objects.create(
        kind="import", spec="staff", owner=admin_a, organisation=admin_a.organisation, status=status,
        created_at=timezone.now(), total_rows=created + failed, processed_rows=created + failed,
        created_rows=created, failed_rows=failed)
    css = {"succeeded": "bg-success", "partial": "bg-warning text-dark", "all_failed": "bg-danger"}[outcome]
    badge = f'<span class="badge {css}" data-testid="job-status" data-outcome="{outcome}">{label}</span>'
    assert badge in signed_in.get(reverse("batch:list")).content.decode()
    detail = signed_in.get(reverse("batch:detail", args=[job.pk])).content.decode()
    assert badge in detail
    assert ('data-testid="job-outcome"' in detail) is (outcome != "succeeded")
    if outcome == "all_failed":
        assert "所有数据行均导入失败，未保存任何数据" in detail
        assert "bg-success" not in detail
