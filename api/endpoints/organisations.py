"""单位信息 through the API: the caller's own organisation (as on 单位信息, organisations.manage_profile), and for
departments the units in their jurisdiction (单位名录, organisations.selectors.get_directory_for_user) and one
unit's record (get_organisation_for_user). Scope organisations:read; editing one's own (保存, as on the profile
page) organisations:write, in api.endpoints.profile with the verification."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api import scopes
from api.endpoints import profile
from api.endpoints.organisation_serializers import OrganisationSerializer
from api.forms import bind_query, query_parameters
from api.responses import object_response, require_permission
from organisations import selectors
from organisations.forms import DirectoryFilterForm

TAGS = ["单位信息"]
RELATED = ("region", "hr_department", "supervising_department")


class OwnOrganisation(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="organisation_own_retrieve", summary=_("本单位信息"), tags=TAGS,
                   responses=OrganisationSerializer)
    def get(self, request):
        require_permission(request, "organisations.manage_profile")
        return object_response(request, OrganisationSerializer, selectors.get_own_organisation(request.user))

    @extend_schema(operation_id="organisation_own_update", summary=_("修改本单位信息"), tags=TAGS,
                   request={kind: profile.ProfileInput for kind in profile.INPUT_TYPES},
                   responses=OrganisationSerializer, description=profile.PUT_DESCRIPTION)
    def put(self, request):
        organisation, _review = profile.save(request, submit=False)
        return object_response(request, OrganisationSerializer, organisation)


class Directory(ListAPIView):
    """单位名录: the non-government organisations in the department's region."""

    api_programme = scopes.FOUNDATION
    serializer_class = OrganisationSerializer

    @extend_schema(operation_id="organisations_list", summary=_("单位名录（主管部门）"), tags=TAGS,
                   parameters=query_parameters(DirectoryFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not selectors.can_use_directory(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, DirectoryFilterForm)
        return selectors.filter_directory(selectors.get_directory_for_user(self.request.user),
                                          **form.filters()).select_related(*RELATED)


class OrganisationDetail(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="organisations_retrieve", summary=_("单位详情"), tags=TAGS,
                   responses=OrganisationSerializer)
    def get(self, request, pk):
        return object_response(request, OrganisationSerializer,
                               selectors.get_organisation_for_user(request.user, pk))
