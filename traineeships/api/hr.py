"""The HR departments' lists and actions of views/hr.py through the API: 已备案基地 (the province), 报省厅备案
(the city), 岗位发布 (the city: one tab at a time, then publish or unpublish the ticked posts)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.forms import bind, bind_query, query_parameters
from api.responses import object_response, require_permission
from traineeships.api.common import EMPTY_INPUT, TAGS, payload
from traineeships.api.serializers import BaseSerializer, PostSerializer
from traineeships.forms.hr import FiledBaseFilterForm, PublishingFilterForm
from traineeships.forms.posts import PublicationForm
from traineeships.models import REVIEWED_STATUSES
from traineeships.selectors import (
    filed_bases_for_province,
    filter_filed_bases,
    filter_publishing,
    get_base_for_user,
    publishable_posts_for_city,
)
from traineeships.services import bases as base_services
from traineeships.services import posts as post_services

REVIEW = "traineeships.review"
PUBLISH = "traineeships.publish_posts"


PublicationInput = inline_serializer("TraineeshipPublicationInput", {
    "post_ids": serializers.ListField(child=serializers.IntegerField(), help_text=_("勾选的岗位")),
    "action": serializers.ChoiceField(choices=[("publish", _("发布")), ("unpublish", _("撤销发布"))]),
})
PublicationOutcome = inline_serializer("TraineeshipPublicationOutcome", {
    "done": serializers.ListField(child=serializers.IntegerField()),
    "failed": inline_serializer("TraineeshipPublicationFailure", {
        "post_id": serializers.IntegerField(allow_null=True), "reason": serializers.CharField()}, many=True),
})


class FiledBaseList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = BaseSerializer

    @extend_schema(operation_id="traineeships_filed_bases_list", summary=_("已备案见习基地（省级人社部门）"),
                   tags=TAGS, parameters=query_parameters(FiledBaseFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, REVIEW)
        form = bind_query(self.request, FiledBaseFilterForm)
        return filter_filed_bases(filed_bases_for_province(self.request.user),
                                  name=form.cleaned_data["name"]).select_related("organisation")


class FileBaseWithProvince(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_bases_file_with_province", summary=_("见习基地报省厅备案"), tags=TAGS,
                   request=EMPTY_INPUT, responses=BaseSerializer)
    def post(self, request, pk):
        base = base_services.file_with_province(base=get_base_for_user(request.user, pk), actor=request.user)
        return object_response(request, BaseSerializer, get_base_for_user(request.user, base.pk))


class PublishingList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = PostSerializer

    @extend_schema(operation_id="traineeships_publishing_list", summary=_("岗位发布：本市审核通过的岗位"), tags=TAGS,
                   parameters=query_parameters(PublishingFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, PUBLISH)
        form = bind_query(self.request, PublishingFilterForm)
        return filter_publishing(publishable_posts_for_city(self.request.user), tab=form.cleaned_data["tab"],
                                 q=form.cleaned_data["q"]).select_related("base")


class ChangePublication(APIView):
    """发布 or 撤销发布 of the ticked posts; each post succeeds or fails on its own, as on screen."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_publishing_change", summary=_("批量发布或撤销发布岗位"), tags=TAGS,
                   request=PublicationInput, responses=PublicationOutcome)
    def post(self, request):
        require_permission(request, PUBLISH)
        posts = publishable_posts_for_city(request.user)
        form = bind(PublicationForm, payload(request),
                    choices=posts.filter(status__in=REVIEWED_STATUSES).values_list("pk", flat=True))
        outcome = post_services.change_publication(post_ids=form.cleaned_data["post_ids"], actor=request.user,
                                                   publish=form.cleaned_data["action"] == "publish")
        return Response({
            "done": [post.pk for post in outcome.done],
            "failed": [{"post_id": post.pk if post is not None else None, "reason": str(reason)}
                       for post, reason in outcome.failed],
        })
