"""考勤 (manual 003 §3.2.1.5): per configured course and day, the teacher's presence and each trainee's mark,
recorded by the training institution (or by the enterprise for an "other" institution)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceSession(models.Model):
    course = models.ForeignKey("apprenticeships.Course", on_delete=models.CASCADE, related_name="sessions",
                               verbose_name=_("课程"))
    day = models.DateField(_("日期"))
    teacher = models.ForeignKey("apprenticeships.Teacher", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("授课教师"))
    teacher_present = models.BooleanField(_("教师到课"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("记录人"))
    recorded_at = models.DateTimeField(_("记录时间"), auto_now=True)

    class Meta:
        ordering = ["course", "day"]
        verbose_name = _("课程考勤")
        verbose_name_plural = _("课程考勤")
        constraints = [models.UniqueConstraint(fields=["course", "day"], name="ap_session_once_per_day")]


class Mark(models.TextChoices):
    PRESENT = "present", _("出勤")
    ABSENT = "absent", _("缺勤")
    LEAVE = "leave", _("请假")


class AttendanceMark(models.Model):
    session = models.ForeignKey(AttendanceSession, on_delete=models.CASCADE, related_name="marks",
                                verbose_name=_("课程考勤"))
    trainee = models.ForeignKey("apprenticeships.Trainee", on_delete=models.PROTECT, related_name="marks",
                                verbose_name=_("培训人员"))
    mark = models.CharField(_("考勤"), max_length=8, choices=Mark.choices)

    class Meta:
        ordering = ["session", "trainee"]
        verbose_name = _("学员考勤")
        verbose_name_plural = _("学员考勤")
        constraints = [models.UniqueConstraint(fields=["session", "trainee"], name="ap_mark_once")]
