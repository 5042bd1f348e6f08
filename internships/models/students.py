"""Students (imported by their school) and their choices (manual 000 §4: up to 5 positions at once, the first
enterprise to agree wins)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField

MAX_OPEN_CHOICES = 5  # manual 000 §4 / regulation §1.12
MINIMUM_AGE = 16  # regulation §1.2: nobody under 16 on the start date


class StudyLevel(models.TextChoices):
    SECONDARY = "secondary", _("中职")
    HIGHER_VOCATIONAL = "higher_vocational", _("高职专科")
    VOCATIONAL_BACHELOR = "vocational_bachelor", _("高职本科")


class Student(EncryptedFieldsMixin, models.Model):
    """A student on a school's roll. The person signs in with name and ID number (accounts.eligibility);
    `person` is set when they first do. The row is the person's lock in this programme (lock order step 1)."""

    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                               related_name="internship_students", verbose_name=_("学校"))
    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="internship_student", verbose_name=_("账号"))
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    study_level = models.CharField(_("学历层次"), max_length=24, choices=StudyLevel.choices)
    major = models.CharField(_("专业"), max_length=64)
    class_name = models.CharField(_("班级"), max_length=64)
    enrolled_on = models.DateField(_("入学日期"))
    mobile = EncryptedTextField(_("手机号"), kind=crypto.MOBILE, max_length=11, blank=True)
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["class_name", "name", "id"]
        verbose_name = _("学生")
        verbose_name_plural = _("学生")
        constraints = [
            # One roll entry per person across schools: a second school's import is refused with a message.
            models.UniqueConstraint(fields=["id_number_hash"], name="in_student_once"),
        ]
        indexes = [models.Index(fields=["school", "class_name"], name="in_student_class")]

    def __str__(self):
        return self.name

    def in_first_year_on(self, day: datetime.date) -> bool:
        """Regulation §1.2: no 岗位实习 in the first year of study (the first 12 months after enrolment)."""
        try:
            anniversary = self.enrolled_on.replace(year=self.enrolled_on.year + 1)
        except ValueError:  # enrolled on 29 February
            anniversary = self.enrolled_on.replace(year=self.enrolled_on.year + 1, day=28)
        return day < anniversary


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("待企业确认")
    AGREED = "agreed", _("企业同意签约")
    REFUSED = "refused", _("企业拒绝签约")
    WITHDRAWN = "withdrawn", _("本人撤回")
    SUPERSEDED = "superseded", _("已与其他企业签约，自动撤回")
    CANCELLED = "cancelled", _("岗位已关闭或企业已列入黑名单，自动撤回")


APPLICATION_TRANSITIONS = {
    ApplicationStatus.APPLIED: {ApplicationStatus.AGREED, ApplicationStatus.REFUSED, ApplicationStatus.WITHDRAWN,
                                ApplicationStatus.SUPERSEDED, ApplicationStatus.CANCELLED},
    ApplicationStatus.AGREED: set(),
    ApplicationStatus.REFUSED: set(),
    ApplicationStatus.WITHDRAWN: set(),
    ApplicationStatus.SUPERSEDED: set(),
    ApplicationStatus.CANCELLED: set(),
}


class Application(models.Model):
    """实习申请: a student's choice of a position. While open (APPLIED) it holds one of the student's five
    choice slots; the database refuses a sixth (in_application_slot_*)."""

    student = models.ForeignKey(Student, on_delete=models.PROTECT, related_name="applications",
                                verbose_name=_("学生"))
    position = models.ForeignKey("internships.Position", on_delete=models.PROTECT, related_name="applications",
                                 verbose_name=_("岗位"))
    # Copied from the student and the position so that each side's list reads one table.
    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("学校"))
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("企业"))
    status = models.CharField(_("状态"), max_length=16, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.APPLIED)
    choice_slot = models.PositiveSmallIntegerField(_("志愿序号"), null=True, blank=True)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("处理人"))
    refusal_reason = models.CharField(_("拒绝原因"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("实习申请")
        verbose_name_plural = _("实习申请")
        constraints = [
            # An open application holds a slot 1–5 and only an open one does: at most five open per student.
            models.CheckConstraint(
                condition=(models.Q(status="applied", choice_slot__gte=1, choice_slot__lte=MAX_OPEN_CHOICES)
                           | (~models.Q(status="applied") & models.Q(choice_slot__isnull=True))),
                name="in_application_slot_when_open",
            ),
            models.UniqueConstraint(fields=["student", "choice_slot"], name="in_application_slot_unique"),
            models.UniqueConstraint(fields=["student", "position"],
                                    condition=models.Q(status__in=["applied", "agreed"]),
                                    name="in_application_once_per_position"),
        ]
        indexes = [
            models.Index(fields=["enterprise", "status"], name="in_application_ent"),
            models.Index(fields=["school", "status"], name="in_application_school"),
        ]

    def __str__(self):
        return f"{self.student}→{self.position}"
