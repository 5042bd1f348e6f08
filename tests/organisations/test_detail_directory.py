"""An organisation's record (organisations:detail) and the government directory (单位名录)."""

import pytest
from django.urls import reverse

from accounts.models import User, UserKind
from organisations.models import Origin, VerificationStatus
from tests import factories


@pytest.mark.django_db
def test_detail_visible_to_members_jurisdiction_and_staff(client, enterprise_a, admin_a, member_a, county_reviewer_a,
                                                          city_reviewer, school_admin):
    enterprise_a.origin = Origin.PRE_REGISTERED
    enterprise_a.recommended_by = school_admin.organisation
    enterprise_a.save()
    url = reverse("organisations:detail", args=[enterprise_a.pk])
    staff = User.objects.create_user("platform_admin", "Staff#Pass2026", real_name="平台", kind=UserKind.PLATFORM,
                                     is_staff=True)
    for user in (admin_a, member_a, county_reviewer_a, city_reviewer, staff):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, user
    body = response.content.decode()
    assert 'data-testid="origin">推荐录入<' in body
    assert 'data-testid="recommender">郑州测试职业技术学院<' in body
    assert 'data-testid="verification-status">已认证' in body


@pytest.mark.django_db
def test_detail_hidden_from_others(client, enterprise_a, admin_b, county_reviewer_b, student):
    url = reverse("organisations:detail", args=[enterprise_a.pk])
    for user in (admin_b, county_reviewer_b, student):
        client.force_login(user)
        assert client.get(url).status_code == 404, user
    client.logout()
    assert client.get(url)["Location"].startswith(reverse("accounts:login"))
    client.force_login(admin_b)
    assert client.get(reverse("organisations:detail", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_directory_scoped_to_jurisdiction(client, enterprise_a, enterprise_b, county_reviewer_a, city_reviewer,
                                          province_reviewer):
    url = reverse("organisations:directory")
    client.force_login(county_reviewer_a)
    names = [unit.name for unit in client.get(url).context["object_list"]]
    assert names == ["甲企业有限公司"]
    client.force_login(city_reviewer)
    names = [unit.name for unit in client.get(url).context["object_list"]]
    assert sorted(names) == sorted(["甲企业有限公司", "乙企业有限公司"])
    assert "金水区人力资源和社会保障局" not in names  # government departments are not listed
    client.force_login(province_reviewer)
    assert len(client.get(url).context["object_list"]) == 2


@pytest.mark.django_db
def test_directory_filters(client, enterprise_a, city_reviewer):
    pending = factories.OrganisationFactory(name="待认证商贸公司", region=factories.region("410105"),
                                            verification_status=VerificationStatus.PENDING,
                                            origin=Origin.STUDENT_RECOMMENDED)
    url = reverse("organisations:directory")
    client.force_login(city_reviewer)
    assert [u.name for u in client.get(url, {"verification_status": "pending"}).context["object_list"]] == [
        "待认证商贸公司"]
    assert [u.name for u in client.get(url, {"origin": "student_recommended"}).context["object_list"]] == [
        "待认证商贸公司"]
    assert [u.name for u in client.get(url, {"name": "甲企业"}).context["object_list"]] == ["甲企业有限公司"]
    code = pending.credit_code.lower()
    assert [u.name for u in client.get(url, {"credit_code": code}).context["object_list"]] == ["待认证商贸公司"]
    assert list(client.get(url, {"kind": "school"}).context["object_list"]) == []


@pytest.mark.django_db
@pytest.mark.parametrize("query, field, message", [
    ("kind=zzz", "kind", "没有该单位类型，请从列表中选择"),
    ("verification_status=zzz", "verification_status", "没有该认证状态，请从列表中选择"),
    ("origin=zzz", "origin", "没有该来源，请从列表中选择"),
])
def test_a_malformed_directory_filter_is_its_message_and_nothing_listed_or_exported(
        client, django_capture_on_commit_callbacks, enterprise_a, city_reviewer, query, field, message):
    from batch.models import BatchJob, JobStatus
    from tests.batch.helpers import read_rows, response_bytes

    client.force_login(city_reviewer)
    response = client.get(reverse("organisations:directory") + f"?{query}")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()

    def export(query):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("batch:export", args=["directory"]) + f"?{query}")
        job = BatchJob.objects.latest("pk")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))[1:]

    assert export(query) == []
    assert [row[0] for row in export("name=甲企业")] == ["甲企业有限公司"]


@pytest.mark.django_db
def test_directory_denied_to_non_government(client, admin_a, member_a, student, school_admin):
    url = reverse("organisations:directory")
    for user in (admin_a, member_a, student, school_admin):
        client.force_login(user)
        assert client.get(url).status_code == 403
