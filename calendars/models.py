"""The official working-day calendar: weekdays are working days, weekends are not, except the dated rows of a
year's State Council notice (国务院办公厅关于部分节假日安排的通知): 放假 days off and 调休上班 make-up days.

Rules that count working days (calendars.workdays) refuse a year that is not published, so a deadline is never
computed from a calendar HR is still typing in.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class YearStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PUBLISHED = "published", _("已发布")


# calendars.services.publish_year is the only writer of the status; a published year is final (its days are
# already behind deadlines that were computed from it).
YEAR_TRANSITIONS = {
    YearStatus.DRAFT: {YearStatus.PUBLISHED},
    YearStatus.PUBLISHED: set(),
}


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("放假")
    MAKEUP_WORKDAY = "makeup_workday", _("调休上班")


class CalendarYear(models.Model):
    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    status = models.CharField(_("状态"), max_length=16, choices=YearStatus.choices, default=YearStatus.DRAFT)
    source = models.CharField(_("依据"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("发布人"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("工作日历年度")
        verbose_name_plural = _("工作日历年度")

    def __str__(self):
        return f"{self.year}年"

    @property
    def is_published(self) -> bool:
        return self.status == YearStatus.PUBLISHED


class SpecialDay(models.Model):
    calendar_year = models.ForeignKey(CalendarYear, on_delete=models.CASCADE, related_name="days",
                                      verbose_name=_("年度"))
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=DayKind.choices)
    name = models.CharField(_("节日名称"), max_length=32)

    class Meta:
        ordering = ["date"]
        verbose_name = _("放假调休日期")
        verbose_name_plural = _("放假调休日期")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}{self.get_kind_display()}"


class MinimumWage(models.Model):
    """最低工资标准: the monthly (and hourly) minimum wage of a region for a period, published by the province.

    The one place every programme reads it from (calendars.wages.minimum_wage): a traineeship's allowance floor
    and subsidy, an apprentice's wage warning. Periods are whole months, looked up by regions.periods."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("适用地区"))
    valid_from = models.DateField(_("起始月份"))
    valid_to = models.DateField(_("截止月份"), null=True, blank=True)
    monthly = models.DecimalField(_("月最低工资标准（元）"), max_digits=8, decimal_places=2)
    hourly = models.DecimalField(_("小时最低工资标准（元）"), max_digits=6, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("依据文件"), max_length=255, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("设置人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["region_id", "-valid_from"]
        verbose_name = _("最低工资标准")
        verbose_name_plural = _("最低工资标准")
        constraints = [
            models.UniqueConstraint(fields=["region", "valid_from"], name="cal_wage_region_start_unique"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="cal_wage_period_ordered"),
            models.CheckConstraint(condition=models.Q(monthly__gt=0), name="cal_wage_positive"),
        ]

    def __str__(self):
        return f"{self.region} {self.valid_from:%Y-%m} {self.monthly}"
