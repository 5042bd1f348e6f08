"""Business history: what happened to one subject (an application, later a filing or a claim), by whom,
with the reason shown to the people concerned. Kept apart from the audit log, which is a security record
that purge_audit thins out after the retention period; this table is part of the business record."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    event = models.CharField(_("事件"), max_length=32)  # "created", or the status the subject moved to
    label = models.CharField(_("操作"), max_length=64)  # the Chinese name, as shown when it happened
    status = models.CharField(_("状态"), max_length=32, blank=True)  # the subject's status afterwards
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    actor_name = models.CharField(_("操作人"), max_length=64, blank=True)
    actor_org = models.ForeignKey("organisations.Organisation", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "created_at"], name="timeline_subject")]
        verbose_name = _("业务记录")
        verbose_name_plural = _("业务记录")

    def __str__(self):
        return f"{self.subject_type_id}:{self.subject_id} {self.event}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("timeline events are append-only")
        super().save(*args, **kwargs)
