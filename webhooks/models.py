import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedTextField

RESPONSE_EXCERPT_CHARS = 2000


class Subscription(models.Model):
    """An organisation's URL and the events it wants posted there."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="webhook_subscriptions", verbose_name=_("单位"))
    name = models.CharField(_("名称"), max_length=64)
    url = models.URLField(_("接收地址"), max_length=500, validators=[URLValidator(schemes=["http", "https"])])
    events = models.JSONField(_("订阅事件"), default=list)
    # The HMAC key the receiver verifies signatures with: shown once, encrypted at rest like the identifiers.
    secret = EncryptedTextField(_("签名密钥"), kind=crypto.WEBHOOK_SECRET)
    is_active = models.BooleanField(_("启用"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("事件推送订阅")
        indexes = [models.Index(fields=["organisation", "is_active"])]

    def __str__(self):
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("待发送")
    SUCCEEDED = "succeeded", _("发送成功")
    RETRYING = "retrying", _("重试中")
    FAILED = "failed", _("发送失败")


class Delivery(models.Model):
    """The outbox: one row per emitted event and subscription, written in the business transaction."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("事件"), max_length=64)
    # The same for every delivery of one emitted event, so a receiver can drop duplicates.
    event_id = models.UUIDField(_("事件编号"), default=uuid.uuid4)
    payload = models.JSONField(_("事件内容"), encoder=DjangoJSONEncoder)
    status = models.CharField(_("状态"), max_length=16, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("发送次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次发送时间"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("最近响应码"), null=True, blank=True)
    last_response = models.TextField(_("最近响应内容"), blank=True)
    last_error = models.TextField(_("最近错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    delivered_at = models.DateTimeField(_("送达时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("事件推送")
        indexes = [models.Index(fields=["status", "next_attempt_at"]),
                   models.Index(fields=["subscription", "-created_at"])]

    def __str__(self):
        return f"{self.event} #{self.pk}"


class DeliveryAttempt(models.Model):
    """Each try of a delivery, kept so the screen shows its history."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_rows")
    number = models.PositiveSmallIntegerField(_("第几次"))
    at = models.DateTimeField(_("发送时间"))
    status_code = models.PositiveSmallIntegerField(_("响应码"), null=True, blank=True)
    response = models.TextField(_("响应内容"), blank=True)
    error = models.TextField(_("错误"), blank=True)
    duration_ms = models.PositiveIntegerField(_("耗时（毫秒）"), default=0)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [models.UniqueConstraint(fields=["delivery", "number"], name="webhook_attempt_number_unique")]
