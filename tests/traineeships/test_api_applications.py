"""报名 through /api/v1/traineeships/: the young person applies, lists and withdraws by session; the unit lists,
approves, rejects (with a reason) and releases with a key; others get 404/403."""

import pytest

from organisations.models import Role
from tests import factories
from tests.api.keys import auth, token_for
from tests.traineeships.test_applications import make_trainee, posts  # noqa: F401 (fixture)
from traineeships.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db
MINE = "/api/v1/traineeships/my/applications/"
UNIT = "/api/v1/traineeships/applications/"


@pytest.fixture
def trainee(db):
    return make_trainee()


def test_the_young_person_applies_lists_and_withdraws(client, trainee, posts):  # noqa: F811
    client.force_login(trainee)
    applied = client.post(MINE, {"post": posts["java"].pk}, content_type="application/json")
    assert applied.status_code == 201, applied.json()
    application = Application.objects.get(person=trainee)
    assert applied.json()["status"] == ApplicationStatus.PENDING
    assert applied.json()["post"] == {"id": posts["java"].pk, "title": "Java开发见习生", "unit_name": "甲企业有限公司"}
    second = client.post(MINE, {"post": posts["sales"].pk}, content_type="application/json")
    assert second.status_code == 400
    assert [row["id"] for row in client.get(MINE).json()["results"]] == [application.pk]
    withdrawn = client.post(f"{MINE}{application.pk}/withdraw/", {}, content_type="application/json")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == ApplicationStatus.WITHDRAWN
    again = client.post(f"{MINE}{application.pk}/withdraw/", {}, content_type="application/json")
    assert again.status_code == 400
    assert again.json()["message"] == "只有待审核的报名可以撤销（当前：已撤销报名）"


def test_applying_needs_a_published_post(client, trainee, posts):  # noqa: F811
    client.force_login(trainee)
    missing = client.post(MINE, {}, content_type="application/json")
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "post"
    assert client.post(MINE, {"post": 999999}, content_type="application/json").status_code == 404
    assert not Application.objects.exists()


def test_a_person_sees_only_their_own_applications(client, trainee, posts):  # noqa: F811
    other = make_trainee(name="李另一", number=factories.make_id_number("20030303"), mobile="13700002222")
    theirs = Application.objects.create(person=other, post=posts["java"], applied_at=posts["java"].created_at)
    client.force_login(trainee)
    assert client.get(f"{MINE}{theirs.pk}/").status_code == 404
    assert client.post(f"{MINE}{theirs.pk}/withdraw/", {}, content_type="application/json").status_code == 404
    assert client.get(MINE).json()["results"] == []


def test_a_person_without_the_programme_profile_is_refused(client, posts):  # noqa: F811
    client.force_login(factories.individual(username="stranger", real_name="路人"))
    response = client.get(MINE)
    assert response.status_code == 403
    assert response.json()["message"] == "请先通过就业见习登录入口核验姓名和身份证号"


@pytest.fixture
def pending(trainee, posts):  # noqa: F811
    from traineeships.services import applications as services

    return services.apply(actor=trainee, post=posts["java"])


def test_the_unit_lists_filters_and_decides(client, pending, posts, admin_a, trainee):  # noqa: F811
    headers = auth(token_for(admin_a))
    listed = client.get(UNIT, {"post": posts["java"].pk, "status": "pending"}, **headers).json()["results"]
    assert [row["id"] for row in listed] == [pending.pk]
    assert listed[0]["person_name"] == "王小青" and listed[0]["person_id_number"] == trainee.id_number
    assert client.get(UNIT, {"status": "approved"}, **headers).json()["results"] == []
    bad = client.get(UNIT, {"post": posts["sales"].pk}, **headers)  # another unit's post is not a choice
    assert bad.status_code == 400 and bad.json()["errors"][0]["message"] == "请选择本单位的岗位"
    no_reason = client.post(f"{UNIT}{pending.pk}/decide/", {"decision": "reject"}, content_type="application/json",
                            **headers)
    assert no_reason.status_code == 400
    assert [(e["field"], e["message"]) for e in no_reason.json()["errors"]] == [("reason", "请填写不通过原因")]
    approved = client.post(f"{UNIT}{pending.pk}/decide/", {"decision": "approve"}, content_type="application/json",
                           **headers)
    assert approved.status_code == 200 and approved.json()["status"] == ApplicationStatus.APPROVED
    released = client.post(f"{UNIT}{pending.pk}/release/", {"reason": "岗位调整"}, content_type="application/json",
                           **headers)
    assert released.status_code == 200 and released.json()["status"] == ApplicationStatus.RELEASED
    assert released.json()["close_reason"] == "岗位调整"


def test_others_cannot_read_or_decide(client, pending, admin_b, county_reviewer_a, enterprise_a):
    url = f"{UNIT}{pending.pk}/"
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404
    assert client.post(f"{url}decide/", {"decision": "approve"}, content_type="application/json",
                       **auth(token_for(admin_b))).status_code == 404
    assert client.get(url, **auth(token_for(county_reviewer_a))).status_code == 403
    clerk = factories.UserFactory(organisation=enterprise_a, username="clerk_apps", real_name="查看员")
    clerk.roles.add(Role.objects.create(organisation=enterprise_a, name="查看员", permissions=[]))
    assert client.get(UNIT, **auth(token_for(clerk))).status_code == 403
    denied = client.post(f"{url}decide/", {"decision": "approve"}, content_type="application/json",
                         **auth(token_for(clerk)))
    assert denied.status_code == 403
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.PENDING


def test_identifiers_are_masked_without_view_personal_data(client, pending, enterprise_a, trainee):
    clerk = factories.UserFactory(organisation=enterprise_a, username="clerk_mask", real_name="审核员")
    clerk.roles.add(Role.objects.create(organisation=enterprise_a, name="报名审核员",
                                        permissions=["traineeships.manage_base"]))
    row = client.get(f"{UNIT}{pending.pk}/", **auth(token_for(clerk))).json()
    assert row["person_id_number"] == f"{trainee.id_number[:4]}**********{trainee.id_number[-4:]}"
    assert row["person_mobile"] == "137****1111"
