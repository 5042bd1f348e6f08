"""实习分组 and 指导师傅 through the API, as the screens offer them: the school's groups and a new one, one group
with its interns, editing its teacher and choosing its interns (If-Match); the enterprise's groups and naming a
group's mentor (If-Match). Each binds the screen's form and calls the screen's service."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.forms import bind, form_serializer
from api.responses import object_response
from internships.api.serializers import GroupRowSerializer, GroupSerializer
from internships.forms.school import GroupForm, MembersForm, MentorForm, NewGroupForm
from internships.models import InternshipGroup
from internships.selectors.school import (
    enterprises_with_interns,
    get_host_group,
    get_school_group,
    groups_for_enterprise,
    groups_for_school,
    may_act_for_host,
    may_act_for_school,
)
from internships.services import school_groups as services

TAGS = ["职业院校学生实习"]
NewGroupInput = form_serializer(NewGroupForm, "InternshipNewGroupInput")
GroupInput = form_serializer(GroupForm, "InternshipGroupInput")
MembersInput = form_serializer(MembersForm, "InternshipGroupMembersInput", extra={
    "internships": serializers.ListField(child=serializers.IntegerField(), required=False, help_text=str(
        _("组内学生：本校在该企业已签约、未结束的实习（未列出的移出本组）")))})
MentorInput = form_serializer(MentorForm, "InternshipGroupMentorInput")


def _locked(request, group):
    """Lock the group and check If-Match against its page as last read (a group has no version column)."""
    locked = InternshipGroup.objects.select_for_update(of=("self",)).get(pk=group.pk)
    check_if_match(request, locked, GroupSerializer(group, context={"request": request}).data)
    return locked


class SchoolGroupList(ListAPIView):
    api_programme = "internships"
    serializer_class = GroupRowSerializer

    @extend_schema(operation_id="internships_school_groups_list", summary=_("实习分组（学校）"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_act_for_school(self.request.user):
            raise PermissionDenied
        return groups_for_school(self.request.user).select_related("school")

    @extend_schema(operation_id="internships_school_groups_create", summary=_("新建实习分组（学校）"), tags=TAGS,
                   request=NewGroupInput, responses={201: GroupSerializer})
    def post(self, request):
        if not may_act_for_school(request.user):
            raise PermissionDenied
        form = bind(NewGroupForm, request.data, enterprises=enterprises_with_interns(request.user))
        group = services.create_group(school=request.user.organisation, actor=request.user,
                                      enterprise=form.cleaned_data["enterprise"], data=form.cleaned_data)
        return object_response(request, GroupSerializer, get_school_group(request.user, group.pk), status=201)


class SchoolGroupDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_school_groups_retrieve", summary=_("实习分组详情（学校）"), tags=TAGS,
                   responses=GroupSerializer)
    def get(self, request, pk):
        return object_response(request, GroupSerializer, get_school_group(request.user, pk))

    @extend_schema(operation_id="internships_school_groups_update", summary=_("修改组名与指导教师（学校）"),
                   tags=TAGS, request=GroupInput, responses=GroupSerializer)
    def put(self, request, pk):
        group = get_school_group(request.user, pk)
        with transaction.atomic():
            locked = _locked(request, group)
            form = bind(GroupForm, request.data)
            services.update_group(group=locked, actor=request.user, data=form.cleaned_data)
        return object_response(request, GroupSerializer, get_school_group(request.user, pk))


class SchoolGroupMembers(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_school_group_members_update", summary=_("选择组内学生（学校）"),
                   tags=TAGS, request=MembersInput, responses=GroupSerializer)
    def put(self, request, pk):
        group = get_school_group(request.user, pk)
        candidates = list(services.groupable_internships(group.school, group.enterprise)
                          .select_related("student", "position", "group"))
        with transaction.atomic():
            locked = _locked(request, group)
            form = bind(MembersForm, request.data, candidates=candidates, group=group)
            services.set_members(group=locked, actor=request.user,
                                 internship_ids=form.cleaned_data["internships"])
        return object_response(request, GroupSerializer, get_school_group(request.user, pk))


class HostGroupList(ListAPIView):
    api_programme = "internships"
    serializer_class = GroupRowSerializer

    @extend_schema(operation_id="internships_host_groups_list", summary=_("实习分组管理（企业）"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_act_for_host(self.request.user):
            raise PermissionDenied
        return groups_for_enterprise(self.request.user).select_related("enterprise")


class HostGroupMentor(APIView):
    """指定指导师傅 (PUT, If-Match against the group's page, which GET answers here too)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_host_group_retrieve", summary=_("实习分组详情（企业）"), tags=TAGS,
                   responses=GroupSerializer)
    def get(self, request, pk):
        return object_response(request, GroupSerializer, get_host_group(request.user, pk))

    @extend_schema(operation_id="internships_host_group_mentor_update", summary=_("指定指导师傅（企业）"),
                   tags=TAGS, request=MentorInput, responses=GroupSerializer)
    def put(self, request, pk):
        group = get_host_group(request.user, pk)
        with transaction.atomic():
            locked = _locked(request, group)
            form = bind(MentorForm, request.data)
            services.assign_mentor(group=locked, actor=request.user, **form.cleaned_data)
        return object_response(request, GroupSerializer, get_host_group(request.user, pk))
