from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Append-only record of a state change or sensitive action (网络安全法: kept ≥ 6 months)."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    actor_name = models.CharField(_("操作人"), max_length=64, blank=True)
    actor_org = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("操作"), max_length=64, db_index=True)
    target_type = models.CharField(_("对象类型"), max_length=64, blank=True)
    target_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    target_repr = models.CharField(_("对象"), max_length=255, blank=True)
    before = models.JSONField(_("变更前"), null=True, blank=True)
    after = models.JSONField(_("变更后"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            # An organisation's newest entries first (the log's API pages by id within the caller's organisation):
            # one index range however large the log, instead of sorting the organisation's whole history.
            models.Index(fields=["actor_org", "-id"], name="audit_org_newest"),
            # The log's screen: newest first (created_at, then id), whole or by organisation or by action; read
            # in index order instead of sorting every matching entry of a log of millions.
            models.Index(fields=["-created_at", "-id"], name="audit_newest"),
            # It carries the actor's key and name (PostgreSQL; SQLite ignores INCLUDE) so that the search by
            # actor tests them in the index and reads from the table only the rows it lists.
            models.Index(fields=["actor_org", "-created_at", "-id"], include=["actor", "actor_name"],
                         name="audit_org_newest_created"),
            models.Index(fields=["action", "-created_at", "-id"], name="audit_action_newest"),
            # The filter's choices: the actions and object types that occur in an organisation's entries (a
            # DISTINCT read from the index instead of every entry of the organisation).
            models.Index(fields=["actor_org", "action"], name="audit_org_action"),
            models.Index(fields=["actor_org", "target_type"], name="audit_org_target_type"),
            # The people who acted for an organisation, one probe each (the search by actor).
            models.Index(fields=["actor_org", "actor"], name="audit_org_actor"),
        ]
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("audit entries are append-only")
        super().save(*args, **kwargs)
