"""培训档案 (manual 004 §6.2): one row per person and year, following the person (ID number) across units, and
the ledger of what was credited to it (查看培训历程). The yearly rules are parameters (HoursRule)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuing_education.models.choices import HoursSource, SubjectType
from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField


class ArchiveYear(EncryptedFieldsMixin, models.Model):
    """The year's totals of one person. Written only by services.archive.credit/debit, under this row's lock, so
    two approvals at once lose no hours. `organisation` is the unit of the latest credit (for lists and scope)."""

    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    name = models.CharField(_("姓名"), max_length=64)
    year = models.PositiveSmallIntegerField(_("培训年度"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("所在单位"))
    public_hours = models.DecimalField(_("公需科目学时"), max_digits=7, decimal_places=1, default=0)
    professional_hours = models.DecimalField(_("专业科目学时"), max_digits=7, decimal_places=1, default=0)
    class_hours = models.DecimalField(_("面授培训学时"), max_digits=7, decimal_places=1, default=0)
    online_hours = models.DecimalField(_("网络培训学时"), max_digits=7, decimal_places=1, default=0)
    declared_hours = models.DecimalField(_("学时申报学时"), max_digits=7, decimal_places=1, default=0)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-year", "name", "id"]
        verbose_name = _("培训档案")
        verbose_name_plural = _("培训档案")
        constraints = [
            models.UniqueConstraint(fields=["id_number_hash", "year"], name="ce_archive_one_row_per_person_year"),
        ]
        indexes = [models.Index(fields=["organisation", "year"])]

    def __str__(self):
        return f"{self.name} {self.year}"

    @property
    def total_hours(self):
        return self.public_hours + self.professional_hours


class ArchiveEntry(EncryptedFieldsMixin, models.Model):
    """One credit to a person's year (培训历程): a class result, an online result or an approved declaration, each
    credited once (the unique keys below)."""

    archive = models.ForeignKey(ArchiveYear, on_delete=models.PROTECT, related_name="entries")
    source = models.CharField(_("来源"), max_length=16, choices=HoursSource.choices)
    subject_type = models.CharField(_("科目类型"), max_length=16, choices=SubjectType.choices)
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1)
    title = models.CharField(_("名称"), max_length=160)
    organiser = models.CharField(_("主办/申报单位"), max_length=160, blank=True)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("所在单位"))
    occurred_on = models.DateField(_("完成日期"))
    participant = models.ForeignKey("continuing_education.Participant", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="archive_entries")
    online_result = models.ForeignKey("continuing_education.OnlineResult", on_delete=models.PROTECT, null=True,
                                      blank=True, related_name="archive_entries")
    declaration = models.ForeignKey("continuing_education.HoursDeclaration", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="archive_entries")
    credited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    credited_at = models.DateTimeField(_("记入时间"), auto_now_add=True)

    class Meta:
        ordering = ["archive", "occurred_on", "id"]
        verbose_name = _("培训历程")
        verbose_name_plural = _("培训历程")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(participant__isnull=False, online_result__isnull=True, declaration__isnull=True)
                           | models.Q(participant__isnull=True, online_result__isnull=False,
                                      declaration__isnull=True)
                           | models.Q(participant__isnull=True, online_result__isnull=True,
                                      declaration__isnull=False)),
                name="ce_entry_one_source"),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="ce_entry_hours_positive"),
            models.UniqueConstraint(fields=["participant"], name="ce_entry_participant_once"),
            models.UniqueConstraint(fields=["online_result"], name="ce_entry_online_result_once"),
            models.UniqueConstraint(fields=["declaration"], name="ce_entry_declaration_once"),
        ]


class HoursRule(models.Model):
    """The yearly rules of a region (a province; a city may override), with their source. No rule for the year:
    no 认定结果 is given ("该年度尚未设置学时要求"), never a default."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("地区"))
    year = models.PositiveSmallIntegerField(_("年度"))
    total_min = models.DecimalField(_("年度总学时不少于"), max_digits=5, decimal_places=1, default=90)
    professional_min = models.DecimalField(_("专业科目不少于"), max_digits=5, decimal_places=1, default=60)
    public_min = models.DecimalField(_("公需科目不少于"), max_digits=5, decimal_places=1, default=30)
    # {learning_form: hours per day}: "超过该学习形式每天 6 学时的上限".
    daily_caps = models.JSONField(_("各学习形式每天学时上限"), default=dict, blank=True)
    online_cap = models.DecimalField(_("网络培训学时上限"), max_digits=5, decimal_places=1, null=True, blank=True)
    carry_over = models.DecimalField(_("可结转下年学时"), max_digits=5, decimal_places=1, default=0)
    # A lead time the region sets for a 暂不上报 class, in working days before its start (0: before the start).
    class_lead_working_days = models.PositiveSmallIntegerField(_("培训班提前申报工作日数"), default=0)
    source = models.CharField(_("依据"), max_length=255)
    is_national_floor = models.BooleanField(_("国家最低标准"), default=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["region", "-year"]
        verbose_name = _("继续教育学时要求")
        verbose_name_plural = _("继续教育学时要求")
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="ce_hours_rule_once")]


class HoursCertificate(models.Model):
    """学时证明: the yearly PDF with a verification code; a public page confirms it."""

    archive = models.ForeignKey(ArchiveYear, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(_("验证码"), max_length=16)
    snapshot = models.JSONField(_("证明内容"), default=dict)  # masked name, year, hours, result as printed
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(_("出具时间"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [models.UniqueConstraint(fields=["code"], name="ce_certificate_code_unique")]
        verbose_name = _("学时证明")
        verbose_name_plural = _("学时证明")
