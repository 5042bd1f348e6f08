"""The school's recommendations and its 实习企业库 through the API, as the screens offer them: 本校推荐的企业 (with
the activation code while the enterprise has not activated), 推荐录入新企业, 推荐平台上已有的企业, and the pool with
the screen's filters — views/entry.py's selectors, forms and services."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from internships.forms.entry import PoolFilterForm, RecommendExistingForm, RecommendNewForm, unit_data
from internships.models import SchoolRecommendation
from internships.rules import HOST_KINDS, SCHOOL, is_school
from internships.selectors import enterprises as selectors
from internships.services import enterprises as services
from organisations.models import Organisation

TAGS = ["职业院校学生实习"]
# The enterprise's kind among the host kinds the form offers: a plain string, so its enum does not collide
# with the foundation's organisation kinds (the form refuses any other value).
RecommendNewInput = form_serializer(RecommendNewForm, "InternshipRecommendNewInput", extra={
    "kind": serializers.CharField(label=str(_("单位类型")), help_text=", ".join(sorted(HOST_KINDS))),
    "region": serializers.CharField(label=str(_("注册地区")), help_text=str(_("区县的行政区划代码"))),
})
RecommendExistingInput = form_serializer(RecommendExistingForm, "InternshipRecommendExistingInput")


class RecommendationSerializer(serializers.ModelSerializer):
    """A row of 本校推荐的企业: the activation code is shown until the enterprise activates its account."""

    enterprise_id = serializers.IntegerField()
    enterprise_name = serializers.CharField(source="enterprise.name")
    credit_code = serializers.CharField(source="enterprise.credit_code")
    platform_code = serializers.CharField(source="enterprise.platform_code")
    activation_code = serializers.SerializerMethodField()
    activated = serializers.BooleanField(source="enterprise.is_activated")
    blacklisted = serializers.SerializerMethodField()
    recommended_by_name = serializers.CharField(source="recommended_by.real_name")

    class Meta:
        model = SchoolRecommendation
        fields = ("id", "enterprise_id", "enterprise_name", "credit_code", "platform_code", "activation_code",
                  "activated", "blacklisted", "inspection_note", "recommended_by_name", "created_at")

    def get_activation_code(self, recommendation) -> str | None:
        unit = recommendation.enterprise
        return unit.activation_code if not unit.is_activated and unit.activation_code else None

    def get_blacklisted(self, recommendation) -> bool:
        profile = getattr(recommendation.enterprise, "internship_profile", None)
        return bool(profile and profile.blacklisted)


class PoolEnterpriseSerializer(serializers.ModelSerializer):
    """A row of 本校实习企业库 (the screen's columns and its export's contacts)."""

    region = serializers.CharField(source="region_id", allow_null=True)
    region_name = serializers.CharField(source="region.full_name", allow_null=True, default=None)
    origin_display = serializers.CharField(source="get_origin_display")
    recommended_here = serializers.BooleanField()
    published_positions = serializers.IntegerField()

    class Meta:
        model = Organisation
        fields = ("id", "name", "credit_code", "region", "region_name", "origin", "origin_display",
                  "recommended_here", "published_positions", "contact_person", "contact_phone")


def _acting_school(request):
    """The screens' guard: the programme's school permission, in a school."""
    require_permission(request, SCHOOL)
    if not is_school(request.user):
        raise PermissionDenied
    return request.user.organisation


def _shown(request, recommendation, *, status=200):
    shown = selectors.recommendations_of(_acting_school(request)).get(pk=recommendation.pk)
    return object_response(request, RecommendationSerializer, shown, status=status)


class RecommendationList(ListAPIView):
    api_programme = "internships"
    serializer_class = RecommendationSerializer

    @extend_schema(operation_id="internships_recommendations_list", summary=_("本校推荐的实习企业"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.recommendations_of(_acting_school(self.request))


class RecommendNew(APIView):
    """推荐录入新企业: the platform issues the enterprise's code and activation code; it joins the pool at once."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_recommendations_create_new", summary=_("推荐录入新企业"), tags=TAGS,
                   request=RecommendNewInput, responses={201: RecommendationSerializer})
    def post(self, request):
        _acting_school(request)
        form = bind(RecommendNewForm, request.data)
        recommendation = services.recommend_new_enterprise(
            actor=request.user, inspection_note=form.cleaned_data["inspection_note"], **unit_data(form.cleaned_data))
        return _shown(request, recommendation, status=201)


class RecommendExisting(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_recommendations_create_existing", summary=_("推荐平台上已有的企业"),
                   tags=TAGS, request=RecommendExistingInput, responses={201: RecommendationSerializer})
    def post(self, request):
        _acting_school(request)
        form = bind(RecommendExistingForm, request.data)
        recommendation = services.recommend_existing_enterprise(actor=request.user, **form.cleaned_data)
        return _shown(request, recommendation, status=201)


class PoolList(ListAPIView):
    api_programme = "internships"
    serializer_class = PoolEnterpriseSerializer

    @extend_schema(operation_id="internships_pool_list", summary=_("本校实习企业库"), tags=TAGS,
                   parameters=query_parameters(PoolFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _acting_school(self.request)
        form = bind_query(self.request, PoolFilterForm)
        return selectors.filter_pool(selectors.pool_for_user(self.request.user), form.cleaned_data)
