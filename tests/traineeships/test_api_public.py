"""公开岗位, 感兴趣 and 见习意向 through /api/v1/traineeships/: any signed-in caller searches the published posts
with the public page's filters and reads one; the young person marks 感兴趣 and fills in the 见习意向表 by session;
others are refused as the screens refuse them."""

import pytest

from audit.models import AuditEntry
from tests import factories
from tests.api.keys import auth, token_for
from tests.traineeships.test_applications import make_trainee, posts  # noqa: F401 (fixture)
from tests.traineeships.test_individual_intention import GRADUATE_ID, YOUTH_EXTRA, YOUTH_ID, enter
from traineeships.models import GraduateRecord, PostInterest, PostStatus, TraineeKind

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/traineeships/public/posts/"
INTENTION = "/api/v1/traineeships/my/intention/"


def titles(response):
    assert response.status_code == 200, response.json()
    return [row["title"] for row in response.json()["results"]]


def test_any_signed_in_caller_searches_with_the_public_filters(client, posts, admin_b, county_reviewer_a):  # noqa: F811
    headers = auth(token_for(admin_b))
    assert titles(client.get(PUBLIC, **headers)) == ["销售见习生", "会计见习生", "Java开发见习生"]
    assert titles(client.get(PUBLIC, {"county": "410103", "city": "410100"}, **headers)) == ["销售见习生"]
    assert titles(client.get(PUBLIC, {"q": "会计"}, **headers)) == ["会计见习生"]
    assert titles(client.get(PUBLIC, {"q": "甲企业"}, **headers)) == ["会计见习生", "Java开发见习生"]
    assert titles(client.get(PUBLIC, {"city": "410100", "q": "Java"}, **auth(token_for(county_reviewer_a)))) == [
        "Java开发见习生"]
    row = client.get(PUBLIC, {"q": "Java"}, **headers).json()["results"][0]
    assert (row["unit_name"], row["work_region_name"], row["interested"]) == ("甲企业有限公司", "金水区", False)


def test_a_refused_filter_is_a_400_and_nothing_is_listed(client, posts, admin_b):  # noqa: F811
    response = client.get(PUBLIC, {"county": "999999"}, **auth(token_for(admin_b)))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "county"
    assert client.get(PUBLIC, {"education": "phd-ish"}, **auth(token_for(admin_b))).status_code == 400


def test_only_published_posts_are_public(client, posts, admin_a):  # noqa: F811
    headers = auth(token_for(admin_a))
    detail = client.get(f"{PUBLIC}{posts['java'].pk}/", **headers)
    assert detail.status_code == 200
    assert (detail.json()["title"], detail.json()["work_region_full_name"]) == ("Java开发见习生",
                                                                               posts["java"].work_region.full_name)
    posts["java"].status = PostStatus.UNPUBLISHED
    posts["java"].save(update_fields=["status"])
    assert client.get(f"{PUBLIC}{posts['java'].pk}/", **headers).status_code == 404
    assert "Java开发见习生" not in titles(client.get(PUBLIC, **headers))
    assert client.get(PUBLIC).status_code == 401  # the API always needs a key or a session


def test_the_young_person_marks_and_unmarks_interest(client, posts):  # noqa: F811
    trainee = make_trainee()
    client.force_login(trainee)
    url = f"{PUBLIC}{posts['java'].pk}/interest/"
    marked = client.post(url, {"interested": True}, content_type="application/json")
    assert marked.status_code == 200 and marked.json() == {"post_id": posts["java"].pk, "interested": True}
    assert list(PostInterest.objects.values_list("person_id", "post_id")) == [(trainee.pk, posts["java"].pk)]
    assert client.get(f"{PUBLIC}{posts['java'].pk}/").json()["interested"] is True
    flags = {row["title"]: row["interested"] for row in client.get(PUBLIC).json()["results"]}
    assert flags == {"销售见习生": False, "会计见习生": False, "Java开发见习生": True}
    unmarked = client.post(url, {"interested": False}, content_type="application/json")
    assert unmarked.json() == {"post_id": posts["java"].pk, "interested": False}
    assert not PostInterest.objects.exists()
    assert list(AuditEntry.objects.filter(actor=trainee, action__startswith="traineeships.interest").order_by(
        "id").values_list("action", flat=True)) == ["traineeships.interest_added", "traineeships.interest_removed"]


def test_interest_is_for_the_young_person_on_a_published_post(client, posts, admin_a):  # noqa: F811
    url = f"{PUBLIC}{posts['java'].pk}/interest/"
    refused = client.post(url, {"interested": True}, content_type="application/json", **auth(token_for(admin_a)))
    assert refused.status_code == 403
    client.force_login(factories.individual(username="stranger", real_name="路人"))
    refused = client.post(url, {"interested": True}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json()["message"] == "请先通过就业见习登录入口核验姓名和身份证号"
    client.force_login(make_trainee())
    posts["java"].status = PostStatus.UNPUBLISHED
    posts["java"].save(update_fields=["status"])
    assert client.post(url, {"interested": True}, content_type="application/json").status_code == 404
    assert not PostInterest.objects.exists()


def intention_body(**overrides):
    body = {"household_region": "410105", "address": "郑州市金水区花园路8号", "email": "qing@example.com",
            "contact_mobile": "13700002222", "intended_region": "410100", "intended_post": "软件测试",
            "intended_industry": "信息技术", "intention_note": "希望在郑州市区"}
    body.update(overrides)
    return body


def test_a_young_job_seeker_submits_the_intention_form(client):
    person = enter("王小青", YOUTH_ID, TraineeKind.YOUTH)
    client.force_login(person)
    before = client.get(INTENTION).json()
    assert (before["kind"], before["intention_submitted_at"], before["contact_mobile"]) == ("youth", None, "")
    missing = client.put(INTENTION, intention_body(), content_type="application/json")
    assert missing.status_code == 400
    assert {error["field"] for error in missing.json()["errors"]} == {
        "education", "id_document_type", "id_issuing_authority", "id_valid_from", "id_valid_to"}
    person.trainee_profile.refresh_from_db()
    assert person.trainee_profile.intention_submitted_at is None
    saved = client.put(INTENTION, intention_body(**YOUTH_EXTRA), content_type="application/json")
    assert saved.status_code == 200, saved.json()
    body = saved.json()
    assert (body["household_region_id"], body["intended_region_id"], body["education"], body["id_valid_to"]) == (
        "410105", "410100", "secondary", "2030-01-01")
    assert body["contact_mobile"] == "13700002222" and body["intention_submitted_at"] is not None
    assert AuditEntry.objects.filter(action="traineeships.intention_submitted", actor=person).count() == 1


def test_a_graduate_cannot_overwrite_the_register(client):
    graduate = GraduateRecord.objects.create(name="李毕业", id_number=GRADUATE_ID, school="郑州大学",
                                             major="会计学", education="bachelor", graduation_year=2024)
    person = enter("李毕业", GRADUATE_ID, TraineeKind.GRADUATE, graduate=graduate)
    client.force_login(person)
    saved = client.put(INTENTION, intention_body(education="doctor", major="伪造"), content_type="application/json")
    assert saved.status_code == 200, saved.json()
    assert (saved.json()["education"], saved.json()["major"]) == ("bachelor", "会计学")


def test_only_the_young_person_has_an_intention_form(client, admin_a):
    assert client.get(INTENTION, **auth(token_for(admin_a))).status_code == 403
    client.force_login(factories.individual(username="stranger", real_name="路人"))
    assert client.get(INTENTION).status_code == 403
    client.logout()
    assert client.put(INTENTION, intention_body(), content_type="application/json").status_code == 401
