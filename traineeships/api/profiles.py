"""The unit's 岗位查询 and the profiles through the API (views/posts.py post_query, views/profiles.py): the unit's
reviewed posts and, for one of them, who applied or marked it 感兴趣; 单位基本信息 (the organisation with its base
and figures) and 见习人员基本信息 (the trainee of a placement), for whoever the screens show them to, identifiers
masked by permission as on screen."""

import datetime

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.fields import IdNumberField, MobileField
from api.responses import require_permission
from traineeships.api.common import TAGS
from traineeships.api.serializers import STATE_HELP, ApplicationSerializer, MajorDemandSerializer, PostSerializer
from traineeships.models import PostInterest, TraineeKind
from traineeships.rules import MANAGE_BASE
from traineeships.selectors import (
    get_trainee_for_user,
    get_unit_profile_for_user,
    people_for_post,
    reviewed_posts_for_unit,
    unit_figures,
)


def _kind(person) -> str:
    profile = getattr(person, "trainee_profile", None)
    return profile.get_kind_display() if profile is not None else ""


class PostApplicantSerializer(ApplicationSerializer):
    person_kind = serializers.SerializerMethodField(help_text=_("人员类别"))

    class Meta(ApplicationSerializer.Meta):
        ref_name = "TraineeshipPostApplicant"
        fields = (*ApplicationSerializer.Meta.fields, "person_kind")

    def get_person_kind(self, application) -> str:
        return _kind(application.person)


class PostInterestSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.real_name")
    person_mobile = MobileField(source="person.mobile")
    person_kind = serializers.SerializerMethodField(help_text=_("人员类别"))
    intended_post = serializers.SerializerMethodField(help_text=_("意向岗位"))

    class Meta:
        model = PostInterest
        fields = ("id", "person_name", "person_mobile", "person_kind", "intended_post", "created_at")

    def get_person_kind(self, interest) -> str:
        return _kind(interest.person)

    def get_intended_post(self, interest) -> str:
        profile = getattr(interest.person, "trainee_profile", None)
        return profile.intended_post if profile is not None else ""


class PostPeopleSerializer(serializers.Serializer):
    post = PostSerializer()
    applications = PostApplicantSerializer(many=True)
    interests = PostInterestSerializer(many=True)


class PostQueryList(ListAPIView):
    """就业见习岗位查询: the unit's posts that passed review."""

    api_programme = "traineeships"
    serializer_class = PostSerializer

    @extend_schema(operation_id="traineeships_post_query_list", summary=_("岗位查询：本单位审核通过的岗位"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_BASE)
        return reviewed_posts_for_unit(self.request.user).select_related("base", "work_region")


class PostPeople(APIView):
    """查看详情 on 岗位查询: who applied to one of those posts and who marked it 感兴趣."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_post_query_people", summary=_("岗位查询：报名人员和有意向人员"),
                   tags=TAGS, responses=PostPeopleSerializer)
    def get(self, request, pk):
        require_permission(request, MANAGE_BASE)
        post = reviewed_posts_for_unit(request.user).filter(pk=pk).first()
        if post is None:
            raise Http404("岗位不存在")
        people = people_for_post(post)
        return Response(PostPeopleSerializer({"post": post, **people}, context={"request": request}).data)


class UnitFiguresSerializer(serializers.Serializer):
    posts = serializers.IntegerField(help_text=_("岗位数"))
    on_post = serializers.IntegerField(help_text=_("在岗人数"))
    ended = serializers.IntegerField(help_text=_("结束见习人数"))
    retained = serializers.IntegerField(help_text=_("留用人数"))


class UnitProfileSerializer(serializers.Serializer):
    organisation_id = serializers.IntegerField(source="organisation.pk")
    name = serializers.CharField(source="organisation.name")
    credit_code = serializers.CharField(source="organisation.credit_code")
    kind_display = serializers.CharField(source="organisation.get_kind_display")
    verification_status_display = serializers.CharField(source="organisation.get_verification_status_display")
    legal_representative = serializers.CharField(source="organisation.legal_representative")
    region_id = serializers.CharField(source="organisation.region_id", allow_null=True)
    region_full_name = serializers.CharField(source="organisation.region.full_name", allow_null=True, default=None)
    address = serializers.CharField(source="organisation.address")
    contact_person = serializers.CharField(source="organisation.contact_person")
    contact_phone = serializers.CharField(source="organisation.contact_phone")
    website = serializers.CharField(source="organisation.website")
    base_id = serializers.IntegerField(source="pk")
    base_level_display = serializers.CharField(source="get_level_display")
    base_status = serializers.CharField(source="status", help_text=STATE_HELP)
    base_status_display = serializers.CharField(source="get_status_display")
    introduction = serializers.CharField()
    mentor_team = serializers.CharField()
    major_demands = MajorDemandSerializer(many=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    filed_with_province_at = serializers.DateTimeField(allow_null=True)
    figures = serializers.SerializerMethodField()

    @extend_schema_field(UnitFiguresSerializer)
    def get_figures(self, base):
        return unit_figures(base)


class UnitProfile(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_units_retrieve", summary=_("单位基本信息"), tags=TAGS,
                   responses=UnitProfileSerializer)
    def get(self, request, pk):
        base = get_unit_profile_for_user(request.user, pk)
        return Response(UnitProfileSerializer(base, context={"request": request}).data)


class TraineeRegisterSerializer(serializers.Serializer):
    """The trainee's register record and intentions; the ID document's details only for young job seekers."""

    kind = serializers.CharField(help_text=STATE_HELP)
    kind_display = serializers.CharField(source="get_kind_display")
    education_display = serializers.CharField(source="get_education_display")
    major = serializers.CharField()
    school = serializers.CharField(source="graduate_record.school", allow_null=True, default=None)
    graduation_year = serializers.IntegerField(source="graduate_record.graduation_year", allow_null=True,
                                               default=None)
    household_region_full_name = serializers.CharField(source="household_region.full_name", allow_null=True,
                                                       default=None)
    address = serializers.CharField()
    email = serializers.CharField()
    contact_mobile = MobileField()
    intended_region_full_name = serializers.CharField(source="intended_region.full_name", allow_null=True,
                                                      default=None)
    intended_post = serializers.CharField()
    intended_industry = serializers.CharField()
    intention_note = serializers.CharField()
    id_document_type_display = serializers.SerializerMethodField()
    id_issuing_authority = serializers.SerializerMethodField()
    id_valid_from = serializers.SerializerMethodField()
    id_valid_to = serializers.SerializerMethodField()
    id_valid_long_term = serializers.SerializerMethodField()

    def _youth(self, profile) -> bool:
        return profile.kind == TraineeKind.YOUTH

    def get_id_document_type_display(self, profile) -> str:
        return profile.get_id_document_type_display() if self._youth(profile) else ""

    def get_id_issuing_authority(self, profile) -> str:
        return profile.id_issuing_authority if self._youth(profile) else ""

    def get_id_valid_from(self, profile) -> datetime.date | None:
        return profile.id_valid_from if self._youth(profile) else None

    def get_id_valid_to(self, profile) -> datetime.date | None:
        return profile.id_valid_to if self._youth(profile) else None

    def get_id_valid_long_term(self, profile) -> bool:
        return profile.id_valid_long_term if self._youth(profile) else False


class TraineeProfileSerializer(serializers.Serializer):
    placement_id = serializers.IntegerField(source="pk")
    organisation_name = serializers.CharField(source="base.organisation.name")
    post_title = serializers.CharField(source="post.title")
    work_region_full_name = serializers.CharField(source="post.work_region.full_name")
    start_on = serializers.DateField()
    end_on = serializers.DateField()
    status = serializers.CharField(help_text=STATE_HELP)
    status_display = serializers.CharField(source="get_status_display")
    name = serializers.CharField(source="person.real_name")
    id_number = IdNumberField(source="person.id_number")
    mobile = MobileField(source="person.mobile")
    profile = serializers.SerializerMethodField()

    @extend_schema_field(TraineeRegisterSerializer(allow_null=True))
    def get_profile(self, placement):
        profile = getattr(placement.person, "trainee_profile", None)
        if profile is None:
            return None
        return TraineeRegisterSerializer(profile, context=self.context).data


class TraineeProfile(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_trainee", summary=_("见习人员基本信息"), tags=TAGS,
                   responses=TraineeProfileSerializer)
    def get(self, request, pk):
        placement = get_trainee_for_user(request.user, pk)
        return Response(TraineeProfileSerializer(placement, context={"request": request}).data)
