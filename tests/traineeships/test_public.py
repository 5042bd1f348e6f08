"""The public post search (manual 002 §十六), without signing in."""

import pytest
from django.urls import reverse

from tests.traineeships.helpers import approve, create_post, published_post
from traineeships.models import Education

LIST = reverse("traineeships:public_posts")


@pytest.fixture
def posts(base_a, base_b, admin_a, admin_b, county_reviewer_a, county_reviewer_b, city_reviewer):
    a_reviewers = [county_reviewer_a, city_reviewer]
    return {
        "a_java": published_post(base_a.organisation, admin_a, a_reviewers, city_reviewer, title="Java开发见习生"),
        "a_account": published_post(base_a.organisation, admin_a, a_reviewers, city_reviewer, title="会计见习生",
                                    education=Education.JUNIOR_COLLEGE),
        "b_sales": published_post(base_b.organisation, admin_b, [county_reviewer_b, city_reviewer], city_reviewer,
                                  title="销售见习生", work_region_code="410103"),
        "pending": create_post(base_a.organisation, admin_a, title="待审核岗位"),
        "approved": approve(create_post(base_a.organisation, admin_a, title="未发布岗位"), *a_reviewers),
    }


def shown(response) -> set[str]:
    html = response.content.decode()
    return {title for title in ("Java开发见习生", "会计见习生", "销售见习生", "待审核岗位", "未发布岗位", "已撤销岗位")
            if title in html}


@pytest.mark.django_db
def test_anonymous_sees_only_published_posts_and_filters(client, posts, city_reviewer):
    from traineeships.services.posts import change_publication

    change_publication(post_ids=[posts["a_account"].pk], actor=city_reviewer, publish=False)
    response = client.get(LIST)
    assert response.status_code == 200
    assert shown(response) == {"Java开发见习生", "销售见习生"}
    assert shown(client.get(LIST, {"city": "410100", "county": "410103"})) == {"销售见习生"}
    assert shown(client.get(LIST, {"q": "乙企业"})) == {"销售见习生"}
    assert shown(client.get(LIST, {"q": "Java"})) == {"Java开发见习生"}
    assert shown(client.get(LIST, {"education": Education.BACHELOR, "city": "410100"})) == {"Java开发见习生",
                                                                                           "销售见习生"}
    assert shown(client.get(LIST, {"province": "410000"})) == {"Java开发见习生", "销售见习生"}
    assert client.get(reverse("traineeships:public_post", args=[posts["a_account"].pk])).status_code == 404
    assert client.get(reverse("traineeships:public_post", args=[posts["pending"].pk])).status_code == 404
    assert client.get(reverse("traineeships:public_post", args=[posts["approved"].pk])).status_code == 404


@pytest.mark.django_db
def test_city_and_county_selects_cascade(client, posts):
    page = client.get(LIST, {"city": "410100"}).content.decode()
    # The province follows from the city; the county select offers the city's counties.
    assert '<option value="410000" selected>河南省</option>' in page
    assert '<option value="410105">金水区</option>' in page
    options = client.get(reverse("traineeships:public_regions"), {"from": "city", "city": "410100"}).content.decode()
    assert '<option value="410105">金水区</option>' in options and "河南省" not in options
    reset = client.get(reverse("traineeships:public_regions"),
                       {"from": "province", "province": "410000", "reset": "id_county"}).content.decode()
    assert '<option value="410100">郑州市</option>' in reset and 'id="id_county" hx-swap-oob="innerHTML"' in reset
    invalid = client.get(LIST, {"city": "410100", "county": "410202"})
    assert 'data-field-error="county"' in invalid.content.decode() and shown(invalid) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("query, reason", [
    ({"from": "city", "city": "41010"}, "地区代码应为6位数字"),
    ({"from": "city", "city": "４１０１００"}, "地区代码应为6位数字"),
    ({"from": "province", "province": "410000", "reset": "id_county\" onclick=\"x"}, "要清空的下拉框标识不正确"),
    ({"from": "<select>", "city": "410100"}, "上级下拉框名称不正确"),
])
def test_region_options_refuse_a_malformed_query_with_the_reason(client, query, reason):
    response = client.get(reverse("traineeships:public_regions"), query)
    assert response.status_code == 400 and response.content.decode() == reason
    assert "max-age" not in response.get("Cache-Control", "")
    # 请选择 again (a blank code) or a code with no children: the placeholder alone, cacheable for a day.
    for blank in ({"from": "city", "city": ""}, {"from": "city", "city": "410105"}):
        options = client.get(reverse("traineeships:public_regions"), blank)
        assert options.status_code == 200 and options.content.decode().strip() == '<option value="">全部</option>'
        assert "max-age=86400" in options["Cache-Control"]


@pytest.mark.django_db
def test_detail_back_link_returns_to_the_same_filtered_page(client, posts):
    response = client.get(LIST, {"city": "410100", "county": "410105", "q": "见习", "page": "1"})
    post = posts["a_java"]
    link = f'{reverse("traineeships:public_post", args=[post.pk])}?province=410000&amp;city=410100&amp;county=410105' \
           f'&amp;q=%E8%A7%81%E4%B9%A0&amp;page=1'
    assert link in response.content.decode()
    detail = client.get(link.replace("&amp;", "&"))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Java开发见习生" in html and "郑州市金水区文化路1号" in html
    assert (f'href="{LIST}?province=410000&amp;city=410100&amp;county=410105&amp;q=%E8%A7%81%E4%B9%A0&amp;page=1"'
            ' data-testid="back-link"') in html
    # Parameters the list does not know are not carried back.
    odd = client.get(reverse("traineeships:public_post", args=[post.pk]), {"city": "410100", "evil": "<x>"})
    assert f'href="{LIST}?province=410000&amp;city=410100" data-testid="back-link"' in odd.content.decode()
    # A page that is no plain number (a superscript two is a digit to str.isdigit) is not carried back either.
    for page in ("²", "１", "1" * 7, "-1"):
        odd = client.get(reverse("traineeships:public_post", args=[post.pk]), {"city": "410100", "page": page})
        assert f'href="{LIST}?province=410000&amp;city=410100" data-testid="back-link"' in odd.content.decode()


@pytest.mark.django_db
def test_pages_are_twenty_newest_first(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    created = [
        published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer,
                       title=f"岗位{number:02d}")
        for number in range(21)
    ]
    first = client.get(LIST).content.decode()
    assert first.index("岗位20") < first.index("岗位19")
    assert "岗位00" not in first and "第 1 / 2 页，共 21 条" in first
    second = client.get(LIST, {"page": "2"}).content.decode()
    assert "岗位00" in second and f'data-post="{created[1].pk}"' not in second
