"""The signed internship (实习), from the enterprise's agreement to its end: the tripartite agreement, the
group with its teacher and mentor, arrival, evaluations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InternshipStatus(models.TextChoices):
    SIGNED = "signed", _("企业已同意，待签实习协议")
    AGREEMENT_SIGNED = "agreement_signed", _("三方协议已签署")
    ARRIVED = "arrived", _("已到岗")
    COMPLETED = "completed", _("实习结束")
    ENDED_EARLY = "ended_early", _("提前终止")
    CANCELLED = "cancelled", _("已取消")


INTERNSHIP_TRANSITIONS = {
    InternshipStatus.SIGNED: {InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.CANCELLED,
                              InternshipStatus.ENDED_EARLY},
    InternshipStatus.AGREEMENT_SIGNED: {InternshipStatus.ARRIVED, InternshipStatus.CANCELLED,
                                        InternshipStatus.ENDED_EARLY},
    InternshipStatus.ARRIVED: {InternshipStatus.COMPLETED, InternshipStatus.ENDED_EARLY},
    InternshipStatus.COMPLETED: set(),
    InternshipStatus.ENDED_EARLY: set(),
    InternshipStatus.CANCELLED: set(),
}
# A student has at most one internship in these states (in_one_active_internship).
ACTIVE_STATUSES = (InternshipStatus.SIGNED, InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.ARRIVED)


class InternshipGroup(models.Model):
    """实习分组: the school groups its interns at one enterprise and names the supervising teacher; the
    enterprise then names the mentor (指导师傅, manual 000 §4.2)."""

    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("学校"))
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("企业"))
    name = models.CharField(_("组名"), max_length=64)
    teacher_name = models.CharField(_("学校指导教师"), max_length=64)
    teacher_phone = models.CharField(_("指导教师电话"), max_length=32)
    mentor_name = models.CharField(_("企业指导师傅"), max_length=64, blank=True)
    mentor_phone = models.CharField(_("指导师傅电话"), max_length=32, blank=True)
    mentor_assigned_at = models.DateTimeField(_("指定师傅时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("实习分组")
        verbose_name_plural = _("实习分组")
        constraints = [
            models.UniqueConstraint(fields=["school", "enterprise", "name"], name="in_group_name_unique"),
        ]

    def __str__(self):
        return self.name


class Internship(models.Model):
    student = models.ForeignKey("internships.Student", on_delete=models.PROTECT, related_name="internships",
                                verbose_name=_("学生"))
    application = models.OneToOneField("internships.Application", on_delete=models.PROTECT,
                                       related_name="internship", verbose_name=_("实习申请"))
    position = models.ForeignKey("internships.Position", on_delete=models.PROTECT, related_name="internships",
                                 verbose_name=_("岗位"))
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                   related_name="hosted_internships", verbose_name=_("实习企业"))
    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                               related_name="school_internships", verbose_name=_("学校"))
    status = models.CharField(_("状态"), max_length=24, choices=InternshipStatus.choices,
                              default=InternshipStatus.SIGNED)
    # Copied from the position when the enterprise agrees; the school may set them in the agreement.
    starts_on = models.DateField(_("实习开始日期"))
    ends_on = models.DateField(_("实习结束日期"))
    group = models.ForeignKey(InternshipGroup, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="internships", verbose_name=_("实习分组"))
    # The tripartite agreement (实习协议, regulation §1.8): the student confirms it online, the school signs
    # for the three parties; the signed copy and the informed-consent form are kept as files.
    agreement_terms = models.JSONField(_("协议条款"), default=dict, blank=True)
    student_confirmed_at = models.DateTimeField(_("学生确认时间"), null=True, blank=True)
    agreement_signed_at = models.DateTimeField(_("协议签署时间"), null=True, blank=True)
    agreement_signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                            blank=True, related_name="+", verbose_name=_("学校签署人"))
    agreement_copy = models.ForeignKey("attachments.Attachment", on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+", verbose_name=_("已签署协议"))
    consent_form = models.ForeignKey("attachments.Attachment", on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+", verbose_name=_("知情同意书"))
    arrived_on = models.DateField(_("到岗日期"), null=True, blank=True)
    arrival_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                             blank=True, related_name="+", verbose_name=_("到岗确认人"))
    ended_on = models.DateField(_("终止日期"), null=True, blank=True)
    end_reason = models.TextField(_("终止原因"), blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("终止人"))
    created_at = models.DateTimeField(_("签约时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("实习")
        verbose_name_plural = _("实习")
        constraints = [
            models.UniqueConstraint(fields=["student"], condition=models.Q(status__in=ACTIVE_STATUSES),
                                    name="in_one_active_internship"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="in_internship_period"),
            models.CheckConstraint(
                condition=~models.Q(status="ended_early")
                | (models.Q(ended_on__isnull=False) & ~models.Q(end_reason="")),
                name="in_ended_early_has_reason",
            ),
            models.CheckConstraint(condition=~models.Q(status="arrived") | models.Q(arrived_on__isnull=False),
                                   name="in_arrived_has_date"),
        ]
        indexes = [
            models.Index(fields=["enterprise", "status"], name="in_internship_ent"),
            models.Index(fields=["school", "status"], name="in_internship_school"),
        ]

    def __str__(self):
        return f"{self.student}·{self.enterprise}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class EvaluationSide(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业评价学生")
    STUDENT = "student", _("学生评价企业")


class EvaluationStage(models.TextChoices):
    PROCESS = "process", _("过程性评价")
    FINAL = "final", _("实习总结评价")


class Grade(models.TextChoices):
    EXCELLENT = "excellent", _("优秀")
    GOOD = "good", _("良好")
    PASS = "pass", _("合格")
    FAIL = "fail", _("不合格")


class Evaluation(models.Model):
    internship = models.ForeignKey(Internship, on_delete=models.PROTECT, related_name="evaluations",
                                   verbose_name=_("实习"))
    side = models.CharField(_("评价方"), max_length=16, choices=EvaluationSide.choices)
    stage = models.CharField(_("评价类型"), max_length=16, choices=EvaluationStage.choices)
    grade = models.CharField(_("评价等级"), max_length=16, choices=Grade.choices)
    comment = models.TextField(_("评价内容"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("评价人"))
    created_at = models.DateTimeField(_("评价时间"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("实习评价")
        verbose_name_plural = _("实习评价")
        constraints = [
            models.UniqueConstraint(fields=["internship", "side"], condition=models.Q(stage="final"),
                                    name="in_one_final_evaluation"),
        ]

    def __str__(self):
        return f"{self.internship}·{self.get_side_display()}"
