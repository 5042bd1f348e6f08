"""见习岗位 (traineeship posts): reviewed by HR, then published by the city for the public to see."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import search

# 见习期限 3–12 个月 (national rule, regulations §2.1).
MIN_PERIOD_MONTHS = 3
MAX_PERIOD_MONTHS = 12


class Education(models.TextChoices):
    ANY = "any", _("不限")
    SECONDARY = "secondary", _("高中/中专")
    JUNIOR_COLLEGE = "junior_college", _("大专")
    BACHELOR = "bachelor", _("本科")
    MASTER = "master", _("硕士研究生")
    DOCTOR = "doctor", _("博士研究生")


class PostStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("审核通过（未发布）")
    PUBLISHED = "published", _("发布中")
    UNPUBLISHED = "unpublished", _("已撤销发布")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    WITHDRAWN = "withdrawn", _("已撤回")
    DELETED = "deleted", _("已删除")


# traineeships.services.posts.set_post_status is the only writer of Post.status.
POST_TRANSITIONS = {
    PostStatus.PENDING: {PostStatus.APPROVED, PostStatus.RETURNED, PostStatus.REJECTED, PostStatus.WITHDRAWN},
    PostStatus.APPROVED: {PostStatus.PUBLISHED, PostStatus.PENDING},  # PENDING: a reviewer revoked its approval
    PostStatus.PUBLISHED: {PostStatus.UNPUBLISHED},
    PostStatus.UNPUBLISHED: {PostStatus.PUBLISHED},
    PostStatus.RETURNED: {PostStatus.PENDING, PostStatus.DELETED},
    PostStatus.REJECTED: {PostStatus.PENDING, PostStatus.DELETED},
    PostStatus.WITHDRAWN: {PostStatus.PENDING, PostStatus.DELETED},
    PostStatus.DELETED: set(),
}

# The unit edits (and resubmits) a post in these states; PENDING only while no reviewer has decided.
EDITABLE_POST_STATUSES = (PostStatus.PENDING, PostStatus.RETURNED, PostStatus.REJECTED, PostStatus.WITHDRAWN)
RESUBMITTABLE_POST_STATUSES = (PostStatus.RETURNED, PostStatus.REJECTED, PostStatus.WITHDRAWN)

# Statuses a unit's post query (岗位查询) and the HR publishing page work with.
REVIEWED_STATUSES = (PostStatus.APPROVED, PostStatus.PUBLISHED, PostStatus.UNPUBLISHED)


# What a post's token text is made of (core.search): its title and unit name, then its regions as tags, so that a
# keyword search within a province, city or county asks the index for both at once.
SEARCHED_FIELDS = ("title", "unit_name", "province_code", "city_code", "work_region", "work_region_id")


def region_search_tags(*, province: str = "", city: str = "", county: str = "") -> tuple[str, ...]:
    """The tags of these regions (those given), as the post's token text holds them."""
    return tuple(search.tag(kind, code) for kind, code in (("p", province), ("c", city), ("w", county)) if code)


class Post(models.Model):
    base = models.ForeignKey("traineeships.TraineeshipBase", on_delete=models.PROTECT, related_name="posts",
                             verbose_name=_("见习基地"))
    # Copied from the base's organisation when the post is saved or published, so that the public keyword
    # filter (post title or unit name) reads one table.
    unit_name = models.CharField(_("单位名称"), max_length=128)
    title = models.CharField(_("岗位名称"), max_length=64)
    places = models.PositiveSmallIntegerField(_("招募人数"), validators=[MinValueValidator(1)])
    majors = models.CharField(_("专业要求"), max_length=255)
    education = models.CharField(_("学历要求"), max_length=16, choices=Education.choices, default=Education.ANY)
    work_region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("工作地区"))
    # Copied from work_region so that the public filters are one indexed equality each.
    city_code = models.CharField(max_length=6)
    province_code = models.CharField(max_length=6)
    address = models.CharField(_("工作地址"), max_length=255)
    monthly_allowance = models.DecimalField(_("见习期间生活费（元/月）"), max_digits=8, decimal_places=2)
    period_months = models.PositiveSmallIntegerField(
        _("见习期限（月）"),
        validators=[MinValueValidator(MIN_PERIOD_MONTHS), MaxValueValidator(MAX_PERIOD_MONTHS)],
    )
    description = models.TextField(_("岗位描述"))
    contact_person = models.CharField(_("联系人"), max_length=64)
    contact_phone = models.CharField(_("联系电话"), max_length=32)
    status = models.CharField(_("状态"), max_length=16, choices=PostStatus.choices, default=PostStatus.PENDING)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("发布人"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("填报人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    # The title's and unit name's bigram tokens for the public keyword search (core.search), indexed by FTS5 on
    # SQLite and a generated tsvector on PostgreSQL (migration 0012). Written by save() from the two fields.
    search_text = models.TextField(default="", editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("见习岗位")
        verbose_name_plural = _("见习岗位")
        constraints = [
            models.CheckConstraint(condition=models.Q(places__gte=1), name="tr_post_places_positive"),
            models.CheckConstraint(
                condition=models.Q(period_months__gte=MIN_PERIOD_MONTHS, period_months__lte=MAX_PERIOD_MONTHS),
                name="tr_post_period_3_12",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="tr_post_published_has_time",
            ),
        ]
        indexes = [
            # The public list: newest first within the whole country, a province, a city or a county.
            models.Index(fields=["status", "-published_at", "-id"], name="tr_post_pub"),
            models.Index(fields=["status", "province_code", "-published_at", "-id"], name="tr_post_pub_prov"),
            models.Index(fields=["status", "city_code", "-published_at", "-id"], name="tr_post_pub_city"),
            models.Index(fields=["status", "work_region", "-published_at", "-id"], name="tr_post_pub_county"),
            models.Index(fields=["base", "status"], name="tr_post_base_status"),
        ]

    def __str__(self):
        return f"{self.unit_name}·{self.title}"

    def save(self, *args, **kwargs):
        self.search_text = search.tokens_for(self.title, self.unit_name, tags=region_search_tags(
            province=self.province_code, city=self.city_code, county=self.work_region_id or ""))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(SEARCHED_FIELDS) & set(update_fields):
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == PostStatus.PUBLISHED
