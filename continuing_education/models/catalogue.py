"""培训管理 (manual 004 §3.2–§3.4): one catalogue per organisation of teachers, courses, 面授培训点 and 网授平台."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuing_education.models.choices import SubjectType
from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField


class Teacher(EncryptedFieldsMixin, models.Model):
    """师资: referred to by courses, so an edit shows everywhere (§3.4); an approved class keeps its snapshot."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="ce_teachers", verbose_name=_("单位"))
    name = models.CharField(_("教师姓名"), max_length=64)
    title = models.CharField(_("职称/职务"), max_length=64, blank=True)
    employer = models.CharField(_("工作单位"), max_length=128, blank=True)
    specialty = models.CharField(_("专业领域"), max_length=128, blank=True)
    mobile = EncryptedTextField(_("联系电话"), kind=crypto.MOBILE, max_length=11, blank=True)
    introduction = models.TextField(_("教师简介"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("培训教师")
        verbose_name_plural = _("培训教师")

    def __str__(self):
        return self.name


class Course(models.Model):
    """培训课程: needed before a class declaration; one used in a submitted class cannot be deleted."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="ce_courses", verbose_name=_("单位"))
    name = models.CharField(_("课程名称"), max_length=128)
    subject_type = models.CharField(_("科目类型"), max_length=16, choices=SubjectType.choices)
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1)
    teachers = models.ManyToManyField(Teacher, related_name="courses", blank=True, verbose_name=_("授课教师"))
    outline = models.TextField(_("课程大纲"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("培训课程")
        verbose_name_plural = _("培训课程")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="ce_course_name_unique"),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="ce_course_hours_positive"),
        ]

    def __str__(self):
        return self.name


class TrainingSite(models.Model):
    """面授培训点."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="ce_sites", verbose_name=_("单位"))
    name = models.CharField(_("培训点名称"), max_length=128)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("所在地区"))
    address = models.CharField(_("详细地址"), max_length=255)
    capacity = models.PositiveIntegerField(_("可容纳人数"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("面授培训点")
        verbose_name_plural = _("面授培训点")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="ce_site_name_unique")]

    def __str__(self):
        return self.name


class OnlinePlatform(models.Model):
    """网授平台. A docked platform (对接) carries the docking details the province asks for; when that list changes
    (rules.DOCKING_FIELDS_VERSION), the unit must complete them before any screen of the programme opens."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="ce_platforms", verbose_name=_("单位"))
    name = models.CharField(_("平台名称"), max_length=128)
    operator = models.CharField(_("运营单位"), max_length=128)
    url = models.URLField(_("平台网址"))
    contact_name = models.CharField(_("联系人"), max_length=64)
    contact_phone = models.CharField(_("联系电话"), max_length=32)
    is_docked = models.BooleanField(_("已与公共服务平台对接"), default=False)
    docking_details = models.JSONField(_("对接信息"), default=dict, blank=True)
    docking_version = models.PositiveSmallIntegerField(_("对接信息版本"), default=0)
    docking_updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                           blank=True, related_name="+")
    docking_updated_at = models.DateTimeField(_("对接信息更新时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("网授平台")
        verbose_name_plural = _("网授平台")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="ce_platform_name_unique")]

    def __str__(self):
        return self.name
