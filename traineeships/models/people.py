"""Trainees and their traineeships: the graduate register, profiles, applications, placements (录用上岗)
and monthly on-post reports. The screens for these come with part 2 of the programme; the rules that must
hold whatever the screens do (one pending application, one traineeship per lifetime) live in the schema.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField
from core.search import tokens_for
from traineeships.models.posts import Education


class GraduateRecord(EncryptedFieldsMixin, models.Model):
    """高校毕业生就业信息库: imported by HR or education departments; checked at an individual's sign-in."""

    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    school = models.CharField(_("毕业院校"), max_length=128)
    major = models.CharField(_("专业"), max_length=128)
    education = models.CharField(_("学历"), max_length=16, choices=Education.choices)
    graduation_year = models.PositiveSmallIntegerField(_("毕业年份"))
    imported_by_org = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+", verbose_name=_("导入单位"))
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-graduation_year", "name"]
        constraints = [models.UniqueConstraint(fields=["id_number_hash"], name="tr_graduate_id_number_unique")]
        verbose_name = _("高校毕业生信息")
        verbose_name_plural = _("高校毕业生信息")

    def __str__(self):
        return self.name


class TraineeKind(models.TextChoices):
    GRADUATE = "graduate", _("高校毕业生")
    YOUTH = "youth", _("失业青年（16–24岁）")


class IdDocumentType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    TEMPORARY_ID = "temporary_id", _("临时居民身份证")


class TraineeProfile(models.Model):
    """An individual taking part: who they are (checked at sign-in) and their 见习意向."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="trainee_profile", verbose_name=_("个人"))
    kind = models.CharField(_("人员类别"), max_length=16, choices=TraineeKind.choices)
    graduate_record = models.ForeignKey(GraduateRecord, on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+", verbose_name=_("毕业生信息"))
    mobile_verified_at = models.DateTimeField(_("手机验证时间"), null=True, blank=True)
    household_region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+", verbose_name=_("户籍所在地"))
    address = models.CharField(_("通讯地址"), max_length=255, blank=True)
    email = models.EmailField(_("联系邮箱"), blank=True)
    contact_mobile = EncryptedTextField(_("联系手机"), kind=crypto.MOBILE, max_length=11, blank=True)
    education = models.CharField(_("学历"), max_length=16, choices=Education.choices, blank=True)
    major = models.CharField(_("专业"), max_length=128, blank=True)
    intended_region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+", verbose_name=_("意向见习地区"))
    intended_post = models.CharField(_("意向岗位"), max_length=128, blank=True)
    intended_industry = models.CharField(_("意向行业"), max_length=128, blank=True)
    intention_note = models.TextField(_("其他意向说明"), blank=True)
    intention_submitted_at = models.DateTimeField(_("意向提交时间"), null=True, blank=True)
    # 身份证件信息: asked of young job seekers only (manual 001 §2.3 item 7); graduates are in the register.
    id_document_type = models.CharField(_("证件类型"), max_length=16, choices=IdDocumentType.choices, blank=True)
    id_issuing_authority = models.CharField(_("签发机关"), max_length=64, blank=True)
    id_valid_from = models.DateField(_("有效期起"), null=True, blank=True)
    id_valid_to = models.DateField(_("有效期至"), null=True, blank=True)  # empty with id_valid_long_term
    id_valid_long_term = models.BooleanField(_("长期有效"), default=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("见习人员")
        verbose_name_plural = _("见习人员")

    def __str__(self):
        return str(self.person)


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("审核通过")
    REJECTED = "rejected", _("审核不通过")
    WITHDRAWN = "withdrawn", _("已撤销报名")
    # An approved applicant the unit cannot onboard: released by the unit with a reason, or lapsed when no
    # 上岗登记 was made within the region's approval_lapse_days. Either way the person may apply elsewhere.
    RELEASED = "released", _("单位已释放")
    LAPSED = "lapsed", _("逾期未上岗，已失效")


APPLICATION_TRANSITIONS = {
    ApplicationStatus.PENDING: {ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN},
    ApplicationStatus.APPROVED: {ApplicationStatus.RELEASED, ApplicationStatus.LAPSED},
    ApplicationStatus.REJECTED: set(),
    ApplicationStatus.WITHDRAWN: set(),
    ApplicationStatus.RELEASED: set(),
    ApplicationStatus.LAPSED: set(),
}


class Application(models.Model):
    """报名: one person for one post. A person has at most one pending application at a time."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="traineeship_applications", verbose_name=_("报名人"))
    post = models.ForeignKey("traineeships.Post", on_delete=models.PROTECT, related_name="applications",
                             verbose_name=_("见习岗位"))
    status = models.CharField(_("状态"), max_length=16, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.PENDING)
    applied_at = models.DateTimeField(_("报名时间"))
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("审核人"))
    reason = models.CharField(_("审核意见"), max_length=255, blank=True)
    withdrawn_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    # 释放 / 逾期失效 of an approved application: when, and the reason the person is shown (the approval's own
    # 审核意见 in `reason` stays as it was).
    closed_at = models.DateTimeField(_("释放/失效时间"), null=True, blank=True)
    close_reason = models.CharField(_("释放/失效原因"), max_length=255, blank=True)
    # Has a placement (录用上岗登记), set by Placement.save. An onboarded application stays `approved`, so
    # "approved and waiting for registration" would otherwise probe every approved application of a unit for
    # a placement; the flag lets a small partial index hold only the waiting ones. Placements are never deleted.
    onboarded = models.BooleanField(_("已登记上岗"), default=False, editable=False)

    class Meta:
        ordering = ["-applied_at", "-id"]
        verbose_name = _("见习报名")
        verbose_name_plural = _("见习报名")
        constraints = [
            models.UniqueConstraint(fields=["person"], condition=models.Q(status="pending"),
                                    name="tr_one_pending_application_per_person"),
        ]
        indexes = [
            models.Index(fields=["post", "status"], name="tr_application_post_status"),
            # 待登记上岗 (approved, no placement yet), newest decision first: a few rows, whatever the history.
            models.Index(fields=["-decided_at", "-id"], condition=models.Q(status="approved", onboarded=False),
                         name="tr_application_waiting"),
        ]

    def __str__(self):
        return f"{self.person} → {self.post}"


class PostInterest(models.Model):
    """有意向人员: a person marked a post as interesting without applying yet (manual 002 §七)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="traineeship_interests", verbose_name=_("个人"))
    post = models.ForeignKey("traineeships.Post", on_delete=models.CASCADE, related_name="interests",
                             verbose_name=_("见习岗位"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["person", "post"], name="tr_interest_unique")]


class PlacementStatus(models.TextChoices):
    DRAFT = "draft", _("待提交协议")
    PENDING = "pending", _("协议审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    CANCELLED = "cancelled", _("已撤销登记")
    ON_POST = "on_post", _("在岗")
    LEAVING = "leaving", _("离岗办理中")
    ENDED = "ended", _("已结束")  # an early departure, approved by HR
    EXPIRED = "expired", _("见习期满")  # the end date passed: set by the daily job, no filing needed


# A placement in any of these states holds the person's one traineeship and one of the post's places: it is
# under way, or done. A rejected or cancelled registration does not count, so the person may be registered
# elsewhere (a rejected one that is resubmitted must find the person and a place free again).
LIFETIME_STATUSES = (
    PlacementStatus.DRAFT,
    PlacementStatus.PENDING,
    PlacementStatus.RETURNED,
    PlacementStatus.ON_POST,
    PlacementStatus.LEAVING,
    PlacementStatus.ENDED,
    PlacementStatus.EXPIRED,
)

# A traineeship that is over: an approved early departure, or the end date passed. Both count as "ended" in the
# retention rate and are paid for their months; ended_on holds the last day on post for both.
ENDED_STATUSES = (PlacementStatus.ENDED, PlacementStatus.EXPIRED)
# The placements that earn the monthly subsidy: the agreement was approved.
PAID_STATUSES = (PlacementStatus.ON_POST, PlacementStatus.LEAVING, *ENDED_STATUSES)

# traineeships.services.placements.set_placement_status is the only writer of Placement.status.
PLACEMENT_TRANSITIONS = {
    PlacementStatus.DRAFT: {PlacementStatus.PENDING, PlacementStatus.CANCELLED},
    PlacementStatus.PENDING: {PlacementStatus.ON_POST, PlacementStatus.RETURNED, PlacementStatus.REJECTED,
                              PlacementStatus.DRAFT},  # DRAFT: the unit withdrew it before any decision
    PlacementStatus.RETURNED: {PlacementStatus.PENDING, PlacementStatus.CANCELLED},
    PlacementStatus.REJECTED: {PlacementStatus.PENDING, PlacementStatus.CANCELLED},
    PlacementStatus.CANCELLED: set(),
    # PENDING: HR revoked approval; EXPIRED: the daily job, the day after the end date.
    PlacementStatus.ON_POST: {PlacementStatus.LEAVING, PlacementStatus.PENDING, PlacementStatus.EXPIRED},
    PlacementStatus.LEAVING: {PlacementStatus.ON_POST, PlacementStatus.ENDED},
    PlacementStatus.ENDED: {PlacementStatus.LEAVING},  # HR revoked its approval of the departure
    PlacementStatus.EXPIRED: set(),
}


class RetentionOutcome(models.TextChoices):
    """留用情况 of a traineeship, registered by the unit. Settled (final) once the traineeship has ended and the
    unit registered it, or the registration period passed (LAPSED counts as not retained)."""

    RETAINED = "retained", _("留用")
    NOT_RETAINED = "not_retained", _("未留用")
    LAPSED = "lapsed", _("逾期未登记（按未留用计）")


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("见习期满")
    HIRED_EARLY = "hired_early", _("提前签订劳动合同")
    LEFT_BY_TRAINEE = "left_by_trainee", _("本人申请离岗")
    DISMISSED = "dismissed", _("单位解除见习协议")
    OTHER = "other", _("其他")


# The reasons of a departure (离岗登记) the unit files for review: only an early end. 见习期满 is written by the
# daily job when the end date passes, without a certificate or a review.
EARLY_END_REASONS = [choice for choice in EndReason.choices if choice[0] != EndReason.COMPLETED]


class EndRequestedBy(models.TextChoices):
    UNIT = "unit", _("单位登记")
    TRAINEE = "trainee", _("本人申请")


class Placement(models.Model):
    """录用上岗登记: the agreement between a base and a trainee, reviewed by HR of the base's level."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="placement",
                                       verbose_name=_("报名"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="traineeship_placements", verbose_name=_("见习人员"))
    post = models.ForeignKey("traineeships.Post", on_delete=models.PROTECT, related_name="placements",
                             verbose_name=_("见习岗位"))
    base = models.ForeignKey("traineeships.TraineeshipBase", on_delete=models.PROTECT, related_name="placements",
                             verbose_name=_("见习基地"))
    start_on = models.DateField(_("见习开始日期"))
    end_on = models.DateField(_("见习结束日期"))
    monthly_allowance = models.DecimalField(_("见习期间生活费（元/月）"), max_digits=8, decimal_places=2)
    insurance_company = models.CharField(_("保险公司"), max_length=128)
    insurance_policy_number = models.CharField(_("保单号"), max_length=64)
    insurance_premium = models.DecimalField(_("保费（元）"), max_digits=8, decimal_places=2)
    insurance_sum_insured = models.DecimalField(_("保额（元）"), max_digits=10, decimal_places=2)
    insurance_valid_from = models.DateField(_("保险起始日期"), null=True, blank=True)
    insurance_valid_to = models.DateField(_("保险截止日期"), null=True, blank=True)
    # Which of the post's places the placement holds (1..places): unique among place-holding placements, so
    # two registrations racing for the last place collide in the database even if a lock were forgotten.
    place_number = models.PositiveSmallIntegerField(_("名额序号"), null=True, blank=True)
    agreement_scan = models.ForeignKey("attachments.Attachment", on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+", verbose_name=_("见习协议（签字盖章扫描件）"))
    status = models.CharField(_("状态"), max_length=16, choices=PlacementStatus.choices,
                              default=PlacementStatus.PENDING)
    approved_at = models.DateTimeField(_("上岗审核通过时间"), null=True, blank=True)
    ended_on = models.DateField(_("离岗日期"), null=True, blank=True)
    end_reason = models.CharField(_("离岗原因"), max_length=16, choices=EndReason.choices, blank=True)
    end_note = models.CharField(_("离岗说明"), max_length=255, blank=True)
    end_requested_by = models.CharField(_("离岗发起方"), max_length=16, choices=EndRequestedBy.choices,
                                        blank=True)
    termination_certificate = models.ForeignKey(
        "attachments.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("解除见习协议证明（盖章扫描件）"),
    )
    retained_on = models.DateField(_("留用日期"), null=True, blank=True)
    # The 见习匹配结果批量上报 import that registered it (empty when registered on the screen), so 上报记录
    # can show what became of each import's rows.
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    retention_contract = models.CharField(_("劳动合同信息"), max_length=255, blank=True)
    # A start date more than the region's backdating_warning_days before the registration day needs the
    # unit's explicit confirmation: who confirmed it and when (empty when the date needed none).
    backdating_confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                                blank=True, related_name="+", verbose_name=_("倒签确认人"))
    backdating_confirmed_at = models.DateTimeField(_("倒签确认时间"), null=True, blank=True)
    retention_outcome = models.CharField(_("留用情况"), max_length=16, choices=RetentionOutcome.choices, blank=True)
    # Written when the traineeship ends: the last day the unit may register 留用 or 未留用.
    retention_due_on = models.DateField(_("留用登记截止日期"), null=True, blank=True)
    # The day the outcome became final (registered after the end, or the day after the deadline): the "1+1"
    # top-up falls due that day and counts the outcomes settled by then, so it never changes afterwards.
    retention_settled_on = models.DateField(_("留用情况确定日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("登记人"))
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    # The 姓名 search's text (core.search, migration 0015): the trainee's name, never the ID number (encrypted;
    # found by its keyed hash). Written at registration, rewritten by refresh_search_text when the name changes.
    search_text = models.TextField(default="", editable=False)

    class Meta:
        ordering = ["-start_on", "-id"]
        verbose_name = _("见习上岗登记")
        verbose_name_plural = _("见习上岗登记")
        constraints = [
            # 每人一生只能参加一次就业见习: enforced by the database, whatever the screens do.
            models.UniqueConstraint(fields=["person"], condition=models.Q(status__in=LIFETIME_STATUSES),
                                    name="tr_one_traineeship_per_person"),
            models.CheckConstraint(condition=models.Q(end_on__gt=models.F("start_on")),
                                   name="tr_placement_end_after_start"),
            models.UniqueConstraint(fields=["post", "place_number"],
                                    condition=models.Q(status__in=LIFETIME_STATUSES),
                                    name="tr_placement_one_per_place"),
            models.CheckConstraint(condition=models.Q(place_number__isnull=True) | models.Q(place_number__gte=1),
                                   name="tr_placement_place_positive"),
        ]
        indexes = [
            models.Index(fields=["post", "status"], name="tr_placement_post_status"),
            models.Index(fields=["base", "status"], name="tr_placement_base_status"),
            # 上岗人员管理: a unit's registrations, newest first.
            models.Index(fields=["base", "-created_at", "-id"], name="tr_placement_base_newest"),
        ]

    def __str__(self):
        return f"{self.person} @ {self.post}"

    def save(self, *args, **kwargs):
        # Here rather than in the registration service so that every writer keeps Application.onboarded true
        # to "has a placement" (placements are never deleted); the caller's transaction holds both writes.
        adding = self._state.adding
        if adding:
            self.search_text = tokens_for(self.person.real_name)
        super().save(*args, **kwargs)
        if adding:
            Application.objects.filter(pk=self.application_id, onboarded=False).update(onboarded=True)


class MonthlyReport(models.Model):
    """每月在岗情况 (and attendance) of one placement for one month: what the monthly subsidy is paid on."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="monthly_reports",
                                  verbose_name=_("上岗登记"))
    month = models.DateField(_("月份"))  # the first day of the month
    # Empty until the 每月在岗情况 report gives it: an attendance report alone says nothing about it.
    on_post = models.BooleanField(_("是否在岗"), null=True, blank=True)
    days_on_post = models.PositiveSmallIntegerField(_("出勤天数"), null=True, blank=True)
    days_absent = models.PositiveSmallIntegerField(_("缺勤天数"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=255, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("上报人"))
    reported_at = models.DateTimeField(_("上报时间"))

    class Meta:
        ordering = ["placement", "month"]
        verbose_name = _("每月在岗情况")
        verbose_name_plural = _("每月在岗情况")
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="tr_monthly_report_unique"),
            models.CheckConstraint(condition=models.Q(month__day=1), name="tr_monthly_report_first_day"),
        ]

    def __str__(self):
        return f"{self.placement} {self.month:%Y-%m}"
