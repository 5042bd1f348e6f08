"""HR departments: 报省厅备案 and 已备案基地, 岗位发布 several at once, unpublishing, and the region parameters."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEntry
from notifications.models import Notification
from reviews import services as review_services
from reviews.selectors import latest_review_for
from tests.traineeships.helpers import approve, create_post, submitted_base
from traineeships.models import PostStatus, RegionParameter
from traineeships.selectors import parameter_for

PUBLISHING = reverse("traineeships:publishing")
PARAMETERS_NEW = reverse("traineeships:parameter_create")


# ---------------------------------------------------------------- 报省厅备案


@pytest.mark.django_db
def test_city_files_an_approved_base_with_the_province(client, base_a, city_reviewer, province_reviewer):
    client.force_login(city_reviewer)
    listing = client.get(reverse("traineeships:hr_bases")).content.decode()
    assert "甲企业有限公司" in listing and "报省厅备案</button>" in listing
    response = client.post(reverse("traineeships:base_file_with_province", args=[base_a.pk]))
    assert response.status_code == 302
    base_a.refresh_from_db()
    assert base_a.filed_with_province_by == city_reviewer and base_a.filed_with_province_at is not None
    assert Notification.objects.filter(recipient=province_reviewer,
                                       title="见习基地报省厅备案：甲企业有限公司").exists()
    assert AuditEntry.objects.filter(action="traineeships.base_filed", target_id=str(base_a.pk)).exists()
    again = client.post(reverse("traineeships:base_file_with_province", args=[base_a.pk]), follow=True)
    assert "该基地已于" in again.content.decode() and "报省厅备案" in again.content.decode()
    # The city can no longer take its approval back.
    with pytest.raises(ValidationError, match="该基地已报省厅备案，不能撤销审核"):
        review_services.revoke(review_id=latest_review_for(base_a).pk, actor=city_reviewer)

    client.force_login(province_reviewer)
    filed = client.get(reverse("traineeships:filed_bases")).content.decode()
    assert f'data-base="{base_a.pk}"' in filed
    assert client.get(reverse("traineeships:base_detail", args=[base_a.pk])).status_code == 200


@pytest.mark.django_db
def test_filing_is_refused_to_others_and_for_unapproved_bases(client, enterprise_a, admin_a, base_b,
                                                              county_reviewer_a, city_reviewer, province_reviewer):
    pending = submitted_base(enterprise_a, admin_a)
    client.force_login(city_reviewer)
    response = client.post(reverse("traineeships:base_file_with_province", args=[pending.pk]), follow=True)
    assert "只有审核通过的见习基地可以报省厅备案" in response.content.decode()
    for user in (county_reviewer_a, province_reviewer):
        client.force_login(user)
        assert client.post(reverse("traineeships:base_file_with_province", args=[base_b.pk])).status_code in (403, 404)
    client.force_login(admin_a)
    assert client.post(reverse("traineeships:base_file_with_province", args=[base_b.pk])).status_code == 404
    base_b.refresh_from_db()
    assert base_b.filed_with_province_at is None
    # 已备案基地 is the province's page.
    for user in (city_reviewer, county_reviewer_a, admin_a):
        client.force_login(user)
        assert client.get(reverse("traineeships:filed_bases")).status_code == 403


@pytest.mark.django_db
def test_county_sees_only_its_own_bases(client, base_a, base_b, county_reviewer_a):
    client.force_login(county_reviewer_a)
    listing = client.get(reverse("traineeships:hr_bases")).content.decode()
    assert f'data-base="{base_a.pk}"' in listing and f'data-base="{base_b.pk}"' not in listing
    assert "报省厅备案</button>" not in listing


# ---------------------------------------------------------------- 岗位发布


@pytest.fixture
def two_approved_posts(base_a, admin_a, county_reviewer_a, city_reviewer):
    return [
        approve(create_post(base_a.organisation, admin_a, title=title), county_reviewer_a, city_reviewer)
        for title in ("前端见习生", "会计见习生")
    ]


@pytest.mark.django_db
def test_city_publishes_several_at_once_and_unpublishes(client, two_approved_posts, city_reviewer, admin_a):
    first, second = two_approved_posts
    client.force_login(city_reviewer)
    page = client.get(PUBLISHING).content.decode()
    assert f'data-post="{first.pk}"' in page and f'data-post="{second.pk}"' in page
    response = client.post(PUBLISHING, {"post_ids": [first.pk, second.pk], "action": "publish"}, follow=True)
    assert "已发布 2 个岗位" in response.content.decode()
    for post in (first, second):
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED and post.published_by == city_reviewer
    assert Notification.objects.filter(recipient=admin_a, title="见习岗位已发布：前端见习生").exists()
    assert AuditEntry.objects.filter(action="traineeships.post_status", target_id=str(first.pk),
                                     actor=city_reviewer, after__status="published").count() == 1

    response = client.post(PUBLISHING, {"post_ids": [first.pk], "action": "unpublish"}, follow=True)
    assert "已撤销发布 1 个岗位" in response.content.decode()
    first.refresh_from_db()
    assert first.status == PostStatus.UNPUBLISHED
    assert Notification.objects.filter(recipient=admin_a, title="见习岗位已被撤销发布：前端见习生").exists()
    # An unpublished post can be published again.
    client.post(PUBLISHING, {"post_ids": [first.pk], "action": "publish"})
    first.refresh_from_db()
    assert first.status == PostStatus.PUBLISHED


@pytest.mark.django_db
def test_publishing_filters_go_through_a_form(client, two_approved_posts, city_reviewer):
    first, second = two_approved_posts
    client.force_login(city_reviewer)
    page = client.get(PUBLISHING, {"q": first.title}).content.decode()
    assert f'data-post="{first.pk}"' in page and f'data-post="{second.pk}"' not in page
    assert f'value="{first.title}"' in page and 'maxlength="64"' in page
    too_long = client.get(PUBLISHING, {"q": "前" * 65})
    assert too_long.status_code == 200
    page = too_long.content.decode()
    assert '<div class="invalid-feedback d-block">确保该变量包含不超过 64 字符 (目前字符数 65)。</div>' in page
    assert "data-post=" not in page
    # The keyword alone malformed: the tab asked for stays the marked one.
    page = client.get(PUBLISHING, {"tab": "published", "q": "前" * 65}).content.decode()
    assert 'class="nav-link active" href="?tab=published"' in page and 'name="tab" value="published"' in page
    # A tab the page has not: the page's message, no tab marked, no rows and no buttons -- not 待发布 silently.
    page = client.get(PUBLISHING, {"tab": "withdrawn"}).content.decode()
    assert 'role="alert" data-field-error="tab">没有该页签，请从页签中选择</div>' in page
    assert 'active" href="?tab=' not in page and 'name="tab" value=""' in page
    assert "data-post=" not in page and 'name="action"' not in page
    page = client.get(PUBLISHING, {"tab": "withdrawn", "q": "前" * 65}).content.decode()
    assert "没有该页签，请从页签中选择" in page and 'active" href="?tab=' not in page and "data-post=" not in page
    # Absent: 待发布.
    page = client.get(PUBLISHING).content.decode()
    assert 'class="nav-link active" href="?tab=approved"' in page and 'data-field-error="tab"' not in page
    # The export button carries the page's own query string.
    page = client.get(PUBLISHING, {"tab": "published", "q": "会计"}).content.decode()
    assert f'{reverse("batch:export", args=["traineeship_publishing"])}?tab=published&amp;q=' in page


@pytest.mark.django_db
def test_filed_bases_name_filter_goes_through_a_form(client, base_a, city_reviewer, province_reviewer):
    client.force_login(city_reviewer)
    client.post(reverse("traineeships:base_file_with_province", args=[base_a.pk]))
    client.force_login(province_reviewer)
    url = reverse("traineeships:filed_bases")
    assert f'data-base="{base_a.pk}"' in client.get(url, {"name": base_a.organisation.name[:2]}).content.decode()
    assert f'data-base="{base_a.pk}"' not in client.get(url, {"name": "乙"}).content.decode()
    page = client.get(url, {"name": "甲" * 65}).content.decode()
    assert '<div class="invalid-feedback d-block">确保该变量包含不超过 64 字符 (目前字符数 65)。</div>' in page
    assert f'data-base="{base_a.pk}"' not in page


@pytest.mark.django_db
def test_publishing_refuses_posts_not_yet_approved(client, base_a, admin_a, city_reviewer):
    pending = create_post(base_a.organisation, admin_a)
    client.force_login(city_reviewer)
    response = client.post(PUBLISHING, {"post_ids": [pending.pk], "action": "publish"}, follow=True)
    assert "所选岗位不在本市可发布范围内，请刷新页面" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == PostStatus.PENDING
    empty = client.post(PUBLISHING, {"action": "publish"}, follow=True)
    assert "请至少选择一个岗位" in empty.content.decode()


@pytest.mark.django_db
def test_publishing_action_and_return_address_go_through_a_form(client, two_approved_posts, city_reviewer):
    first, _second = two_approved_posts
    client.force_login(city_reviewer)
    # A tampered or missing action is refused, not read as 发布.
    for data, message in (({"action": "delete"}, "操作不正确，请选择发布或撤销发布"), ({}, "请选择发布或撤销发布")):
        response = client.post(PUBLISHING, {"post_ids": [first.pk], **data})
        assert response["Location"] == PUBLISHING
        assert message in client.get(response["Location"]).content.decode()
        first.refresh_from_db()
        assert first.status == PostStatus.APPROVED
    # Back to the tab the user was on; an address elsewhere is not followed.
    back = f"{PUBLISHING}?tab=approved&q=dev"
    response = client.post(PUBLISHING, {"post_ids": [first.pk], "action": "publish", "back": back})
    assert response["Location"] == back
    first.refresh_from_db()
    assert first.status == PostStatus.PUBLISHED
    response = client.post(PUBLISHING, {"post_ids": [first.pk], "action": "unpublish", "back": "https://evil.example/"})
    assert response["Location"] == PUBLISHING


@pytest.mark.django_db
def test_only_the_city_publishes(client, two_approved_posts, county_reviewer_a, province_reviewer, admin_a, student):
    first = two_approved_posts[0]
    for user in (county_reviewer_a, province_reviewer, admin_a, student):
        client.force_login(user)
        assert client.get(PUBLISHING).status_code == 403
        assert client.post(PUBLISHING, {"post_ids": [first.pk], "action": "publish"}).status_code == 403
    first.refresh_from_db()
    assert first.status == PostStatus.APPROVED


# ---------------------------------------------------------------- 地区参数


def parameter_form(region="410105", **overrides):
    data = {"region": region, "valid_from": "2025-01", "valid_to": "",
            "subsidy_rate": "0.6", "raised_subsidy_rate": "0.7", "retention_threshold": "0.5",
            "insurance_subsidy_cap": "240", "graduate_window_years": "2", "pre_graduation_months": "0",
            "approval_lapse_days": "30", "retention_registration_days": "30", "backdating_warning_days": "30",
            "retention_window_months": "12", "note": "晋人社厅发〔2023〕24号"}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_parameters_validation_and_overlap(client, city_reviewer):
    client.force_login(city_reviewer)
    assert client.post(PARAMETERS_NEW, parameter_form(valid_to="2025-12")).status_code == 302
    parameter = RegionParameter.objects.get()
    assert (parameter.valid_from, parameter.valid_to) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))

    overlap = client.post(PARAMETERS_NEW, parameter_form(valid_from="2025-06")).content.decode()
    assert 'data-field-error="valid_from">河南省 郑州市 金水区在2025-01 至 2025-12已有参数设置，期间不能重叠' in overlap
    bad = client.post(PARAMETERS_NEW, parameter_form(valid_from="2026-03", valid_to="2026-01", subsidy_rate="1.2",
                                                     raised_subsidy_rate="0.5")).content.decode()
    assert 'data-field-error="subsidy_rate">比例应在0到1之间' in bad
    bad = client.post(PARAMETERS_NEW, parameter_form(valid_from="2026-03", valid_to="2026-01",
                                                     raised_subsidy_rate="0.5")).content.decode()
    assert 'data-field-error="valid_to">截止月份不能早于起始月份' in bad
    assert 'data-field-error="raised_subsidy_rate">留用达标后的补贴比例不能低于见习补贴比例' in bad
    assert RegionParameter.objects.count() == 1
    # The city's own setting and a later county period are fine.
    assert client.post(PARAMETERS_NEW, parameter_form(region="410100")).status_code == 302
    assert client.post(PARAMETERS_NEW, parameter_form(valid_from="2026-01")).status_code \
        == 302
    edit = reverse("traineeships:parameter_edit", args=[parameter.pk])
    assert client.post(edit, parameter_form(valid_to="2025-11", subsidy_rate="0.65")).status_code == 302
    parameter.refresh_from_db()
    assert str(parameter.subsidy_rate) == "0.650"
    assert AuditEntry.objects.filter(action="traineeships.parameter_updated").exists()


@pytest.mark.django_db
def test_parameter_lookup_prefers_the_most_specific_region(city_reviewer):
    from tests import factories
    from traineeships.services.parameters import create_parameter

    base = {"valid_to": None, "subsidy_rate": 0.6, "raised_subsidy_rate": 0.7, "retention_threshold": 0.5,
            "insurance_subsidy_cap": 240, "note": ""}
    create_parameter(actor=city_reviewer, data={**base, "region": factories.region("410100"),
                                                "valid_from": datetime.date(2024, 1, 1), "subsidy_rate": 0.5})
    create_parameter(actor=city_reviewer, data={**base, "region": factories.region("410105"),
                                                "valid_from": datetime.date(2025, 1, 1)})
    county = factories.region("410105")
    assert parameter_for(county, datetime.date(2024, 6, 15)).subsidy_rate == Decimal("0.5")
    assert parameter_for(county, datetime.date(2025, 6, 15)).subsidy_rate == Decimal("0.6")
    assert parameter_for(factories.region("410103"), datetime.date(2025, 6, 1)).subsidy_rate == Decimal("0.5")
    assert parameter_for(factories.region("410202"), datetime.date(2025, 6, 1)) is None


@pytest.mark.django_db
def test_parameters_jurisdiction(client, city_reviewer, county_reviewer_a, county_reviewer_b, admin_a, student):
    client.force_login(county_reviewer_a)
    assert client.post(PARAMETERS_NEW, parameter_form()).status_code == 302
    parameter = RegionParameter.objects.get()
    refused = client.post(PARAMETERS_NEW, parameter_form(region="410103", valid_from="2030-01")).content.decode()
    assert 'data-field-error="region">只能选择本部门辖区内的地区' in refused
    client.force_login(county_reviewer_b)
    edit = reverse("traineeships:parameter_edit", args=[parameter.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, parameter_form(region="410103")).status_code == 404
    assert f'data-parameter="{parameter.pk}"' not in client.get(reverse("traineeships:parameters")).content.decode()
    client.force_login(city_reviewer)
    assert client.get(edit).status_code == 200
    for user in (admin_a, student):
        client.force_login(user)
        assert client.get(reverse("traineeships:parameters")).status_code == 403
        assert client.post(PARAMETERS_NEW, parameter_form()).status_code == 403


@pytest.mark.django_db
def test_parameters_keep_the_regional_rules_beyond_money(client, city_reviewer):
    """Shandong-like rules: 离校 3 years, 3 months before graduation, and its own deadlines."""
    client.force_login(city_reviewer)
    shandong = parameter_form(graduate_window_years="3", pre_graduation_months="3", approval_lapse_days="15",
                              retention_registration_days="20", backdating_warning_days="10",
                              retention_window_months="6")
    assert client.post(PARAMETERS_NEW, shandong).status_code == 302
    parameter = RegionParameter.objects.get()
    assert (parameter.graduate_window_years, parameter.pre_graduation_months, parameter.approval_lapse_days,
            parameter.retention_registration_days, parameter.backdating_warning_days,
            parameter.retention_window_months) == (3, 3, 15, 20, 10, 6)
    listing = client.get(reverse("traineeships:parameters")).content.decode()
    assert "离校 3 年内、毕业前 3 个月" in listing
    assert "通过后 15 天内上岗；期满后 20 天内登记留用" in listing
    assert "上岗日期早于登记日 10 天以上提示；留用率考核期 6 个月" in listing

    bad = client.post(PARAMETERS_NEW, parameter_form(valid_from="2027-01", graduate_window_years="0",
                                                     approval_lapse_days="abc")).content.decode()
    assert 'data-field-error="graduate_window_years">不能小于1' in bad
    assert 'data-field-error="approval_lapse_days">请输入整数' in bad
    assert RegionParameter.objects.count() == 1


@pytest.mark.django_db
def test_parameter_list_region_filter_goes_through_a_form(client, city_reviewer, county_reviewer_a):
    from tests import factories
    from traineeships.services.parameters import create_parameter

    base = {"valid_from": datetime.date(2025, 1, 1), "valid_to": None, "subsidy_rate": 0.6,
            "raised_subsidy_rate": 0.7, "retention_threshold": 0.5, "insurance_subsidy_cap": 240, "note": ""}
    city = create_parameter(actor=city_reviewer, data={**base, "region": factories.region("410100")})
    county = create_parameter(actor=city_reviewer, data={**base, "region": factories.region("410105")})
    listing = reverse("traineeships:parameters")

    def shown(response):
        return {pk for pk in (city.pk, county.pk) if f'data-parameter="{pk}"' in response.content.decode()}

    client.force_login(city_reviewer)
    assert shown(client.get(listing)) == {city.pk, county.pk}
    chosen = client.get(listing, {"region": "410105"})
    assert shown(chosen) == {county.pk} and '<option value="410105" selected>' in chosen.content.decode()
    # Another city's county, a province above the department and a code that is no region: a message, no rows.
    for tampered in ("410202", "410000", "x' OR 1=1"):
        response = client.get(listing, {"region": tampered})
        assert response.status_code == 200 and shown(response) == set()
        assert 'data-field-error="region">请从列表中选择本部门辖区内的地区' in response.content.decode(), tampered
    # The county department's list offers only its own county.
    client.force_login(county_reviewer_a)
    assert shown(client.get(listing, {"region": "410105"})) == {county.pk}
    assert shown(client.get(listing, {"region": "410100"})) == set()
