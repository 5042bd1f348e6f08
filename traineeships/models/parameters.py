"""地区参数: minimum wage, subsidy rates and the insurance subsidy cap, per region and per period.

The regulations differ by province and change over time (regulations §2.2), so HR departments maintain
them. A lookup for a month takes the most specific region (county, then city, then province) that has a
setting whose period contains that month.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

RATE_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))]


class RegionParameter(models.Model):
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("适用地区"))
    # Periods are whole months: valid_from is the first day of its month, valid_to the last day of its
    # month, or empty for "until further notice".
    valid_from = models.DateField(_("起始月份"))
    valid_to = models.DateField(_("截止月份"), null=True, blank=True)
    # The minimum wage is not kept here: calendars.wages.minimum_wage (calendars.MinimumWage) is the one place.
    subsidy_rate = models.DecimalField(_("见习补贴比例"), max_digits=4, decimal_places=3, validators=RATE_VALIDATORS)
    raised_subsidy_rate = models.DecimalField(
        _("留用达标后的补贴比例"), max_digits=4, decimal_places=3, validators=RATE_VALIDATORS
    )
    retention_threshold = models.DecimalField(
        _("留用率达标线"), max_digits=4, decimal_places=3, default=Decimal("0.500"), validators=RATE_VALIDATORS
    )
    insurance_subsidy_cap = models.DecimalField(
        _("保险补贴上限（元/人）"), max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    # The rules that differ by province besides the money (regulations §2): the graduate window (离校 2 years
    # nationally, 3 in Shandong, which also admits graduates still unplaced in the months before graduating),
    # how long an approved application waits for onboarding, how long the unit has to register 留用 after
    # the end, how far back an onboarding may be dated without a warning, and the window over which the
    # "1+1" top-up's retention is assessed.
    graduate_window_years = models.PositiveSmallIntegerField(
        _("高校毕业生离校年限（年）"), default=2, validators=[MinValueValidator(1), MaxValueValidator(10)])
    pre_graduation_months = models.PositiveSmallIntegerField(
        _("毕业前可参加见习的月数"), default=0, validators=[MaxValueValidator(12)])
    approval_lapse_days = models.PositiveSmallIntegerField(
        _("审核通过后办理上岗登记的期限（天）"), default=30, validators=[MinValueValidator(1), MaxValueValidator(365)])
    retention_registration_days = models.PositiveSmallIntegerField(
        _("见习期满后登记留用的期限（天）"), default=30, validators=[MinValueValidator(1), MaxValueValidator(365)])
    backdating_warning_days = models.PositiveSmallIntegerField(
        _("上岗日期早于登记日超过多少天时提示（天）"), default=30, validators=[MaxValueValidator(365)])
    retention_window_months = models.PositiveSmallIntegerField(
        _("留用率考核期（月）"), default=12, validators=[MinValueValidator(1), MaxValueValidator(60)])
    note = models.CharField(_("依据/备注"), max_length=255, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("设置人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["region_id", "-valid_from"]
        verbose_name = _("就业见习地区参数")
        verbose_name_plural = _("就业见习地区参数")
        constraints = [
            models.UniqueConstraint(fields=["region", "valid_from"], name="tr_param_region_start_unique"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="tr_param_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(raised_subsidy_rate__gte=models.F("subsidy_rate")),
                name="tr_param_raised_not_lower",
            ),
        ]
        indexes = [models.Index(fields=["region", "valid_from", "valid_to"], name="tr_param_lookup")]

    def __str__(self):
        return f"{self.region} {self.valid_from:%Y-%m}"
