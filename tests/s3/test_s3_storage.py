"""FILE_STORAGE=s3 against a real S3-compatible server: attachments upload and download, an import and an
export keep their files in a private bucket. `.ci/run` starts moto's server on a loopback port and sets
PRAXIS_TEST_S3_ENDPOINT; without it these tests are skipped with a note."""

import io
import os
import runpy
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.urls import reverse

import praxis.settings as praxis_settings
from attachments import services as attachment_services
from batch.models import BatchJob, JobStatus
from tests.attachments.files import image_bytes, upload
from tests.batch.helpers import STAFF_HEADERS, id_number, read_rows, response_bytes, xlsx_bytes

pytestmark = pytest.mark.s3

ENDPOINT_VARIABLE = "PRAXIS_TEST_S3_ENDPOINT"


@pytest.fixture
def bucket(monkeypatch, settings):
    """A fresh private bucket, and the default storage built by praxis/settings.py from FILE_STORAGE=s3."""
    endpoint = os.environ.get(ENDPOINT_VARIABLE)
    if not endpoint:
        pytest.skip(f"no S3-compatible server: set {ENDPOINT_VARIABLE} (.ci/run starts moto_server)")
    name = f"praxis-test-{uuid.uuid4().hex[:12]}"
    environment = {"FILE_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": name, "AWS_S3_ENDPOINT_URL": endpoint,
                   "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                   "AWS_S3_REGION_NAME": "us-east-1"}
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    configured = runpy.run_path(praxis_settings.__file__)["STORAGES"]["default"]
    assert configured["BACKEND"] == "storages.backends.s3.S3Storage"
    client = boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing",
                          aws_secret_access_key="testing", region_name="us-east-1")
    client.create_bucket(Bucket=name)  # private: no ACL, no policy
    settings.STORAGES = {**settings.STORAGES, "default": configured}
    yield client, name
    for item in client.list_objects_v2(Bucket=name).get("Contents", []):
        client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)


def stored_keys(bucket) -> list[str]:
    client, name = bucket
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", []))


def object_bytes(bucket, key) -> bytes:
    client, name = bucket
    return client.get_object(Bucket=name, Key=key)["Body"].read()


def test_an_attachment_is_stored_in_the_bucket_and_downloaded_through_the_access_check(client, bucket, admin_a,
                                                                                       enterprise_a, admin_b):
    content = image_bytes("PNG")
    attachment = attachment_services.store_upload(
        purpose="business_licence", uploaded_file=upload("营业执照.png", content), actor=admin_a,
        owner_org=enterprise_a)
    assert stored_keys(bucket) == [attachment.file.name]
    assert object_bytes(bucket, attachment.file.name) == content
    # The bucket is private: the object cannot be fetched without signing, only through Praxis.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{os.environ[ENDPOINT_VARIABLE]}/{bucket[1]}/{attachment.file.name}")
    assert refused.value.code == 403
    client.force_login(admin_a)
    response = client.get(reverse("attachments:download", args=[attachment.pk]))
    assert (response.status_code, b"".join(response.streaming_content)) == (200, content)
    client.force_login(admin_b)
    assert client.get(reverse("attachments:download", args=[attachment.pk])).status_code == 404


def test_an_import_reads_its_upload_from_the_bucket_and_keeps_its_files_there(client, bucket, admin_a,
                                                                              post_import):
    rows = [["张伟", id_number("19900307", 123), "男", "13812345678", "技术部", "工程师", "", 6500],
            ["", id_number("19920512", 224), "", "", "", "", "", ""]]
    content = xlsx_bytes(rows)
    client.force_login(admin_a)
    post_import(client, content)
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 1)
    assert object_bytes(bucket, job.source_file.name) == content
    source = client.get(reverse("batch:download_source", args=[job.pk]))
    assert response_bytes(source) == content
    saved = client.get(reverse("batch:download_result", args=[job.pk]))
    assert read_rows(response_bytes(saved))[1][:2] == ["张伟", rows[0][1]]
    job.refresh_from_db()
    assert stored_keys(bucket) == sorted([job.source_file.name, job.result_file.name])


def test_an_export_is_written_to_the_bucket_and_downloaded(client, bucket, admin_a, run_on_commit):
    from organisations.models import StaffMember

    StaffMember.objects.create(organisation=admin_a.organisation, name="张伟", id_number=id_number("19900307", 123),
                               gender="male", birth_date="1990-03-07")
    client.force_login(admin_a)
    run_on_commit(lambda: client.post(reverse("batch:export", args=["staff"])))
    job = BatchJob.objects.get()
    assert job.status == JobStatus.SUCCEEDED
    assert stored_keys(bucket) == [job.result_file.name]
    download = client.get(reverse("batch:download_result", args=[job.pk]))
    rows = read_rows(response_bytes(download))
    assert rows[0][:2] == STAFF_HEADERS[:2] and rows[1][0] == "张伟"
    assert io.BytesIO(object_bytes(bucket, job.result_file.name)).read(2) == b"PK"
