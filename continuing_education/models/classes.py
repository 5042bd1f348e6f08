"""培训班申报 and 培训成果 (manual 004 §2.1.1, §2.1.2, §3.1): face-to-face classes only."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuing_education.models.choices import SubjectType
from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField


class ReportMode(models.TextChoices):
    SYNC = "sync", _("同步上报")  # training already held: participants and results reviewed with the class
    LATER = "later", _("暂不上报")  # a plan: submitted before the start, results reported after approval


class ClassStatus(models.TextChoices):
    DRAFT = "draft", _("未提交")
    PENDING = "pending", _("待审核")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    APPROVED = "approved", _("审核通过")


CLASS_TRANSITIONS = {
    ClassStatus.DRAFT: {ClassStatus.PENDING},
    ClassStatus.PENDING: {ClassStatus.APPROVED, ClassStatus.REJECTED, ClassStatus.RETURNED, ClassStatus.DRAFT},
    ClassStatus.RETURNED: {ClassStatus.PENDING},
    ClassStatus.REJECTED: {ClassStatus.PENDING},
    ClassStatus.APPROVED: set(),  # an approved class is unchangeable (manual §3.1)
}
EDITABLE_CLASS_STATUSES = (ClassStatus.DRAFT, ClassStatus.RETURNED, ClassStatus.REJECTED)


class ResultsStatus(models.TextChoices):
    NOT_REPORTED = "not_reported", _("未上报")
    REPORTED = "reported", _("已上报")


RESULTS_TRANSITIONS = {
    ResultsStatus.NOT_REPORTED: {ResultsStatus.REPORTED},
    ResultsStatus.REPORTED: set(),  # once per class; a later correction goes to the class's reviewer
}


class TrainingClass(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="ce_classes", verbose_name=_("申报单位"))
    number = models.CharField(_("培训班编号"), max_length=24, unique=True, null=True, blank=True)
    name = models.CharField(_("培训班名称"), max_length=128)
    year = models.PositiveSmallIntegerField(_("培训年度"))
    subject_type = models.CharField(_("科目类型"), max_length=16, choices=SubjectType.choices)
    specialty = models.CharField(_("专业"), max_length=64, blank=True)  # 专业科目 only
    title_series = models.CharField(_("职称系列"), max_length=64, blank=True)  # 专业科目 only
    starts_on = models.DateField(_("培训开始日期"))
    ends_on = models.DateField(_("培训结束日期"))
    site = models.ForeignKey("continuing_education.TrainingSite", on_delete=models.PROTECT, related_name="classes",
                             verbose_name=_("面授培训点"))
    planned_headcount = models.PositiveIntegerField(_("计划培训人数"))
    report_mode = models.CharField(_("培训成果上报方式"), max_length=8, choices=ReportMode.choices)
    hours = models.DecimalField(_("培训学时"), max_digits=6, decimal_places=1, default=0)  # the courses' sum
    status = models.CharField(_("审核状态"), max_length=16, choices=ClassStatus.choices, default=ClassStatus.DRAFT)
    results_status = models.CharField(_("培训成果"), max_length=16, choices=ResultsStatus.choices,
                                      default=ResultsStatus.NOT_REPORTED)
    results_reported_at = models.DateTimeField(_("成果上报时间"), null=True, blank=True)
    results_reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                            blank=True, related_name="+", verbose_name=_("成果上报人"))
    # The courses and their teachers as approved (manual §3.4: an approved class keeps what it was approved with).
    approved_snapshot = models.JSONField(_("审核通过时的课程与师资"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("审核通过时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("面授培训班")
        verbose_name_plural = _("面授培训班")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="ce_class_period_ordered"),
            models.CheckConstraint(condition=models.Q(planned_headcount__gt=0), name="ce_class_headcount_positive"),
        ]
        indexes = [models.Index(fields=["organisation", "year", "status"])]

    def __str__(self):
        return self.name

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_CLASS_STATUSES


class ClassCourse(models.Model):
    """A catalogue course in a class (class hours = their sum)."""

    training_class = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="class_courses")
    course = models.ForeignKey("continuing_education.Course", on_delete=models.PROTECT, related_name="class_uses",
                               verbose_name=_("课程"))
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["training_class", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["training_class", "course"], name="ce_class_course_once")]


class ClassMaterial(models.Model):
    """培训相关附件 of a class declaration."""

    training_class = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="materials")
    attachment = models.ForeignKey("attachments.Attachment", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("附件"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["training_class", "uploaded_at"]


class Assessment(models.TextChoices):
    PASSED = "passed", _("合格")
    FAILED = "failed", _("不合格")


class Participant(EncryptedFieldsMixin, models.Model):
    """报名人员 and their result: hours earned and 考核结果. One result per person per class."""

    training_class = models.ForeignKey(TrainingClass, on_delete=models.CASCADE, related_name="participants",
                                       verbose_name=_("培训班"))
    staff = models.ForeignKey("organisations.StaffMember", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("人员"))
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    hours = models.DecimalField(_("获得学时"), max_digits=5, decimal_places=1, null=True, blank=True)
    assessment = models.CharField(_("考核结果"), max_length=8, choices=Assessment.choices, blank=True)
    created_at = models.DateTimeField(_("添加时间"), auto_now_add=True)

    class Meta:
        ordering = ["training_class", "name", "id"]
        verbose_name = _("报名人员")
        verbose_name_plural = _("报名人员")
        constraints = [
            models.UniqueConstraint(fields=["training_class", "id_number_hash"], name="ce_participant_once"),
            models.CheckConstraint(condition=models.Q(hours__isnull=True) | models.Q(hours__gte=0),
                                   name="ce_participant_hours_not_negative"),
        ]

    def __str__(self):
        return self.name
