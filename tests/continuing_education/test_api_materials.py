"""培训相关附件 of a class through /api/v1/continuing-education/: list, upload (multipart), delete while the
declaration is editable; and who may not."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from continuing_education.models import ClassMaterial, ClassStatus
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_hours import pdf_upload

pytestmark = pytest.mark.django_db
API = "/api/v1/continuing-education/"


def test_the_unit_uploads_and_deletes_a_material(client, admin_a):
    draft = ce.training_class(admin_a.organisation, by=admin_a)
    url = f"{API}classes/{draft.pk}/materials/"
    headers = auth(token_for(admin_a))
    uploaded = client.post(url, {"file": pdf_upload("课程表.pdf")}, **headers)
    assert uploaded.status_code == 201, uploaded.json()
    assert (uploaded.json()["name"], uploaded.json()["content_type"]) == ("课程表.pdf", "application/pdf")
    assert [row["id"] for row in client.get(url, **headers).json()["results"]] == [uploaded.json()["id"]]
    missing = client.post(url, {}, **headers)
    assert missing.status_code == 400 and missing.json()["field"] == "file"
    wrong = client.post(url, {"file": SimpleUploadedFile("x.exe", b"MZ\x90\x00", "application/octet-stream")},
                        **headers)
    assert wrong.status_code == 400 and wrong.json()["field"] == "file"
    assert client.delete(f"{API}materials/{uploaded.json()['id']}/", **headers).status_code == 204
    assert client.delete(f"{API}materials/{uploaded.json()['id']}/", **headers).status_code == 404
    assert not ClassMaterial.objects.exists()


def test_others_may_not_touch_the_materials(client, admin_a, admin_b, trainer_a):
    draft = ce.training_class(admin_a.organisation, by=admin_a)
    url = f"{API}classes/{draft.pk}/materials/"
    assert client.post(url, {"file": pdf_upload()}, **auth(token_for(admin_b))).status_code == 404  # another unit
    assert client.post(url, {"file": pdf_upload()}, **auth(token_for(trainer_a))).status_code == 403  # 培训管理 only
    headers = auth(token_for(admin_a))
    material_id = client.post(url, {"file": pdf_upload()}, **headers).json()["id"]
    assert client.delete(f"{API}materials/{material_id}/", **auth(token_for(admin_b))).status_code == 404
    read_only = auth(token_for(admin_a, scopes=["continuing_education:read"]))
    assert client.delete(f"{API}materials/{material_id}/", **read_only).json()["code"] == "scope_missing"
    draft.status = ClassStatus.PENDING
    draft.save(update_fields=["status"])
    assert client.post(url, {"file": pdf_upload()}, **headers).status_code == 409  # under review
    assert client.delete(f"{API}materials/{material_id}/", **headers).status_code == 409
    assert ClassMaterial.objects.count() == 1
