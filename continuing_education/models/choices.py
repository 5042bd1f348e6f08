from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    """科目类型 (人社部令第25号 Art. 7)."""

    PUBLIC = "public", _("公需科目")
    PROFESSIONAL = "professional", _("专业科目")


class LearningForm(models.TextChoices):
    """学习形式: the ways that count toward hours (人社部令第25号 Art. 8)."""

    CLASS = "class", _("培训班、研修班、进修班")
    PRACTICE = "practice", _("实践活动")
    DISTANCE = "distance", _("远程教育")
    ACADEMIC = "academic", _("学术会议、学术讲座、学术访问")
    OTHER = "other", _("其他")


class HoursSource(models.TextChoices):
    """Where archived hours come from (培训档案, by source)."""

    CLASS = "class", _("面授培训班")
    ONLINE = "online", _("网络培训")
    DECLARATION = "declaration", _("学时申报")
