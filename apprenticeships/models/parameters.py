"""学徒制参数: per region (city, else province) and period, kept by HR with the source shown (issue 9). Nothing
here has a default in code: a period without a setting is refused ("该期间尚未设置补贴标准"). 粤人社规〔2023〕13号
ran to 2025-12-31, so every row carries its effective dates (valid_from: first day of a month; valid_to: last
day of a month, or empty for until further notice)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apprenticeships.models.filings import ApprenticeshipType, TargetLevel

RATE_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]
NATIONAL_FLOOR_PER_YEAR = Decimal("5000")  # 原则上5000元以上 since 2021 (regulations §3.1): a warning, not a rule
MAX_UPLIFT = Decimal("0.30")  # 紧缺急需: up to 30 % (regulations §3.2)


def _period_constraints(prefix: str) -> list:
    return [models.CheckConstraint(
        condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
        name=f"{prefix}_period_ordered")]


class SubsidyStandard(models.Model):
    """补贴标准: 元 per person per training year, by type and target level."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("适用地区"))
    valid_from = models.DateField(_("起始月份"))
    valid_to = models.DateField(_("截止月份"), null=True, blank=True)
    apprenticeship_type = models.CharField(_("学徒制培训类型"), max_length=16, choices=ApprenticeshipType.choices)
    target_level = models.CharField(_("培训目标等级"), max_length=24, choices=TargetLevel.choices)
    amount_per_year = models.DecimalField(_("补贴标准（元/人·年）"), max_digits=9, decimal_places=2,
                                          validators=[MinValueValidator(Decimal("0.01"))])
    source = models.CharField(_("依据文件"), max_length=255)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("设置人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["region_id", "-valid_from", "apprenticeship_type", "target_level"]
        verbose_name = _("学徒制补贴标准")
        verbose_name_plural = _("学徒制补贴标准")
        constraints = [
            models.UniqueConstraint(fields=["region", "apprenticeship_type", "target_level", "valid_from"],
                                    name="ap_standard_unique"),
            *_period_constraints("ap_standard"),
        ]

    def __str__(self):
        return f"{self.region} {self.valid_from:%Y-%m} {self.apprenticeship_type} {self.target_level}"


class ShortageOccupation(models.Model):
    """紧缺急需职业（工种）目录 of a city for a year, with the uplift (≤ 30 %) for 高级工 and above."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("发布地区"))
    year = models.PositiveSmallIntegerField(_("目录年度"), validators=[MinValueValidator(2000),
                                                                     MaxValueValidator(2100)])
    occupation = models.CharField(_("职业（工种）"), max_length=64)
    uplift_rate = models.DecimalField(_("上浮比例"), max_digits=4, decimal_places=3,
                                      validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_UPLIFT)])
    source = models.CharField(_("依据文件"), max_length=255)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("设置人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["region_id", "-year", "occupation"]
        verbose_name = _("紧缺急需职业目录")
        verbose_name_plural = _("紧缺急需职业目录")
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "occupation"], name="ap_shortage_unique"),
            models.CheckConstraint(condition=models.Q(uplift_rate__lte=MAX_UPLIFT), name="ap_shortage_uplift_cap"),
        ]

    def __str__(self):
        return f"{self.region} {self.year} {self.occupation}"


class RuleSet(models.Model):
    """The rules of a region and period besides the money: advance rates and windows, the balance window, the
    duration and contract rules and the manual's change limits."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("适用地区"))
    valid_from = models.DateField(_("起始月份"))
    valid_to = models.DateField(_("截止月份"), null=True, blank=True)
    ecosystem_advance_rate = models.DecimalField(_("生态链企业预支比例"), max_digits=4, decimal_places=3,
                                                 validators=RATE_VALIDATORS)
    ecosystem_advance_after_months = models.PositiveSmallIntegerField(
        _("生态链企业备案列名后满几个月可预支"), validators=[MaxValueValidator(24)])
    filed_advance_rate = models.DecimalField(_("备案企业预支比例"), max_digits=4, decimal_places=3,
                                             validators=RATE_VALIDATORS)
    filed_advance_within_months = models.PositiveSmallIntegerField(
        _("开班后几个月内可预支"), validators=[MinValueValidator(1), MaxValueValidator(24)])
    balance_within_months = models.PositiveSmallIntegerField(
        _("培训期满后几个月内申领清算"), validators=[MinValueValidator(1), MaxValueValidator(60)])
    min_duration_months = models.PositiveSmallIntegerField(_("培训期下限（月）"),
                                                           validators=[MinValueValidator(1), MaxValueValidator(60)])
    max_duration_months = models.PositiveSmallIntegerField(_("培训期上限（月）"),
                                                           validators=[MinValueValidator(1), MaxValueValidator(60)])
    extended_max_months = models.PositiveSmallIntegerField(_("特殊情况培训期上限（月）"),
                                                           validators=[MinValueValidator(1), MaxValueValidator(60)])
    min_contract_months = models.PositiveSmallIntegerField(_("劳动合同期限下限（月）"),
                                                           validators=[MaxValueValidator(120)])
    max_date_changes = models.PositiveSmallIntegerField(_("开班日期最多变更次数"),
                                                        validators=[MaxValueValidator(10)])
    change_notice_working_days = models.PositiveSmallIntegerField(_("开班日期变更须提前的工作日"),
                                                                  validators=[MaxValueValidator(60)])
    course_config_days_before = models.PositiveSmallIntegerField(_("课程信息须提前配置的天数"),
                                                                 validators=[MaxValueValidator(30)])
    # No official attendance threshold was found (regulations §3.3): empty = no check.
    attendance_threshold = models.DecimalField(_("出勤率提示线"), max_digits=4, decimal_places=3, null=True,
                                               blank=True, validators=RATE_VALIDATORS)
    source = models.CharField(_("依据文件"), max_length=255)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("设置人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["region_id", "-valid_from"]
        verbose_name = _("学徒制规则参数")
        verbose_name_plural = _("学徒制规则参数")
        constraints = [
            models.UniqueConstraint(fields=["region", "valid_from"], name="ap_ruleset_unique"),
            *_period_constraints("ap_ruleset"),
            models.CheckConstraint(condition=models.Q(max_duration_months__gte=models.F("min_duration_months"))
                                   & models.Q(extended_max_months__gte=models.F("max_duration_months")),
                                   name="ap_ruleset_durations_ordered"),
        ]

    def __str__(self):
        return f"{self.region} {self.valid_from:%Y-%m}"
