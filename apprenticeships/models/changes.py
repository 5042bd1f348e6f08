"""备案变更 (manual 003 §3.2.1.4): accepted 开班信息变更 (dates), 师资变更 (reviewed by the city) and the change log
that 【查看变更内容】 shows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DateChange(models.Model):
    """An accepted change of the class's start or end date. A refused attempt writes nothing and uses no quota;
    `sequence` (1, 2, 3…) is unique per class, so two parallel changes never both take the last one."""

    training_class = models.ForeignKey("apprenticeships.TrainingClass", on_delete=models.CASCADE,
                                       related_name="date_changes", verbose_name=_("培训信息"))
    sequence = models.PositiveSmallIntegerField(_("第几次变更"))
    old_starts_on = models.DateField(_("原开始日期"))
    old_ends_on = models.DateField(_("原结束日期"))
    new_starts_on = models.DateField(_("新开始日期"))
    new_ends_on = models.DateField(_("新结束日期"))
    requested_on = models.DateField(_("申请日期"))
    earliest_allowed = models.DateField(_("最早可改至"))
    reason = models.CharField(_("变更原因"), max_length=255, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("申请人"))
    created_at = models.DateTimeField(_("变更时间"), auto_now_add=True)

    class Meta:
        ordering = ["training_class", "sequence"]
        verbose_name = _("开班信息变更")
        verbose_name_plural = _("开班信息变更")
        constraints = [
            models.UniqueConstraint(fields=["training_class", "sequence"], name="ap_date_change_sequence"),
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="ap_date_change_sequence_positive"),
            models.CheckConstraint(condition=models.Q(new_ends_on__gt=models.F("new_starts_on")),
                                   name="ap_date_change_period_ordered"),
        ]


class TeacherChangeStatus(models.TextChoices):
    DRAFT = "draft", _("未提交")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    APPROVED = "approved", _("审核通过")


TEACHER_CHANGE_TRANSITIONS = {
    TeacherChangeStatus.DRAFT: {TeacherChangeStatus.SUBMITTED},
    TeacherChangeStatus.SUBMITTED: {TeacherChangeStatus.APPROVED, TeacherChangeStatus.RETURNED,
                                    TeacherChangeStatus.REJECTED, TeacherChangeStatus.DRAFT},
    TeacherChangeStatus.RETURNED: {TeacherChangeStatus.SUBMITTED},
    TeacherChangeStatus.REJECTED: set(),
    TeacherChangeStatus.APPROVED: set(),
}
OPEN_TEACHER_CHANGE_STATUSES = (TeacherChangeStatus.DRAFT, TeacherChangeStatus.SUBMITTED,
                                TeacherChangeStatus.RETURNED)


class TeacherChange(models.Model):
    """师资信息变更: new teachers and course swaps, reviewed by the city HR department; the courses change only
    on approval. One open change per filing (database)."""

    filing = models.ForeignKey("apprenticeships.Filing", on_delete=models.PROTECT, related_name="teacher_changes",
                               verbose_name=_("备案"))
    status = models.CharField(_("状态"), max_length=16, choices=TeacherChangeStatus.choices,
                              default=TeacherChangeStatus.DRAFT)
    reason = models.CharField(_("师资变更原因"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("申请人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("师资信息变更")
        verbose_name_plural = _("师资信息变更")
        constraints = [
            models.UniqueConstraint(fields=["filing"],
                                    condition=models.Q(status__in=["draft", "submitted", "returned"]),
                                    name="ap_teacher_change_one_open"),
        ]

    def __str__(self):
        return f"{self.filing} 师资变更"


class TeacherSwap(models.Model):
    change = models.ForeignKey(TeacherChange, on_delete=models.CASCADE, related_name="swaps",
                               verbose_name=_("师资变更申请"))
    course = models.ForeignKey("apprenticeships.Course", on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("课程"))
    old_teacher = models.ForeignKey("apprenticeships.Teacher", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("原授课教师"))
    new_teacher = models.ForeignKey("apprenticeships.Teacher", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("新授课教师"))

    class Meta:
        ordering = ["change", "id"]
        verbose_name = _("课程教师替换")
        verbose_name_plural = _("课程教师替换")
        constraints = [models.UniqueConstraint(fields=["change", "course"], name="ap_swap_once_per_course")]


class ChangeKind(models.TextChoices):
    CLASS_DATES = "class_dates", _("开班信息变更")
    COURSE = "course", _("课程信息配置")
    TEACHERS = "teachers", _("师资信息变更")
    TRAINEE_LOST = "trainee_lost", _("标记流失")
    CANCELLED = "cancelled", _("注销培训班")


class ChangeRecord(models.Model):
    """变更备案: every change after approval with before/after, who and when (【查看变更内容】, visible to HR)."""

    filing = models.ForeignKey("apprenticeships.Filing", on_delete=models.CASCADE, related_name="change_records",
                               verbose_name=_("备案"))
    kind = models.CharField(_("变更类型"), max_length=16, choices=ChangeKind.choices)
    summary = models.CharField(_("变更内容"), max_length=255)
    before = models.JSONField(_("变更前"), default=dict, blank=True)
    after = models.JSONField(_("变更后"), default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("操作人"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["filing", "-created_at", "-id"]
        verbose_name = _("变更记录")
        verbose_name_plural = _("变更记录")
