from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from organisations.selectors import get_own_organisation
from organisations.view_helpers import add_service_errors
from webhooks import services
from webhooks.events import event_choices, label_of
from webhooks.forms import DeliveryFilterForm, SubscriptionForm
from webhooks.rules import MANAGE
from webhooks.selectors import deliveries_of, get_delivery_for_user, get_subscription_for_user, subscriptions_of
from webhooks.states import DUE


@require_GET
@permission_required_403(MANAGE)
def subscription_list(request):
    organisation = get_own_organisation(request.user)
    labels = dict(event_choices())
    rows = [{"subscription": sub, "events": [str(labels.get(key, key)) for key in sub.events]}
            for sub in subscriptions_of(organisation.pk)]
    return render(request, "webhooks/subscription_list.html", {"rows": rows})


SECRET_SESSION_KEY = "webhooks.secret_shown_once"


def _show_secret_once(request, subscription, secret, *, created):
    """The secret goes to the next page through the (server-side) session, which takes it out again: a reload of
    that page cannot re-submit the form (a second subscription, another rotation) and shows the secret no more."""
    request.session[SECRET_SESSION_KEY] = {"subscription": subscription.pk, "secret": secret, "created": created}
    return redirect("webhooks:secret", pk=subscription.pk)


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE)
def subscription_create(request):
    organisation = get_own_organisation(request.user)
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            subscription, secret = services.create_subscription(actor=request.user, organisation=organisation,
                                                                data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _show_secret_once(request, subscription, secret, created=True)
    return render(request, "webhooks/subscription_form.html", {"form": form, "subscription": None})


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE)
def subscription_edit(request, pk):
    subscription = get_subscription_for_user(request.user, pk)
    initial = {"name": subscription.name, "url": subscription.url, "events": subscription.events,
               "is_active": subscription.is_active}
    form = SubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_subscription(actor=request.user, subscription=subscription, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已保存事件推送“%(name)s”") % {"name": form.cleaned_data["name"]})
            return redirect("webhooks:list")
    return render(request, "webhooks/subscription_form.html", {"form": form, "subscription": subscription})


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE)
def subscription_delete(request, pk):
    subscription = get_subscription_for_user(request.user, pk)
    if request.method == "POST":
        services.delete_subscription(actor=request.user, subscription=subscription)
        messages.success(request, _("已删除事件推送“%(name)s”") % {"name": subscription.name})
        return redirect("webhooks:list")
    pending = deliveries_of(subscription).filter(status__in=DUE).count()
    return render(request, "webhooks/subscription_delete.html", {"subscription": subscription, "pending": pending})


@require_POST
@permission_required_403(MANAGE)
def subscription_rotate(request, pk):
    subscription = get_subscription_for_user(request.user, pk)
    secret = services.rotate_secret(actor=request.user, subscription=subscription)
    return _show_secret_once(request, subscription, secret, created=False)


@never_cache
@require_GET
@permission_required_403(MANAGE)
def subscription_secret(request, pk):
    subscription = get_subscription_for_user(request.user, pk)
    shown = request.session.get(SECRET_SESSION_KEY)
    if shown is None or shown["subscription"] != subscription.pk:
        messages.info(request, _("签名密钥只在新增或更换后显示一次；如已遗失，请更换签名密钥"))
        return redirect("webhooks:list")
    del request.session[SECRET_SESSION_KEY]
    return render(request, "webhooks/secret.html", {"subscription": subscription, "secret": shown["secret"],
                                                     "created": shown["created"]})


@require_GET
@permission_required_403(MANAGE)
def delivery_list(request, pk):
    subscription = get_subscription_for_user(request.user, pk)
    form = DeliveryFilterForm(request.GET or None)
    filters = {"status": "", "event": ""}
    if form.is_bound:
        if form.is_valid():
            filters = {name: form.cleaned_data.get(name) or "" for name in filters}
        else:
            # A malformed filter (an edited link) is said, not a server error; the list shows everything.
            messages.warning(request, _("筛选条件无效，已显示全部记录"))
    context = paginate(request, deliveries_of(subscription, **filters))
    context["rows"] = [{"delivery": delivery, "event_label": label_of(delivery.event)}
                       for delivery in context["object_list"]]
    context.update(subscription=subscription, form=form)
    return render(request, "webhooks/delivery_list.html", context)


@require_GET
@permission_required_403(MANAGE)
def delivery_detail(request, pk):
    delivery = get_delivery_for_user(request.user, pk)
    return render(request, "webhooks/delivery_detail.html", {
        "delivery": delivery, "event_label": label_of(delivery.event),
        "attempts": delivery.attempt_rows.order_by("-number"),
    })


@require_POST
@permission_required_403(MANAGE)
def delivery_resend(request, pk):
    delivery = get_delivery_for_user(request.user, pk)
    try:
        services.resend(actor=request.user, delivery=delivery)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已安排重新发送"))
    return redirect("webhooks:delivery", pk=delivery.pk)
