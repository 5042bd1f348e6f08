"""事件推送 through the API: an organisation's subscriptions (the secret is answered once, on creation and on
rotation), their deliveries with the receiver's answers, and 重新发送 — the webhooks screens' forms and services."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from api.scopes import FOUNDATION
from organisations.selectors import get_own_organisation
from webhooks import services
from webhooks.events import event_choices
from webhooks.forms import DeliveryFilterForm, SubscriptionForm
from webhooks.models import Delivery, Subscription
from webhooks.rules import MANAGE
from webhooks.selectors import deliveries_of, get_delivery_for_user, get_subscription_for_user, subscriptions_of

TAGS = ["事件推送"]
SubscriptionInput = form_serializer(SubscriptionForm, "WebhookSubscriptionInput", extra={
    "events": serializers.ListField(child=serializers.CharField(), label=_("订阅事件"))})


class SubscriptionSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Subscription
        fields = ("id", "name", "url", "events", "is_active", "created_at", "updated_at")


class SubscriptionWithSecretSerializer(SubscriptionSerializer):
    secret = serializers.CharField(help_text=_("签名密钥，只在创建和轮换时返回这一次"))

    class Meta(SubscriptionSerializer.Meta):
        fields = (*SubscriptionSerializer.Meta.fields, "secret")


class DeliverySerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Delivery
        fields = ("id", "event", "event_id", "status", "status_display", "attempts", "next_attempt_at",
                  "last_status_code", "last_response", "last_error", "created_at", "delivered_at", "payload")


def _with_secret(subscription, secret) -> dict:
    return {**SubscriptionSerializer(subscription).data, "secret": secret}


def _data(request) -> dict:
    form = bind(SubscriptionForm, request.data)
    return form.cleaned_data


class Events(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="webhooks_events", summary=_("可订阅的事件"), tags=TAGS,
                   responses=inline_serializer("WebhookEvent", {"key": serializers.CharField(),
                                                                "label": serializers.CharField()}, many=True))
    def get(self, request):
        require_permission(request, MANAGE)
        return Response([{"key": key, "label": str(label)} for key, label in event_choices()])


class Subscriptions(ListAPIView):
    api_programme = FOUNDATION
    serializer_class = SubscriptionSerializer

    @extend_schema(operation_id="webhooks_list", summary=_("本单位的事件推送订阅"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE)
        return subscriptions_of(get_own_organisation(self.request.user).pk)

    @extend_schema(operation_id="webhooks_create", summary=_("新增订阅（返回签名密钥，仅此一次）"), tags=TAGS,
                   request=SubscriptionInput, responses={201: SubscriptionWithSecretSerializer})
    def post(self, request):
        require_permission(request, MANAGE)
        subscription, secret = services.create_subscription(
            actor=request.user, organisation=get_own_organisation(request.user), data=_data(request))
        return Response(_with_secret(subscription, secret), status=201)


class SubscriptionDetail(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="webhooks_retrieve", summary=_("订阅详情"), tags=TAGS,
                   responses=SubscriptionSerializer)
    def get(self, request, pk):
        require_permission(request, MANAGE)
        return object_response(request, SubscriptionSerializer, get_subscription_for_user(request.user, pk))

    @extend_schema(operation_id="webhooks_update", summary=_("修改订阅（须带 If-Match）"), tags=TAGS,
                   request=SubscriptionInput, responses=SubscriptionSerializer)
    def put(self, request, pk):
        require_permission(request, MANAGE)
        subscription = get_subscription_for_user(request.user, pk)
        data = _data(request)
        with transaction.atomic():
            locked = lock_and_match(request, subscription)
            updated = services.update_subscription(actor=request.user, subscription=locked, data=data)
        return object_response(request, SubscriptionSerializer, updated)

    @extend_schema(operation_id="webhooks_destroy", summary=_("删除订阅"), tags=TAGS, responses={204: None})
    def delete(self, request, pk):
        require_permission(request, MANAGE)
        services.delete_subscription(actor=request.user, subscription=get_subscription_for_user(request.user, pk))
        return Response(status=204)


class RotateSecret(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="webhooks_rotate_secret", summary=_("轮换签名密钥（返回新密钥，仅此一次）"),
                   tags=TAGS, request=None, responses=SubscriptionWithSecretSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE)
        subscription = get_subscription_for_user(request.user, pk)
        secret = services.rotate_secret(actor=request.user, subscription=subscription)
        subscription.refresh_from_db()
        return Response(_with_secret(subscription, secret))


class Deliveries(ListAPIView):
    api_programme = FOUNDATION
    serializer_class = DeliverySerializer

    @extend_schema(operation_id="webhooks_deliveries", summary=_("推送记录"), tags=TAGS,
                   parameters=query_parameters(DeliveryFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE)
        subscription = get_subscription_for_user(self.request.user, self.kwargs["pk"])
        form = bind_query(self.request, DeliveryFilterForm)
        return deliveries_of(subscription, **form.cleaned_data)


class Resend(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="webhooks_delivery_resend", summary=_("重新发送"), tags=TAGS, request=None,
                   responses=DeliverySerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE)
        delivery = services.resend(actor=request.user, delivery=get_delivery_for_user(request.user, pk))
        return Response(DeliverySerializer(delivery).data)
