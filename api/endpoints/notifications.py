"""消息 through the API: the caller's own messages (all, or unread only) and marking one read
(notifications.selectors / services, as the message list does). Scope organisations:read / :write."""

from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api import scopes
from api.forms import bind_query, query_parameters
from api.responses import object_response
from notifications import services
from notifications.models import Notification
from notifications.selectors import get_notification_for_user, notifications_for

TAGS = ["消息"]


class NotificationFilterForm(forms.Form):
    """The message list's tabs (notifications.views.FILTERS: 全部 / 未读)."""

    filter = forms.ChoiceField(label=_("范围"), required=False, choices=[("all", _("全部")), ("unread", _("未读"))])


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ("id", "title", "body", "url", "created_at", "read_at")
        read_only_fields = fields


class Notifications(ListAPIView):
    api_programme = scopes.FOUNDATION
    serializer_class = NotificationSerializer

    @extend_schema(operation_id="notifications_list", summary=_("我的消息"), tags=TAGS,
                   parameters=query_parameters(NotificationFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        form = bind_query(self.request, NotificationFilterForm)
        queryset = notifications_for(self.request.user)
        if form.cleaned_data.get("filter") == "unread":
            queryset = queryset.filter(read_at__isnull=True)
        return queryset


class MarkRead(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="notifications_read", summary=_("标记消息为已读"), tags=TAGS, request=None,
                   responses=NotificationSerializer)
    def post(self, request, pk):
        notification = get_notification_for_user(request.user, pk)
        services.mark_read(user=request.user, notification_ids=[notification.pk])
        notification.refresh_from_db()
        return object_response(request, NotificationSerializer, notification)
