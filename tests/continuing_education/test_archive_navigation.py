"""The archive's menu entries: 培训档案 for units holding 培训档案 and departments, 我的培训档案 for a person the
programme knows (on a roster or with archived hours), 学时要求 for departments; each opens (200) for who sees it."""

import pytest

from core.navigation import navigation_for

pytestmark = pytest.mark.django_db
SECTION = "专业技术人员继续教育"
OURS = {"培训档案", "我的培训档案", "学时要求"}


def archive_entries(user) -> list[tuple[str, str]]:
    return [(item["label"], item["url"]) for section in navigation_for(user, "/") if section["label"] == SECTION
            for item in section["items"] if item["label"] in OURS]


@pytest.mark.parametrize(("persona", "labels"), [
    ("admin_a", ["培训档案"]), ("archivist_a", ["培训档案"]), ("trainer_a", []), ("member_a", []),
    ("pro_a", ["我的培训档案"]), ("pro_free", []), ("outsider", []),
    ("county_reviewer_a", ["培训档案", "学时要求"]), ("industry_reviewer", ["培训档案", "学时要求"]),
    ("province_reviewer", ["培训档案", "学时要求"]), ("education_reviewer", [])])
def test_who_is_offered_what_and_it_opens(client, request, persona, labels):
    user = request.getfixturevalue(persona)
    entries = archive_entries(user)
    assert [label for label, _url in entries] == labels
    client.force_login(user)
    for _label, url in entries:
        assert client.get(url).status_code == 200, url
