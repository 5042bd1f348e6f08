"""实习投诉 and 申诉 (manual 000 §4.6): a student complains about the enterprise, the school investigates and
concludes; the enterprise may appeal one or several conclusions with a text."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The longest complaint, conclusion, appeal or decision text a form accepts.
TEXT_MAX = 2000


class ComplaintCategory(models.TextChoices):
    PLACE = "place", _("工作地点与实习协议规定不一致")
    LODGING = "lodging", _("住宿条件与实习岗位说明不符")
    RISK = "risk", _("安排从事较高安全风险岗位实习")
    FEES = "fees", _("违规收取实习实训费用")
    HOURS = "hours", _("工作时长超出协议要求")
    PAY = "pay", _("实习工资低于实习协议要求")
    OTHER = "other", _("其他")


class ComplaintStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待处理")
    INVESTIGATING = "investigating", _("调查中")
    SUBSTANTIATED = "substantiated", _("投诉情况属实")
    UNSUBSTANTIATED = "unsubstantiated", _("投诉情况不属实")
    WITHDRAWN = "withdrawn", _("已撤回")


COMPLAINT_TRANSITIONS = {
    ComplaintStatus.SUBMITTED: {ComplaintStatus.INVESTIGATING, ComplaintStatus.SUBSTANTIATED,
                                ComplaintStatus.UNSUBSTANTIATED, ComplaintStatus.WITHDRAWN},
    ComplaintStatus.INVESTIGATING: {ComplaintStatus.SUBSTANTIATED, ComplaintStatus.UNSUBSTANTIATED,
                                    ComplaintStatus.WITHDRAWN},
    # An upheld appeal reopens the school's conclusion.
    ComplaintStatus.SUBSTANTIATED: {ComplaintStatus.INVESTIGATING},
    ComplaintStatus.UNSUBSTANTIATED: {ComplaintStatus.INVESTIGATING},
    ComplaintStatus.WITHDRAWN: set(),
}
CONCLUDED_STATUSES = (ComplaintStatus.SUBSTANTIATED, ComplaintStatus.UNSUBSTANTIATED)


class Complaint(models.Model):
    internship = models.ForeignKey("internships.Internship", on_delete=models.PROTECT, related_name="complaints",
                                   verbose_name=_("实习"))
    # Copied from the internship so that each side's list reads one table.
    student = models.ForeignKey("internships.Student", on_delete=models.PROTECT, related_name="complaints",
                                verbose_name=_("投诉人"))
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("被投诉企业"))
    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("学校"))
    categories = models.JSONField(_("投诉类别"), default=list)
    details = models.TextField(_("投诉内容"))
    status = models.CharField(_("处理结果"), max_length=16, choices=ComplaintStatus.choices,
                              default=ComplaintStatus.SUBMITTED)
    conclusion = models.TextField(_("处理意见"), blank=True)
    concluded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("处理人"))
    concluded_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("投诉时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("实习投诉")
        verbose_name_plural = _("实习投诉")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["substantiated", "unsubstantiated"])
                | (models.Q(concluded_at__isnull=False) & ~models.Q(conclusion="")),
                name="in_complaint_conclusion_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["enterprise", "status"], name="in_complaint_ent"),
            models.Index(fields=["school", "status"], name="in_complaint_school"),
        ]

    def __str__(self):
        return f"{self.student}→{self.enterprise}"

    def category_labels(self) -> list[str]:
        labels = dict(ComplaintCategory.choices)
        return [str(labels.get(code, code)) for code in self.categories]


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("待处理")
    UPHELD = "upheld", _("申诉成立")
    DISMISSED = "dismissed", _("申诉不成立")
    WITHDRAWN = "withdrawn", _("已撤回")


APPEAL_TRANSITIONS = {
    AppealStatus.PENDING: {AppealStatus.UPHELD, AppealStatus.DISMISSED, AppealStatus.WITHDRAWN},
    AppealStatus.UPHELD: {AppealStatus.PENDING},  # a decision revoked
    AppealStatus.DISMISSED: {AppealStatus.PENDING},
    AppealStatus.WITHDRAWN: set(),
}


class Appeal(models.Model):
    """申诉: the enterprise contests one or several concluded complaints of one school."""

    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("申诉企业"))
    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("学校"))
    complaints = models.ManyToManyField(Complaint, related_name="appeals", verbose_name=_("申诉的投诉"))
    text = models.TextField(_("申诉内容"))
    status = models.CharField(_("状态"), max_length=16, choices=AppealStatus.choices, default=AppealStatus.PENDING)
    decision = models.TextField(_("处理意见"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("处理人"))
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("申诉人"))
    created_at = models.DateTimeField(_("申诉时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("申诉")
        verbose_name_plural = _("申诉")

    def __str__(self):
        return f"{self.enterprise}·{self.get_status_display()}"
