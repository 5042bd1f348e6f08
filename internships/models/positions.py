"""实习岗位 (manual 000 §3): the enterprise adds, publishes, closes, edits and deletes its positions; the
regulation's red lines are checked before submission and again at publication (internships.compliance)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Education(models.TextChoices):
    SECONDARY = "secondary", _("中专")
    JUNIOR_COLLEGE = "junior_college", _("大专")
    BACHELOR = "bachelor", _("本科")
    ANY = "any", _("不限")


class Lodging(models.TextChoices):
    SHARED_SMALL = "shared_small", _("2-4人间")
    SHARED_LARGE = "shared_large", _("多人间")
    OWN = "own", _("住宿自理")


class Overtime(models.TextChoices):
    NONE = "none", _("无加班")
    OCCASIONAL = "occasional", _("偶尔加班")
    FREQUENT = "frequent", _("经常加班")


class PayPeriod(models.TextChoices):
    MONTHLY = "monthly", _("按月发放")
    HALF_MONTHLY = "half_monthly", _("按半月发放")
    WEEKLY = "weekly", _("按周发放")
    QUARTERLY = "quarterly", _("按季度发放")
    AT_END = "at_end", _("实习结束后一次性发放")


# The regulation (§1.3): paid at least monthly.
PAY_PERIODS_WITHIN_A_MONTH = (PayPeriod.MONTHLY, PayPeriod.HALF_MONTHLY, PayPeriod.WEEKLY)


class PayMethod(models.TextChoices):
    MONEY = "money", _("货币，直接发放给学生本人")
    THIRD_PARTY = "third_party", _("通过学校、中介或其他第三方转发")
    IN_KIND = "in_kind", _("实物、代金券等")


class PositionStatus(models.TextChoices):
    DRAFT = "draft", _("未发布")
    PENDING = "pending", _("待审核")
    RETURNED = "returned", _("退回修改")
    PUBLISHED = "published", _("已发布")
    CLOSED = "closed", _("已关闭")
    DELETED = "deleted", _("已删除")


# internships.services.positions is the only writer of Position.status. An edit of a published or closed
# position sets it back to DRAFT (manual 000 §3.4: it must be published again).
POSITION_TRANSITIONS = {
    PositionStatus.DRAFT: {PositionStatus.PUBLISHED, PositionStatus.PENDING, PositionStatus.DELETED},
    PositionStatus.PENDING: {PositionStatus.PUBLISHED, PositionStatus.RETURNED, PositionStatus.DRAFT},
    PositionStatus.RETURNED: {PositionStatus.DRAFT, PositionStatus.PENDING, PositionStatus.DELETED},
    PositionStatus.PUBLISHED: {PositionStatus.CLOSED, PositionStatus.DRAFT, PositionStatus.PENDING},
    PositionStatus.CLOSED: {PositionStatus.PUBLISHED, PositionStatus.PENDING, PositionStatus.DRAFT,
                            PositionStatus.DELETED},
    PositionStatus.DELETED: set(),
}


class Position(models.Model):
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                   related_name="internship_positions", verbose_name=_("企业"))
    title = models.CharField(_("岗位名称"), max_length=64)
    department = models.CharField(_("实习部门"), max_length=64)
    # 薪资待遇 as a monthly range, so that the 80 % rule can be checked against the same post's wage.
    pay_min = models.DecimalField(_("实习报酬下限（元/月）"), max_digits=8, decimal_places=2)
    pay_max = models.DecimalField(_("实习报酬上限（元/月）"), max_digits=8, decimal_places=2)
    same_post_wage = models.DecimalField(_("本单位相同岗位工资标准（元/月）"), max_digits=8, decimal_places=2)
    pay_period = models.CharField(_("报酬发放周期"), max_length=16, choices=PayPeriod.choices,
                                  default=PayPeriod.MONTHLY)
    pay_method = models.CharField(_("报酬发放方式"), max_length=16, choices=PayMethod.choices,
                                  default=PayMethod.MONEY)
    education = models.CharField(_("学历要求"), max_length=16, choices=Education.choices, default=Education.ANY)
    places = models.PositiveSmallIntegerField(_("实习人数"))
    # Signed internships on the position, counted under the position's lock (check: never above places).
    filled = models.PositiveSmallIntegerField(_("已签约人数"), default=0)
    post_staff = models.PositiveIntegerField(_("同类岗位在岗职工数"))
    majors = models.CharField(_("对口专业"), max_length=255)
    work_region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("工作地区"))
    address = models.CharField(_("工作地址"), max_length=255)
    lodging = models.CharField(_("住宿条件"), max_length=16, choices=Lodging.choices)
    night_shift = models.BooleanField(_("有夜班"), default=False)
    overtime = models.CharField(_("加班情况"), max_length=16, choices=Overtime.choices, default=Overtime.NONE)
    # 特殊要求备案: night shifts or overtime only with a filed exemption (regulation §1.6).
    exemption = models.ForeignKey("attachments.Attachment", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("夜班/加班特殊要求备案文件"))
    exemption_note = models.CharField(_("特殊要求说明"), max_length=255, blank=True)
    apply_from = models.DateField(_("报名日期始"))
    apply_until = models.DateField(_("报名日期止"))
    starts_on = models.DateField(_("实习开始日期"))
    ends_on = models.DateField(_("实习结束日期"))
    description = models.TextField(_("岗位描述"))
    skills = models.TextField(_("学习技能"))
    requirements = models.TextField(_("实习要求"))
    # The enterprise's declarations against the banned practices (regulation §1.2, §1.4).
    charges_fees = models.BooleanField(_("收取押金、培训费、管理费等费用"), default=False)
    retains_documents = models.BooleanField(_("扣留学生证、身份证等证件"), default=False)
    entertainment_venue = models.BooleanField(_("实习场所为酒吧、夜总会、歌厅、洗浴中心、网吧等营业性娱乐场所"),
                                              default=False)
    via_intermediary = models.BooleanField(_("通过中介机构或有偿代理组织实习"), default=False)
    # The checklist as computed at the last submission or publication (internships.compliance), for reviewers.
    compliance = models.JSONField(_("合规检查结果"), default=list, blank=True)
    status = models.CharField(_("岗位状态"), max_length=16, choices=PositionStatus.choices,
                              default=PositionStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("填报人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("实习岗位")
        verbose_name_plural = _("实习岗位")
        constraints = [
            models.CheckConstraint(condition=models.Q(places__gte=1), name="in_position_places_positive"),
            models.CheckConstraint(condition=models.Q(filled__lte=models.F("places")),
                                   name="in_position_places_not_exceeded"),
            models.CheckConstraint(condition=models.Q(apply_until__gte=models.F("apply_from")),
                                   name="in_position_apply_dates"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="in_position_period"),
            models.CheckConstraint(condition=models.Q(pay_max__gte=models.F("pay_min")),
                                   name="in_position_pay_range"),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="in_position_published_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="in_position_pub"),
            models.Index(fields=["enterprise", "status"], name="in_position_ent_status"),
        ]

    def __str__(self):
        return f"{self.enterprise}·{self.title}"

    @property
    def is_published(self) -> bool:
        return self.status == PositionStatus.PUBLISHED

    @property
    def places_left(self) -> int:
        return max(0, self.places - self.filled)
