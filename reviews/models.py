from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.search import tokens_for


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("审核中")
    APPROVED = "approved", _("审核通过")
    REJECTED = "rejected", _("审核不通过")
    RETURNED = "returned", _("退回修改")
    WITHDRAWN = "withdrawn", _("已撤回")


class StepStatus(models.TextChoices):
    WAITING = "waiting", _("待下级审核")
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("通过")
    REJECTED = "rejected", _("不通过")
    RETURNED = "returned", _("退回修改")
    FILED = "filed", _("已备案")
    CANCELLED = "cancelled", _("已终止")


class ReviewerLevel(models.TextChoices):
    UNIT = "unit", _("单位管理员")
    COUNTY = "county", _("区县")
    CITY = "city", _("市级")
    PROVINCE = "province", _("省级")


class Decision(models.TextChoices):
    APPROVE = "approve", _("通过")
    REJECT = "reject", _("不通过")
    RETURN = "return", _("退回修改")


class EventAction(models.TextChoices):
    SUBMITTED = "submitted", _("提交")
    APPROVED = "approved", _("审核通过")
    REJECTED = "rejected", _("审核不通过")
    RETURNED = "returned", _("退回修改")
    WITHDRAWN = "withdrawn", _("撤回")
    REVOKED = "revoked", _("撤销审核")
    FILED = "filed", _("报送备案")


class Review(models.Model):
    """One submission of one thing for review. A resubmission after a rejection or a return is a new
    Review of the same subject (the history of earlier rounds is kept)."""

    kind = models.CharField(_("业务类型"), max_length=64, db_index=True)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    title = models.CharField(_("事项"), max_length=255)
    submitter_org = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="submitted_reviews",
        verbose_name=_("申报单位"), null=True, blank=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submitted_reviews",
        verbose_name=_("申报人"),
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, verbose_name=_("所属地区"))
    status = models.CharField(_("审核状态"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    round = models.PositiveSmallIntegerField(_("申报次数"), default=1)
    submitted_at = models.DateTimeField(_("申报时间"), db_index=True)
    finished_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    # The inbox keyword's text (core.search, migration 0002): the title, the unit's name and the submitter's name,
    # written at submission and rewritten by reviews.services.refresh_search_text when a name changes.
    search_text = models.TextField(default="", editable=False)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("审核事项")
        verbose_name_plural = _("审核事项")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id"],
                condition=models.Q(status="pending"),
                name="one_pending_review_per_subject",
            ),
        ]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["submitter_org", "status", "submitted_at"]),
        ]

    def __str__(self):
        return self.title

    def search_tokens(self) -> str:
        return tokens_for(self.title, self.submitter_org.name if self.submitter_org_id else "",
                          self.submitted_by.real_name)

    def save(self, *args, **kwargs):
        # The title never changes after submission; the names are followed by refresh_search_text.
        if self._state.adding:
            self.search_text = self.search_tokens()
        super().save(*args, **kwargs)


class ReviewStep(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("顺序"))
    level = models.CharField(_("审核层级"), max_length=16, choices=ReviewerLevel.choices)
    authority = models.CharField(_("部门类别"), max_length=16, blank=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, null=True, blank=True)
    reviewer_org = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Only for unit-level steps: the organisation whose administrator decides.",
    )
    is_filing = models.BooleanField(_("备案"), default=False)
    status = models.CharField(_("状态"), max_length=16, choices=StepStatus.choices, default=StepStatus.WAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_org = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reason = models.TextField(_("审核意见"), blank=True)

    class Meta:
        ordering = ["review", "position"]
        constraints = [models.UniqueConstraint(fields=["review", "position"], name="step_position_unique")]
        indexes = [models.Index(fields=["status", "level", "authority", "region"])]

    def __str__(self):
        return f"{self.review_id}#{self.position} {self.level}"


# The note a submitter or reviewer gives when withdrawing or revoking (ReviewEvent.reason is a TextField, so the
# engine holds the limit: every screen and the API refuse the same length).
REASON_MAX_LENGTH = 1000
# A decision's reason: the engine's own forms and the API stop at REASON_MAX_LENGTH, but a programme may ask for a
# longer conclusion through the engine (an internship complaint's or appeal's 处理意见, up to 2000). The engine
# refuses anything longer from any caller, so no path stores an unbounded text.
DECISION_REASON_MAX_LENGTH = 2000


class ReviewEvent(models.Model):
    """Append-only history: who did what at which level, with the reason, and when."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    step = models.ForeignKey(ReviewStep, on_delete=models.CASCADE, null=True, blank=True, related_name="events")
    action = models.CharField(_("操作"), max_length=16, choices=EventAction.choices)
    level = models.CharField(_("层级"), max_length=16, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    actor_org = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("意见/原因"), blank=True)
    created_at = models.DateTimeField(_("时间"))

    class Meta:
        ordering = ["created_at", "id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("review events are append-only")
        super().save(*args, **kwargs)
