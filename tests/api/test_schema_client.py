"""A client that knows nothing but the published schema: it reads /api/schema/, finds each operation by its
operationId, builds the URL from the path template and takes the method from the schema, and talks plain HTTP to a
live server with a key (not Django's test client). It files a 见习基地 (save, upload the two files, submit under
If-Match), then imports 1,000 staff rows as JSON, reads the job's result and pages through the staff list.

The import part needs the foundation's routes (operationIds imports_start/imports_create, jobs_retrieve,
staff_list); it is skipped, saying so, while the schema does not offer them."""

import datetime
import time

import pytest
import requests

from core.identifiers import id_check_char
from tests.api.keys import token_for
from tests.attachments.files import image_bytes, pdf_bytes
from tests.traineeships.helpers import give_licence

pytestmark = pytest.mark.django_db(transaction=True)
METHODS = ("get", "put", "post", "patch", "delete")
IMPORT_OPERATIONS = ("imports_start", "imports_create")  # the foundation's name, and the one the brief gave


class SchemaClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"
        response = requests.get(f"{self.base_url}/api/schema/", params={"format": "json"}, timeout=60)
        response.raise_for_status()
        self.schema = response.json()
        self.operations = {operation["operationId"]: (method.upper(), path, operation)
                           for path, item in self.schema["paths"].items()
                           for method, operation in item.items() if method in METHODS}

    def has(self, operation_id: str) -> bool:
        return operation_id in self.operations

    def path_parameter(self, operation_id: str, name: str) -> dict:
        _method, _path, operation = self.operations[operation_id]
        return next(parameter for parameter in operation.get("parameters", [])
                    if parameter["in"] == "path" and parameter["name"] == name)

    def call(self, operation_id: str, *, path=None, headers=None, **kwargs) -> requests.Response:
        method, template, _operation = self.operations[operation_id]
        url = self.base_url + template.format(**(path or {}))
        return self.http.request(method, url, headers=headers or {}, timeout=120, **kwargs)

    def call_url(self, url: str) -> requests.Response:
        """A `next` link of a cursor page (the schema names it a URL)."""
        return self.http.get(url, timeout=120)


def _base_body(organisation_name: str) -> dict:
    return {"level": "county", "introduction": "主营软件开发，员工120人。", "mentor_team": "指导老师5名。",
            "bank_account_name": organisation_name, "bank_name": "工商银行郑州文化路支行",
            "bank_account_number": "6222020200112233445",
            "major_demands": [{"year": 2025, "major": "会计", "headcount": 3}]}


def test_a_schema_only_client_files_a_traineeship_base(live_server, admin_a, enterprise_a, county_reviewer_a,
                                                      city_reviewer):
    give_licence(enterprise_a, admin_a)
    client = SchemaClient(live_server.url, token_for(admin_a, scopes=["traineeships:read", "traineeships:write",
                                                                     "organisations:read"]))
    me = client.call("me")
    assert me.status_code == 200 and me.json()["organisation_id"] == enterprise_a.pk

    saved = client.call("traineeships_own_base_save", json=_base_body(enterprise_a.name))
    assert saved.status_code == 200, saved.text
    assert saved.json()["status"] == "draft"

    slots = ("rules_file", "certificate_file")
    enum = client.path_parameter("traineeships_own_base_upload", "slot")["schema"].get("enum")
    assert enum is None or set(slots) <= set(enum)
    files = {"rules_file": ("管理制度.pdf", pdf_bytes(), "application/pdf"),
             "certificate_file": ("证件.png", image_bytes("PNG"), "image/png")}
    for slot in slots:
        uploaded = client.call("traineeships_own_base_upload", path={"slot": slot}, files={"file": files[slot]})
        assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["missing_files"] == []

    read = client.call("traineeships_own_base_retrieve")
    assert read.status_code == 200 and read.headers["ETag"]
    without = client.call("traineeships_own_base_submit", json=_base_body(enterprise_a.name))
    assert without.status_code == 428 and without.json()["code"] == "if_match_required"
    submitted = client.call("traineeships_own_base_submit", json=_base_body(enterprise_a.name),
                            headers={"If-Match": read.headers["ETag"]})
    assert submitted.status_code == 200, submitted.text
    assert submitted.json()["status"] == "pending"


def _staff_rows(count: int) -> list[dict]:
    rows = []
    for index in range(count):
        birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=index)
        first17 = f"410105{birth:%Y%m%d}{index % 997 + 1:03d}"
        rows.append({"name": f"导入员工{index:04d}", "id_number": first17 + id_check_char(first17),
                     # the ID number's 17th digit says the gender (odd: male), and the form checks it
                     "gender": "male" if int(first17[16]) % 2 else "female", "department_name": "技术部"})
    return rows


def test_a_schema_only_client_imports_1000_staff_and_reads_them_back(live_server, admin_a):
    client = SchemaClient(live_server.url, token_for(admin_a, scopes=["organisations:read", "organisations:write"]))
    import_operation = next((name for name in IMPORT_OPERATIONS if client.has(name)), None)
    if import_operation is None or not client.has("jobs_retrieve") or not client.has("staff_list"):
        pytest.skip("the schema has no JSON import / job / staff list operations yet (the foundation's routes)")

    rows = _staff_rows(1000)
    started = client.call(import_operation, path={"spec_key": "staff"}, json={"rows": rows})
    assert started.status_code == 202, started.text
    job = started.json()
    deadline = time.monotonic() + 300
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.5)
        job = client.call("jobs_retrieve", path={"id": job["id"]}).json()
    if job["failed_rows"] and client.has("jobs_errors_list"):
        print(client.call("jobs_errors_list", path={"id": job["id"]}).text[:2000])
    assert (job["status"], job["total_rows"], job["created_rows"], job["failed_rows"]) == ("succeeded", 1000, 1000, 0)

    seen, pages = set(), 0
    page = client.call("staff_list", params={"page_size": 200})
    while True:
        assert page.status_code == 200, page.text
        body = page.json()
        seen |= {member["id_number"] for member in body["results"]}
        pages += 1
        if not body["next"]:
            break
        page = client.call_url(body["next"])
    assert seen == {row["id_number"] for row in rows}  # the administrator sees ID numbers whole
    assert pages == 5
