"""The screens through HTTP: create, edit, delete, rotate, deliveries, resend; refusals and deny tests."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from webhooks import services
from webhooks.delivery import deliver
from webhooks.models import Delivery, DeliveryStatus, Subscription

pytestmark = pytest.mark.django_db

EVENTS = ["review.decided", "claim.paid"]


def _form(**overrides):
    data = {"name": "人事系统", "url": "http://127.0.0.1:9/hook", "events": EVENTS, "is_active": "on"}
    data.update(overrides)
    return data


def test_create_shows_the_secret_once(client, admin_a, enterprise_a, loopback):
    client.force_login(admin_a)
    page = client.get(reverse("webhooks:create"))
    assert page.status_code == 200
    assert "审核结论（通过、不通过、退回、撤回、撤销）（review.decided）" in page.content.decode()
    posted = client.post(reverse("webhooks:create"), _form())
    subscription = Subscription.objects.get()
    assert posted.status_code == 302 and posted["Location"] == reverse("webhooks:secret", args=[subscription.pk])
    answer = client.get(posted["Location"])
    assert answer.status_code == 200 and answer["Cache-Control"].startswith("max-age=0")
    assert (subscription.organisation, subscription.events, subscription.is_active) == (enterprise_a, EVENTS, True)
    assert subscription.secret.startswith("whsec_")
    assert f'data-testid="secret">{subscription.secret}<' in answer.content.decode()
    # A reload shows it no more and submits nothing again: back to the list, with one subscription.
    reloaded = client.get(posted["Location"], follow=True)
    assert reloaded.redirect_chain == [(reverse("webhooks:list"), 302)]
    assert "签名密钥只在新增或更换后显示一次" in reloaded.content.decode()
    assert subscription.secret not in reloaded.content.decode() and Subscription.objects.count() == 1
    # Never again: neither the list nor the edit page shows it.
    for url in (reverse("webhooks:list"), reverse("webhooks:edit", args=[subscription.pk])):
        assert subscription.secret not in client.get(url).content.decode()
    entry = AuditEntry.objects.get(action="webhooks.subscription_create")
    assert subscription.secret not in str(entry.after)


def test_edit(client, admin_a, subscribe):
    subscription, _ = subscribe("http://127.0.0.1:9/hook")
    client.force_login(admin_a)
    answer = client.post(reverse("webhooks:edit", args=[subscription.pk]),
                         _form(name="财务系统", events=["claim.paid"], is_active=""))
    assert answer.status_code == 302 and answer.url == reverse("webhooks:list")
    subscription.refresh_from_db()
    assert (subscription.name, subscription.events, subscription.is_active) == ("财务系统", ["claim.paid"], False)
    entry = AuditEntry.objects.get(action="webhooks.subscription_update")
    assert entry.after == {"name": "财务系统", "events": ["claim.paid"], "is_active": False}


def test_form_errors_are_next_to_their_fields(client, admin_a, loopback):
    client.force_login(admin_a)
    answer = client.post(reverse("webhooks:create"), _form(url="ftp://example.com/x", events=[]))
    content = answer.content.decode()
    assert answer.status_code == 200
    assert 'data-field-error="url">请输入以 http:// 或 https:// 开头的有效地址</div>' in content
    assert 'data-field-error="events">请至少选择一个事件</div>' in content
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("url, message", [
    ("http://127.0.0.1:8000/hook", "接收地址不能指向本机（127.0.0.1）"),
    ("http://[::1]/hook", "接收地址不能指向本机（::1）"),
    ("http://169.254.169.254/latest/meta-data/",
     "接收地址不能指向链路本地地址（169.254.169.254，含云服务器元数据地址）"),
    ("http://0.0.0.0/hook", "接收地址不能指向该地址（0.0.0.0）"),
])
def test_unsafe_addresses_are_refused_next_to_the_url(client, admin_a, url, message):
    client.force_login(admin_a)
    answer = client.post(reverse("webhooks:create"), _form(url=url))
    assert answer.status_code == 200
    assert f'data-field-error="url">{message}</div>' in answer.content.decode()
    assert not Subscription.objects.exists()


def test_link_local_stays_refused_with_loopback_allowed_and_private_ranges_are_allowed(client, admin_a, loopback):
    client.force_login(admin_a)
    answer = client.post(reverse("webhooks:create"), _form(url="http://169.254.169.254/"))
    assert 'data-field-error="url">接收地址不能指向链路本地地址' in answer.content.decode()
    # An intranet deployment posts to its own HR system.
    assert client.post(reverse("webhooks:create"), _form(url="http://10.1.2.3:8080/hr")).status_code == 302
    assert Subscription.objects.get().url == "http://10.1.2.3:8080/hr"


def test_delete_asks_then_deletes(client, admin_a, subscribe, enterprise_a):
    subscription, _ = subscribe("http://127.0.0.1:9/hook")
    services.emit(event="review.decided", organisations=[enterprise_a], payload={})
    client.force_login(admin_a)
    page = client.get(reverse("webhooks:delete", args=[subscription.pk]))
    assert page.status_code == 200
    assert "尚有 1 条推送待发送或重试中，删除后将不再发送。" in page.content.decode()
    answer = client.post(reverse("webhooks:delete", args=[subscription.pk]))
    assert answer.status_code == 302
    assert (Subscription.objects.count(), Delivery.objects.count()) == (0, 0)
    assert AuditEntry.objects.filter(action="webhooks.subscription_delete").count() == 1


def test_rotate_shows_a_new_secret_once(client, admin_a, subscribe):
    subscription, old = subscribe("http://127.0.0.1:9/hook")
    client.force_login(admin_a)
    assert client.get(reverse("webhooks:rotate", args=[subscription.pk])).status_code == 405
    answer = client.post(reverse("webhooks:rotate", args=[subscription.pk]), follow=True)
    subscription.refresh_from_db()
    assert answer.redirect_chain == [(reverse("webhooks:secret", args=[subscription.pk]), 302)]
    assert subscription.secret != old
    assert f'data-testid="secret">{subscription.secret}<' in answer.content.decode()
    assert subscription.secret not in client.get(reverse("webhooks:secret", args=[subscription.pk])).content.decode()
    assert AuditEntry.objects.filter(action="webhooks.rotate_secret").count() == 1


def test_deliveries_filter_detail_and_resend(client, admin_a, subscribe, enterprise_a, receive):
    receiver = receive([500])
    subscription, _ = subscribe(receiver.url, events=EVENTS)
    (decided,) = services.emit(event="review.decided", organisations=[enterprise_a], payload={"n": 1})
    (paid,) = services.emit(event="claim.paid", organisations=[enterprise_a], payload={"n": 2})
    deliver(delivery_id=decided.pk)
    client.force_login(admin_a)
    url = reverse("webhooks:deliveries", args=[subscription.pk])
    listed = client.get(url).content.decode()
    assert f'data-testid="delivery-{decided.pk}"' in listed and f'data-testid="delivery-{paid.pk}"' in listed
    only_retrying = client.get(url, {"status": "retrying"}).content.decode()
    assert f'data-testid="delivery-{decided.pk}"' in only_retrying
    assert f'data-testid="delivery-{paid.pk}"' not in only_retrying
    only_paid = client.get(url, {"event": "claim.paid"}).content.decode()
    assert f'data-testid="delivery-{paid.pk}"' in only_paid
    assert f'data-testid="delivery-{decided.pk}"' not in only_paid
    # A malformed filter or page is a message, not a server error.
    odd = client.get(url, {"status": "bogus", "event": "x" * 300, "page": "abc"})
    assert odd.status_code == 200
    assert "筛选条件无效，已显示全部记录" in odd.content.decode()

    detail = client.get(reverse("webhooks:delivery", args=[decided.pk])).content.decode()
    assert 'data-testid="delivery-status">重试中<' in detail
    assert 'data-testid="attempt-1"' in detail and "answer 1: 500" in detail

    answer = client.post(reverse("webhooks:resend", args=[decided.pk]))
    assert answer.status_code == 302 and answer.url == reverse("webhooks:delivery", args=[decided.pk])
    decided.refresh_from_db()
    assert (decided.status, decided.attempts) == (DeliveryStatus.PENDING, 1)


def test_other_organisation_gets_404(client, admin_b, subscribe, enterprise_a):
    subscription, _ = subscribe("http://127.0.0.1:9/hook")
    (delivery,) = services.emit(event="review.decided", organisations=[enterprise_a], payload={})
    client.force_login(admin_b)
    for name, pk in (("edit", subscription.pk), ("delete", subscription.pk), ("deliveries", subscription.pk),
                     ("delivery", delivery.pk)):
        assert client.get(reverse(f"webhooks:{name}", args=[pk])).status_code == 404, name
    for name, pk in (("delete", subscription.pk), ("rotate", subscription.pk), ("resend", delivery.pk),
                     ("edit", subscription.pk)):
        assert client.post(reverse(f"webhooks:{name}", args=[pk]), _form()).status_code == 404, name
    assert f'data-testid="subscription-{subscription.pk}"' not in client.get(reverse("webhooks:list")).content.decode()
    assert Subscription.objects.filter(pk=subscription.pk, name="人事系统").exists()
    assert Delivery.objects.get().status == DeliveryStatus.PENDING


def test_sub_admin_without_the_permission_gets_403(client, staff_manager_a, subscribe):
    subscription, _ = subscribe("http://127.0.0.1:9/hook")
    client.force_login(staff_manager_a)
    assert client.get(reverse("webhooks:list")).status_code == 403
    assert client.get(reverse("webhooks:create")).status_code == 403
    assert client.post(reverse("webhooks:create"), _form()).status_code == 403
    assert client.post(reverse("webhooks:rotate", args=[subscription.pk])).status_code == 403
    assert Subscription.objects.count() == 1


def test_sub_admin_with_the_permission_manages(client, enterprise_a, loopback):
    from tests import factories

    manager = factories.UserFactory(organisation=enterprise_a, username="hook_manager", real_name="甲接口管理员")
    manager.roles.add(enterprise_a.roles.create(name="接口管理员", permissions=["webhooks.manage"]))
    client.force_login(manager)
    assert client.post(reverse("webhooks:create"), _form()).status_code == 302
    assert Subscription.objects.get().created_by == manager


def test_anonymous_is_sent_to_sign_in(client, subscribe):
    subscription, _ = subscribe("http://127.0.0.1:9/hook")
    for url in (reverse("webhooks:list"), reverse("webhooks:edit", args=[subscription.pk])):
        answer = client.get(url)
        assert answer.status_code == 302 and answer.url.startswith(reverse("accounts:login"))


def test_the_service_refuses_a_foreign_actor(admin_b, subscribe):
    from django.core.exceptions import PermissionDenied

    subscription, _ = subscribe("http://127.0.0.1:9/hook")
    with pytest.raises(PermissionDenied):
        services.rotate_secret(actor=admin_b, subscription=subscription)
    with pytest.raises(PermissionDenied):
        services.update_subscription(actor=admin_b, subscription=subscription, data={"name": "x"})
