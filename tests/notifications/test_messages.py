import pytest
from django.urls import reverse
from django.utils import timezone

from notifications import services
from notifications.models import Notification


def send(user, title="审核结果：通过", url="/reviews/1/", body=""):
    services.notify(recipients=[user], title=title, body=body, url=url)
    return Notification.objects.filter(recipient=user).latest("id")


def test_the_list_shows_the_users_messages_newest_first(client, admin_a, admin_b):
    first = send(admin_a, title="新的实名认证申请")
    second = send(admin_a, title="审核结果：通过", body="您的单位已通过实名认证。")
    send(admin_b, title="乙的消息")
    client.force_login(admin_a)

    response = client.get(reverse("notifications:list"))

    assert response.status_code == 200
    assert [item.pk for item in response.context["object_list"]] == [second.pk, first.pk]
    html = response.content.decode()
    assert "审核结果：通过" in html
    assert "您的单位已通过实名认证。" in html
    assert "乙的消息" not in html
    assert reverse("notifications:open", args=[second.pk]) in html
    assert response.context["unread_total"] == 2


def test_the_header_shows_the_unread_count(client, admin_a):
    send(admin_a)
    send(admin_a)
    client.force_login(admin_a)
    html = client.get(reverse("notifications:list")).content.decode()
    assert '<span class="position-absolute top-0 start-100 translate-middle badge rounded-pill bg-danger" ' \
           'data-testid="unread-count">2</span>' in html


def test_the_unread_filter(client, admin_a):
    read = send(admin_a, title="已读消息")
    unread = send(admin_a, title="未读消息")
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    client.force_login(admin_a)

    response = client.get(reverse("notifications:list"), {"filter": "unread"})

    assert [item.pk for item in response.context["object_list"]] == [unread.pk]
    assert response.context["current_filter"] == "unread"
    all_response = client.get(reverse("notifications:list"), {"filter": "all"})
    assert [item.pk for item in all_response.context["object_list"]] == [unread.pk, read.pk]
    # Anything else is the form's message, and nothing listed; no filter is the whole list.
    response = client.get(reverse("notifications:list"), {"filter": "x"})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["current_filter"] is None
    assert 'role="alert" data-field-error="filter">没有该消息筛选，请从页签中选择<' in page
    assert list(response.context["object_list"]) == [] and ' id="message-' not in page and "还没有消息" not in page
    absent = client.get(reverse("notifications:list"))
    assert absent.context["current_filter"] == "all" and len(absent.context["object_list"]) == 2
    assert 'data-field-error="filter"' not in absent.content.decode()


def test_the_list_is_paginated_and_keeps_the_filter(client, admin_a):
    services.notify(recipients=[admin_a], title="消息", url="")
    for _ in range(24):
        services.notify(recipients=[admin_a], title="消息", url="")
    client.force_login(admin_a)

    response = client.get(reverse("notifications:list"), {"filter": "unread", "page": 2})

    assert response.context["page_obj"].number == 2
    assert len(response.context["object_list"]) == 5
    assert "?filter=unread&amp;page=1" in response.content.decode()


def test_opening_a_message_marks_it_read_and_follows_its_link(client, admin_a):
    message = send(admin_a, url="/reviews/12/")
    client.force_login(admin_a)

    response = client.get(reverse("notifications:open", args=[message.pk]))

    assert response.status_code == 302
    assert response["Location"] == "/reviews/12/"
    message.refresh_from_db()
    assert message.read_at is not None


def test_opening_again_keeps_the_first_read_time(client, admin_a):
    message = send(admin_a)
    client.force_login(admin_a)
    client.get(reverse("notifications:open", args=[message.pk]))
    message.refresh_from_db()
    first = message.read_at
    client.get(reverse("notifications:open", args=[message.pk]))
    message.refresh_from_db()
    assert message.read_at == first


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/path", "javascript:alert(1)", "/\\evil.example", "", "reviews/1"]
)
def test_a_link_leaving_the_site_is_not_followed(client, admin_a, url):
    message = send(admin_a, url=url)
    client.force_login(admin_a)

    response = client.get(reverse("notifications:open", args=[message.pk]))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('notifications:list')}#message-{message.pk}"
    message.refresh_from_db()
    assert message.read_at is not None


def test_another_users_message_is_404_and_stays_unread(client, admin_a, admin_b):
    message = send(admin_a)
    client.force_login(admin_b)

    assert client.get(reverse("notifications:open", args=[message.pk])).status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_a_missing_message_is_404(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("notifications:open", args=[987654])).status_code == 404


def test_mark_all_read_touches_only_the_users_own_messages(client, admin_a, admin_b):
    send(admin_a)
    send(admin_a)
    other = send(admin_b)
    client.force_login(admin_a)

    response = client.post(reverse("notifications:mark_all_read"), follow=True)

    assert response.redirect_chain == [(reverse("notifications:list"), 302)]
    assert "已将 2 条消息标记为已读" in response.content.decode()
    assert Notification.objects.filter(recipient=admin_a, read_at__isnull=True).count() == 0
    other.refresh_from_db()
    assert other.read_at is None


def test_mark_all_read_needs_post(client, admin_a):
    send(admin_a)
    client.force_login(admin_a)
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    assert Notification.objects.filter(recipient=admin_a, read_at__isnull=True).count() == 1


def test_mark_all_read_with_nothing_unread(client, admin_a):
    client.force_login(admin_a)
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "没有未读消息" in response.content.decode()


@pytest.mark.parametrize("name", ["notifications:list", "notifications:mark_all_read"])
def test_anonymous_users_are_sent_to_sign_in(client, name):
    response = client.post(reverse(name)) if name.endswith("read") else client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_menu_has_an_entry_for_messages(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("notifications:list"))
    labels = [item["label"] for section in response.context["nav_sections"] for item in section["items"]]
    assert "站内消息" in labels


def test_notify_organisation_reaches_only_holders_of_the_permission(county_reviewer_a, county_hr_a):
    from tests import factories

    clerk = factories.UserFactory(organisation=county_hr_a)
    sent = services.notify_organisation(
        organisation=county_hr_a, title="新的实名认证申请", url="/reviews/",
        permission="organisations.review_verification",
    )
    assert sent == 1
    assert Notification.objects.filter(recipient=county_reviewer_a).count() == 1
    assert Notification.objects.filter(recipient=clerk).count() == 0
