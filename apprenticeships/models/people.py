"""培训师资, 培训人员 and 培训课程 of a filing (manual 003 §3.2.1.1), the trainees' 流失 and assessment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField


class TeacherKind(models.TextChoices):
    MENTOR = "mentor", _("企业导师")
    SCHOOL_TEACHER = "school_teacher", _("院校教师")


class Teacher(EncryptedFieldsMixin, models.Model):
    filing = models.ForeignKey("apprenticeships.Filing", on_delete=models.CASCADE, related_name="teachers",
                               verbose_name=_("备案"))
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    kind = models.CharField(_("师资类型"), max_length=16, choices=TeacherKind.choices)
    qualification = models.CharField(_("职业技能等级或职称"), max_length=64)
    certificate_number = models.CharField(_("证书编号"), max_length=64)
    mobile = EncryptedTextField(_("手机号"), kind=crypto.MOBILE, max_length=11, blank=True)
    # A teacher added by a 师资变更 may teach only once the city approves the change.
    added_by_change = models.ForeignKey("apprenticeships.TeacherChange", on_delete=models.CASCADE, null=True,
                                        blank=True, related_name="new_teachers", verbose_name=_("师资变更申请"))
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["filing", "id"]
        verbose_name = _("培训师资")
        verbose_name_plural = _("培训师资")
        constraints = [models.UniqueConstraint(fields=["filing", "id_number_hash"], name="ap_teacher_once")]

    def __str__(self):
        return self.name


class Education(models.TextChoices):
    JUNIOR = "junior", _("初中及以下")
    SENIOR = "senior", _("高中")
    SECONDARY_VOCATIONAL = "secondary_vocational", _("中专/中职/技工学校")
    COLLEGE = "college", _("大专")
    BACHELOR = "bachelor", _("本科")
    POSTGRADUATE = "postgraduate", _("研究生")


class Trainee(EncryptedFieldsMixin, models.Model):
    """培训人员. `person` is the individual account of the ID number (found or opened when the trainee is added),
    so one person is one person in every programme and in every claim."""

    filing = models.ForeignKey("apprenticeships.Filing", on_delete=models.CASCADE, related_name="trainees",
                               verbose_name=_("备案"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="apprenticeships",
                               verbose_name=_("人员账号"))
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    mobile = EncryptedTextField(_("手机号"), kind=crypto.MOBILE, max_length=11)
    education = models.CharField(_("文化程度"), max_length=24, choices=Education.choices)
    hired_on = models.DateField(_("入职日期"))
    contract_starts_on = models.DateField(_("劳动合同起始日期"))
    contract_ends_on = models.DateField(_("劳动合同终止日期"))
    monthly_wage = models.DecimalField(_("月工资（元）"), max_digits=9, decimal_places=2)
    # 学生学徒制: the student's school.
    school = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("就读院校"))
    school_name = models.CharField(_("就读院校名称"), max_length=128, blank=True)
    # True while the filing is submitted or approved, the trainee not lost and the class neither cancelled nor
    # ended: the database then holds "one active apprenticeship per person" across all enterprises.
    holds_place = models.BooleanField(_("占用在训名额"), default=False)
    lost_on = models.DateField(_("流失日期"), null=True, blank=True)
    lost_reason = models.CharField(_("流失原因"), max_length=255, blank=True)
    lost_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("标记人"))
    lost_at = models.DateTimeField(_("标记时间"), null=True, blank=True)
    # 学徒经评价考核合格: the certificate obtained, needed for the balance (清算) claim.
    certificate_level = models.CharField(_("取得证书等级"), max_length=24, blank=True)  # a TargetLevel
    certificate_number = models.CharField(_("证书编号"), max_length=64, blank=True)
    certified_on = models.DateField(_("发证日期"), null=True, blank=True)
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["filing", "id"]
        verbose_name = _("培训人员")
        verbose_name_plural = _("培训人员")
        constraints = [
            models.UniqueConstraint(fields=["filing", "person"], name="ap_trainee_once_per_filing"),
            models.UniqueConstraint(fields=["person"], condition=models.Q(holds_place=True),
                                    name="ap_trainee_one_active"),
            models.CheckConstraint(condition=models.Q(contract_ends_on__gt=models.F("contract_starts_on")),
                                   name="ap_trainee_contract_ordered"),
            models.CheckConstraint(condition=models.Q(lost_on__isnull=True) | ~models.Q(lost_reason=""),
                                   name="ap_trainee_lost_has_reason"),
            models.CheckConstraint(condition=models.Q(lost_on__isnull=True) | models.Q(holds_place=False),
                                   name="ap_trainee_lost_holds_nothing"),
        ]
        indexes = [models.Index(fields=["id_number_hash"], name="ap_trainee_id_number")]

    def __str__(self):
        return self.name

    @property
    def is_lost(self) -> bool:
        return self.lost_on is not None


class Delivery(models.TextChoices):
    OFFLINE = "offline", _("线下培训")
    ONLINE = "online", _("线上培训")


class Course(models.Model):
    """培训课程: name, hours and 授课方式 at filing; dates, times and venue configured after approval."""

    filing = models.ForeignKey("apprenticeships.Filing", on_delete=models.CASCADE, related_name="courses",
                               verbose_name=_("备案"))
    name = models.CharField(_("课程名称"), max_length=128)
    hours = models.PositiveIntegerField(_("课时"))
    delivery = models.CharField(_("授课方式"), max_length=16, choices=Delivery.choices)
    teacher = models.ForeignKey(Teacher, on_delete=models.PROTECT, null=True, blank=True, related_name="courses",
                                verbose_name=_("授课教师"))
    # 课程信息配置 (§3.2.1.4), at the latest the day before the course begins.
    starts_on = models.DateField(_("培训开始日期"), null=True, blank=True)
    ends_on = models.DateField(_("培训结束日期"), null=True, blank=True)
    daily_start = models.TimeField(_("每日开始时间"), null=True, blank=True)
    daily_end = models.TimeField(_("每日结束时间"), null=True, blank=True)
    venue = models.ForeignKey("apprenticeships.Venue", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="courses", verbose_name=_("培训场地"))
    configured_at = models.DateTimeField(_("配置时间"), null=True, blank=True)
    # The daily "课程未配置，明日开课" reminder is sent once per course.
    unconfigured_warned_on = models.DateField(_("未配置提醒日期"), null=True, blank=True)
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["filing", "starts_on", "id"]
        verbose_name = _("培训课程")
        verbose_name_plural = _("培训课程")
        constraints = [
            models.CheckConstraint(condition=~models.Q(delivery="offline") | models.Q(teacher__isnull=False),
                                   name="ap_course_offline_has_teacher"),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="ap_course_hours_positive"),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="ap_course_period_ordered"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_configured(self) -> bool:
        return self.starts_on is not None and self.ends_on is not None and (
            self.venue_id is not None or self.delivery == Delivery.ONLINE)
