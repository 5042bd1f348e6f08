"""导入导出 through the API: staff rows imported as JSON (the same job, reader and form as an uploaded file), an
export, and the task centre's jobs, failed rows and files."""

import datetime
from urllib.parse import urlencode

import pytest

from batch.models import BatchJob, JobKind, JobStatus
from organisations.models import StaffMember
from tests import factories
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
IMPORT = "/api/v1/imports/staff/"


@pytest.fixture
def run_jobs(django_capture_on_commit_callbacks):
    """Run the jobs a request enqueued (the tests' ImmediateBackend runs them inline after commit)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def id_number(index: int) -> str:
    birth = datetime.date(1980, 1, 1) + datetime.timedelta(days=index // 900)
    return factories.make_id_number(birth.strftime("%Y%m%d"), seq=index % 900 + 1)


def import_rows(client, user, rows, scopes=None, **extra):
    return client.post(IMPORT, {"rows": rows, **extra}, content_type="application/json",
                       **auth(token_for(user, scopes=scopes)))


def test_a_thousand_staff_rows_are_imported_and_read_back(client, admin_a, enterprise_a, run_jobs):
    rows = [{"姓名": f"员工{index:04d}", "身份证号": id_number(index),
             "department_name": "技术部", "月工资（元）": 5000 + index, "学历": "bachelor"} for index in range(1000)]
    response = run_jobs(lambda: import_rows(client, admin_a, rows))
    assert response.status_code == 202, response.json()
    assert (response.json()["kind"], response.json()["spec"]) == ("import", "staff")
    headers = auth(token_for(admin_a))
    job = client.get(f"/api/v1/jobs/{response.json()['id']}/", **headers).json()
    assert (job["status"], job["total_rows"], job["created_rows"], job["failed_rows"]) == ("succeeded", 1000, 1000, 0)
    seen, url = [], "/api/v1/staff/?" + urlencode({"page_size": 200, "department": "技术部"})
    while url:
        page = client.get(url, **headers).json()
        seen += page["results"]
        url = page["next"]
    assert len(seen) == 1000
    by_name = {row["name"]: row for row in seen}
    assert (by_name["员工0999"]["id_number"], by_name["员工0999"]["monthly_wage"], by_name["员工0999"]["education"]) \
        == (id_number(999), "5999.00", "bachelor")
    assert StaffMember.objects.filter(organisation=enterprise_a).count() == 1000


def test_refused_rows_are_the_jobs_failed_rows(client, admin_a, run_jobs):
    rows = [{"name": "好人", "id_number": id_number(1)},
            {"name": "坏号", "id_number": "41010519900307123"},
            {"name": "", "id_number": id_number(2)},
            {"name": "数字", "id_number": 41010519900307123}]
    started = run_jobs(lambda: import_rows(client, admin_a, rows)).json()
    headers = auth(token_for(admin_a))
    job = client.get(f"/api/v1/jobs/{started['id']}/", **headers).json()
    assert (job["status"], job["created_rows"], job["failed_rows"]) == ("partly_failed", 1, 3)
    errors = client.get(f"/api/v1/jobs/{job['id']}/errors/", **headers).json()["results"]
    assert [error["row_number"] for error in errors] == [3, 4, 5]
    assert "姓名" in errors[1]["message"] and "身份证号" in errors[0]["message"]
    source = client.get(f"/api/v1/jobs/{job['id']}/file/", **headers)
    assert source.status_code == 200
    assert source["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert b"".join(source.streaming_content)[:2] == b"PK"


def test_the_rows_are_bounded_and_must_name_known_columns(client, admin_a):
    too_many = import_rows(client, admin_a, [{"姓名": "某"}] * 10_001)
    assert too_many.status_code == 400
    assert too_many.json()["message"] == "一次最多导入 10000 行，当前为 10001 行，请分批提交"
    unknown = import_rows(client, admin_a, [{"姓名": "某", "工号": "7"}])
    assert (unknown.status_code, unknown.json()["field"]) == (400, "rows[0].工号")
    nested = import_rows(client, admin_a, [{"姓名": {"x": 1}}])
    assert (nested.status_code, nested.json()["field"]) == (400, "rows[0].姓名")
    assert import_rows(client, admin_a, []).json()["field"] == "rows"
    assert not BatchJob.objects.exists()


def test_who_may_import(client, admin_a, member_a, outsider):
    no_scope = import_rows(client, admin_a, [{"姓名": "某"}], scopes=["organisations:read"])
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    assert import_rows(client, member_a, [{"姓名": "某"}]).status_code == 403
    client.force_login(outsider)
    assert client.post(IMPORT, {"rows": [{"姓名": "某"}]}, content_type="application/json").status_code == 403
    assert client.post("/api/v1/imports/nothing/", {"rows": [{"a": 1}]}, content_type="application/json",
                       **auth(token_for(admin_a))).status_code == 404
    assert not BatchJob.objects.exists()


def test_the_businesses_follow_the_keys_scopes(client, admin_a, member_a):
    specs = client.get("/api/v1/imports/", **auth(token_for(admin_a))).json()
    staff = next(spec for spec in specs if spec["key"] == "staff")
    assert staff["label"] == "人员信息导入" and staff["needs_parent"] is False
    assert staff["columns"][0] == {"header": "姓名", "field_name": "name", "required": True, "choices": [],
                                   "help_text": ""}
    assert {"value": "male", "label": "男"} in staff["columns"][2]["choices"]
    read_only = client.get("/api/v1/imports/", **auth(token_for(admin_a, scopes=["organisations:read"]))).json()
    assert "staff" not in [spec["key"] for spec in read_only]
    assert "staff" not in [spec["key"] for spec in client.get("/api/v1/imports/", **auth(token_for(member_a))).json()]
    exports = client.get("/api/v1/exports/", **auth(token_for(admin_a, scopes=["organisations:read"]))).json()
    assert {"key": "staff", "label": "人员信息导出"} in exports


def test_an_export_of_the_filtered_list(client, admin_a, enterprise_a, run_jobs):
    for seq, name in enumerate(("赵一", "钱二")):
        StaffMember.objects.create(organisation=enterprise_a, name=name, gender="male", birth_date=datetime.date(
            1999, 3, 7), id_number=factories.make_id_number(seq=300 + seq))
    response = run_jobs(lambda: client.post("/api/v1/exports/staff/", {"params": {"name": "赵"}},
                                            content_type="application/json", **auth(token_for(admin_a))))
    assert response.status_code == 202, response.json()
    job = client.get(f"/api/v1/jobs/{response.json()['id']}/", **auth(token_for(admin_a))).json()
    assert (job["kind"], job["status"], job["params"], job["total_rows"]) == ("export", "succeeded", {"name": "赵"}, 1)
    file = client.get(f"/api/v1/jobs/{job['id']}/file/", **auth(token_for(admin_a)))
    assert file.status_code == 200 and b"".join(file.streaming_content)[:2] == b"PK"
    bad = client.post("/api/v1/exports/staff/", {"params": {"name": {"x": 1}}}, content_type="application/json",
                      **auth(token_for(admin_a)))
    assert (bad.status_code, bad.json()["field"]) == (400, "params")
    no_scope = client.post("/api/v1/exports/staff/", {}, content_type="application/json",
                           **auth(token_for(admin_a, scopes=["organisations:write"])))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")


def test_jobs_are_the_callers_own(client, admin_a, admin_b, staff_manager_a):
    job = BatchJob.objects.create(kind=JobKind.EXPORT, spec="staff", status=JobStatus.QUEUED, owner=admin_a,
                                  organisation=admin_a.organisation, created_at=datetime.datetime.now(datetime.UTC))
    headers = auth(token_for(admin_a))
    assert [row["id"] for row in client.get("/api/v1/jobs/", **headers).json()["results"]] == [job.pk]
    assert client.get("/api/v1/jobs/?status=failed", **headers).json()["results"] == []
    assert client.get("/api/v1/jobs/?status=nothing", **headers).status_code == 400
    for other in (admin_b, staff_manager_a):
        assert client.get(f"/api/v1/jobs/{job.pk}/", **auth(token_for(other))).status_code == 404
        assert client.get("/api/v1/jobs/", **auth(token_for(other))).json()["results"] == []
    no_scope = client.get(f"/api/v1/jobs/{job.pk}/", **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    assert client.get("/api/v1/jobs/", **auth(token_for(admin_a, scopes=["traineeships:read"]))).json()[
        "results"] == []
    assert client.get(f"/api/v1/jobs/{job.pk}/file/", **headers).status_code == 404  # not finished
