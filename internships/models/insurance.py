"""实习保险 (manual 000 §4.3): the electronic policy of the dedicated internship liability insurance, filed by
the school or the enterprise, and the students it covers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Policy(models.Model):
    policy_number = models.CharField(_("电子保单号"), max_length=64)
    insurer = models.CharField(_("保险公司"), max_length=128)
    starts_on = models.DateField(_("保险期间起"))
    ends_on = models.DateField(_("保险期间止"))
    # Who bought it (学校或企业) and for which enterprise's interns.
    filed_by_organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                              related_name="+", verbose_name=_("备案单位"))
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                   related_name="internship_policies", verbose_name=_("实习企业"))
    document = models.ForeignKey("attachments.Attachment", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("电子保单PDF"))
    # The filer declares it is the dedicated product, not employer's liability or another kind (§1.9).
    is_internship_liability = models.BooleanField(_("本保单为学生实习责任保险"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("备案人"))
    created_at = models.DateTimeField(_("备案时间"), auto_now_add=True)
    ending_warned_at = models.DateTimeField(_("到期提醒时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("实习保险保单")
        verbose_name_plural = _("实习保险保单")
        constraints = [
            models.UniqueConstraint(fields=["insurer", "policy_number"], name="in_policy_number_unique"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="in_policy_period"),
            models.CheckConstraint(condition=models.Q(is_internship_liability=True),
                                   name="in_policy_is_internship_liability"),
        ]

    def __str__(self):
        return f"{self.insurer} {self.policy_number}"


class Coverage(models.Model):
    """One insured student of a policy. The period is the policy's, copied so that the database can hold
    "one policy per student and period" (in_coverage_no_overlap, PostgreSQL; migration 0002)."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="coverages",
                               verbose_name=_("保单"))
    student = models.ForeignKey("internships.Student", on_delete=models.PROTECT, related_name="coverages",
                                verbose_name=_("学生"))
    internship = models.ForeignKey("internships.Internship", on_delete=models.PROTECT, related_name="coverages",
                                   verbose_name=_("实习"))
    starts_on = models.DateField(_("保障起"))
    ends_on = models.DateField(_("保障止"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["policy", "id"]
        verbose_name = _("被保险学生")
        verbose_name_plural = _("被保险学生")
        constraints = [
            models.UniqueConstraint(fields=["policy", "student"], name="in_coverage_once_per_policy"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="in_coverage_period"),
        ]

    def __str__(self):
        return f"{self.policy}·{self.student}"
