"""培训场地维护 (manual 003 §3.2.1.6): an enterprise's training venues; a venue in use cannot be deleted."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Venue(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="apprenticeship_venues", verbose_name=_("所属企业"))
    name = models.CharField(_("场地名称"), max_length=128)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("所在地区"))
    address = models.CharField(_("详细地址"), max_length=255)
    capacity = models.PositiveIntegerField(_("可容纳人数"), validators=[MinValueValidator(1)])
    # Map position (WGS-84), clicked on an intranet map or typed: optional, so Praxis works offline.
    latitude = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True,
                                   validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))])
    longitude = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True,
                                    validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))])
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["organisation", "name", "id"]
        verbose_name = _("培训场地")
        verbose_name_plural = _("培训场地")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="ap_venue_name_unique"),
            models.CheckConstraint(
                condition=(models.Q(latitude__isnull=True) & models.Q(longitude__isnull=True))
                | (models.Q(latitude__isnull=False) & models.Q(longitude__isnull=False)),
                name="ap_venue_both_coordinates"),
        ]

    def __str__(self):
        return self.name
