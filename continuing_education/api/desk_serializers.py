"""What the API shows of 学时要求, 工作桌面 and 统计分析: the numbers and columns those pages show."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from continuing_education.api.serializers import MissingSerializer
from continuing_education.api.units_serializers import JoinLinkSerializer
from continuing_education.models import HoursRule, LearningForm
from continuing_education.selectors.hours_rules import keeping_regions

HOURS = {"max_digits": 8, "decimal_places": 1}


class HoursRuleCapSerializer(serializers.Serializer):
    learning_form = serializers.ChoiceField(choices=LearningForm.choices)
    learning_form_display = serializers.CharField()
    hours = serializers.DecimalField(max_digits=5, decimal_places=1)

    class Meta:
        ref_name = "ContinuingEducationHoursRuleCap"


class HoursRuleSerializer(serializers.ModelSerializer):
    """One 学时要求; `may_edit` says whether the caller keeps its region (the page's 修改)."""

    region_id = serializers.CharField()
    region_name = serializers.CharField(source="region.full_name")
    online_cap = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    daily_caps = serializers.SerializerMethodField()
    updated_by_name = serializers.CharField(source="updated_by.real_name", allow_null=True, default=None)
    may_edit = serializers.SerializerMethodField()

    class Meta:
        ref_name = "ContinuingEducationHoursRule"
        model = HoursRule
        fields = ("id", "region_id", "region_name", "year", "total_min", "professional_min", "public_min",
                  "daily_caps", "online_cap", "carry_over", "class_lead_working_days", "source", "is_national_floor",
                  "updated_by_name", "updated_at", "may_edit")

    @extend_schema_field(HoursRuleCapSerializer(many=True))
    def get_daily_caps(self, rule):
        labels = dict(LearningForm.choices)
        caps = [{"learning_form": key, "learning_form_display": str(labels.get(key, key)), "hours": value}
                for key, value in (rule.daily_caps or {}).items()]
        return HoursRuleCapSerializer(caps, many=True).data

    def get_may_edit(self, rule) -> bool:
        keepable = self.context.get("keepable")
        if keepable is None:  # one rule: ask for its region alone
            return keeping_regions(self.context["request"].user).filter(code=rule.region_id).exists()
        return rule.region_id in keepable


class HoursRuleSavedSerializer(HoursRuleSerializer):
    """The rule just saved, with the page's warnings (below the national floor: saved, to be checked)."""

    warnings = serializers.ListField(child=serializers.CharField())

    class Meta(HoursRuleSerializer.Meta):
        ref_name = "ContinuingEducationHoursRuleSaved"
        fields = HoursRuleSerializer.Meta.fields + ("warnings",)


# --- 工作桌面 ----------------------------------------------------------------------------------------------------


def _count(label):
    return serializers.IntegerField(allow_null=True, help_text=label)


class UnitDeskCountsSerializer(serializers.Serializer):
    """The desk's numbers; null where the caller's role does not show it."""

    staff_requests = _count(_("待审核的专技人员（人员信息）"))
    inbox = _count(_("待我审核的学时申报（单位管理员）"))
    upstream = _count(_("上报中的学时申报（学时申报管理）"))
    declarants = _count(_("学时申报中的人数（学时申报管理）"))
    classes_follow_up = _count(_("待上报培训成果的培训班"))

    class Meta:
        ref_name = "ContinuingEducationUnitDeskCounts"


class DeskColumnSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=["classes", "courses", "participants", "declarants", "completed"])
    label = serializers.CharField()

    class Meta:
        ref_name = "ContinuingEducationDeskColumn"


class UnitDeskYearSerializer(serializers.Serializer):
    """One year of the five; a column the role does not show is null."""

    year = serializers.IntegerField()
    classes = serializers.IntegerField(allow_null=True)
    courses = serializers.IntegerField(allow_null=True)
    participants = serializers.IntegerField(allow_null=True)
    declarants = serializers.IntegerField(allow_null=True)
    completed = serializers.IntegerField(allow_null=True)

    class Meta:
        ref_name = "ContinuingEducationUnitDeskYear"


class UnitDeskSerializer(serializers.Serializer):
    organisation_id = serializers.IntegerField()
    organisation_name = serializers.CharField()
    year = serializers.IntegerField()
    counts = UnitDeskCountsSerializer()
    columns = DeskColumnSerializer(many=True)
    years = UnitDeskYearSerializer(many=True)

    class Meta:
        ref_name = "ContinuingEducationUnitDesk"


class PersonDeclarationCountsSerializer(serializers.Serializer):
    """My 学时申报 by status (DeclarationStatus)."""

    draft = serializers.IntegerField(help_text=_("未提交"))
    pending = serializers.IntegerField(help_text=_("审核中"))
    returned = serializers.IntegerField(help_text=_("退回修改"))
    rejected = serializers.IntegerField(help_text=_("审核不通过"))
    approved = serializers.IntegerField(help_text=_("审核通过"))

    class Meta:
        ref_name = "ContinuingEducationPersonDeclarationCounts"


class PersonArchiveSerializer(serializers.Serializer):
    public_hours = serializers.DecimalField(**HOURS)
    professional_hours = serializers.DecimalField(**HOURS)
    total_hours = serializers.DecimalField(**HOURS)

    class Meta:
        ref_name = "ContinuingEducationPersonDeskArchive"


class PersonRuleSerializer(serializers.Serializer):
    total_min = serializers.DecimalField(max_digits=5, decimal_places=1)
    professional_min = serializers.DecimalField(max_digits=5, decimal_places=1)
    public_min = serializers.DecimalField(max_digits=5, decimal_places=1)

    class Meta:
        ref_name = "ContinuingEducationPersonDeskRule"


class PersonDeskSerializer(serializers.Serializer):
    """A professional's desk: the unit (linked or asked), this year's hours against the rule in force."""

    link = JoinLinkSerializer(allow_null=True)
    year = serializers.IntegerField()
    declarations = PersonDeclarationCountsSerializer()
    archive = PersonArchiveSerializer(allow_null=True)
    rule = PersonRuleSerializer(allow_null=True)
    missing = MissingSerializer(allow_null=True)

    class Meta:
        ref_name = "ContinuingEducationPersonDesk"


class DepartmentDeskSerializer(serializers.Serializer):
    department_id = serializers.IntegerField(allow_null=True, source="department.pk", default=None)
    department_name = serializers.CharField(allow_null=True, source="department.name", default=None)
    classes_pending = serializers.IntegerField()
    hours_pending = serializers.IntegerField()
    units = serializers.IntegerField()

    class Meta:
        ref_name = "ContinuingEducationDepartmentDesk"


DESK_KINDS = [("unit", _("用人单位")), ("person", _("专技人员")), ("department", _("主管部门"))]


class DeskSerializer(serializers.Serializer):
    """工作桌面: one of three desks by the caller's role (the page's order: a unit's, a person's, a department's);
    the other two are null."""

    kind = serializers.ChoiceField(choices=DESK_KINDS)
    unit = UnitDeskSerializer(allow_null=True)
    person = PersonDeskSerializer(allow_null=True)
    department = DepartmentDeskSerializer(allow_null=True)

    class Meta:
        ref_name = "ContinuingEducationDesk"


# --- 统计分析 ----------------------------------------------------------------------------------------------------


class StatisticsRowSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField(help_text=_("地区代码（省本级为空）"))
    units = serializers.IntegerField()
    staff = serializers.IntegerField()
    with_hours = serializers.IntegerField()
    qualified = serializers.IntegerField()
    qualified_rate = serializers.CharField(source="qualified_rate_text", help_text=_("合格率（无人员时为“—”）"))
    classes = serializers.IntegerField()
    declared_hours = serializers.DecimalField(**HOURS)
    approved_hours = serializers.DecimalField(**HOURS)

    class Meta:
        ref_name = "ContinuingEducationStatisticsRow"


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    scope_name = serializers.CharField()
    rows = StatisticsRowSerializer(many=True)
    total = StatisticsRowSerializer()

    class Meta:
        ref_name = "ContinuingEducationStatistics"
