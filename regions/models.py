from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("区县级")


class Region(models.Model):
    """One node of the GB/T 2260 tree. Province and city codes are copied onto every node so that
    jurisdiction filters are a single indexed equality, not a walk up the tree."""

    code = models.CharField(_("区划代码"), max_length=6, primary_key=True)
    name = models.CharField(_("名称"), max_length=64)
    # Indexed: the public post search lists the provinces (and a region's children) in one query, on SQLite a
    # multi-index OR only when every term has an index (issue 12).
    level = models.CharField(_("级别"), max_length=16, choices=RegionLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("上级")
    )
    province_code = models.CharField(max_length=6, db_index=True)
    city_code = models.CharField(max_length=6, blank=True, db_index=True)
    full_name = models.CharField(_("全称"), max_length=128)

    class Meta:
        ordering = ["code"]
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")

    def __str__(self):
        return self.full_name

    def contains(self, other: "Region") -> bool:
        """Whether `other` lies inside this region (a region contains itself)."""
        if other is None:
            return False
        if self.level == RegionLevel.PROVINCE:
            return other.province_code == self.code
        if self.level == RegionLevel.CITY:
            return other.city_code == self.code
        return other.code == self.code

    def ancestor_at(self, level: str) -> "Region | None":
        code = {RegionLevel.PROVINCE: self.province_code, RegionLevel.CITY: self.city_code}.get(level, self.code)
        if level == self.level:
            return self
        if not code:
            return None
        return Region.objects.get(code=code)


class RegionDataset(models.Model):
    """Which division list is loaded, and as of when (the data changes every year)."""

    source = models.CharField(_("来源"), max_length=255)
    data_as_of = models.DateField(_("数据截至"))
    row_count = models.PositiveIntegerField(_("条数"))
    loaded_at = models.DateTimeField(_("载入时间"), auto_now_add=True)

    class Meta:
        ordering = ["-loaded_at"]
        verbose_name = _("区划数据版本")
        verbose_name_plural = _("区划数据版本")
