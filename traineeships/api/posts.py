"""见习岗位 through the API: the unit's list and 新增, the record (the unit and reviewers with jurisdiction),
edit under If-Match (with 重新提交), delete and 撤销发布 — the screen's forms and services (views/posts.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from traineeships.api.common import EMPTY_INPUT, TAGS, payload
from traineeships.api.serializers import PostSerializer
from traineeships.forms.posts import PostFilterForm, PostForm
from traineeships.models import BaseStatus
from traineeships.rules import MANAGE_BASE
from traineeships.selectors import get_own_base, get_post_for_user, get_unit_post, posts_for_unit
from traineeships.services import posts as services

PostInput = form_serializer(PostForm, "TraineeshipPostInput")
PostEditInput = form_serializer(PostForm, "TraineeshipPostEditInput", extra={
    "resubmit": serializers.BooleanField(required=False, help_text=gettext_lazy("保存并重新提交审核"))})


class PostList(ListAPIView):
    """见习岗位管理: the unit's posts (GET), 新增岗位 (POST: saved and sent for review at once, as on screen)."""

    api_programme = "traineeships"
    serializer_class = PostSerializer

    @extend_schema(operation_id="traineeships_posts_list", summary=gettext_lazy("本单位的见习岗位"), tags=TAGS,
                   parameters=query_parameters(PostFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_BASE)
        form = bind_query(self.request, PostFilterForm)
        posts = posts_for_unit(self.request.user)
        if form.cleaned_data["status"]:
            posts = posts.filter(status=form.cleaned_data["status"])
        return posts.select_related("base", "work_region")

    @extend_schema(operation_id="traineeships_posts_create", summary=gettext_lazy("新增见习岗位并提交审核"),
                   tags=TAGS, request=PostInput, responses={201: PostSerializer})
    def post(self, request):
        require_permission(request, MANAGE_BASE)
        base = get_own_base(request.user)
        if base is None or base.status != BaseStatus.APPROVED:
            raise ValidationError(_("见习基地申请审核通过后才能发布见习岗位"), code="no_base")
        form = bind(PostForm, payload(request))
        post = services.create_post(organisation=base.organisation, actor=request.user, data=form.cleaned_data)
        return object_response(request, PostSerializer, post, status=201)


class PostDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_posts_retrieve", summary=gettext_lazy("见习岗位详情"), tags=TAGS,
                   responses=PostSerializer)
    def get(self, request, pk):
        return object_response(request, PostSerializer, get_post_for_user(request.user, pk))

    @extend_schema(operation_id="traineeships_posts_update", summary=gettext_lazy("修改见习岗位（可重新提交审核）"),
                   tags=TAGS, request=PostEditInput, responses=PostSerializer)
    def put(self, request, pk):
        require_permission(request, MANAGE_BASE)
        post = get_unit_post(request.user, pk)
        body = payload(request)
        form = bind(PostForm, {key: value for key, value in body.items() if key != "resubmit"})
        with transaction.atomic():
            services.check_editable(lock_and_match(request, post))
            post = services.update_post(post=post, actor=request.user, data=form.cleaned_data,
                                        resubmit=body.get("resubmit") is True)
        return object_response(request, PostSerializer, get_unit_post(request.user, post.pk))

    @extend_schema(operation_id="traineeships_posts_destroy", summary=gettext_lazy("删除见习岗位"), tags=TAGS,
                   responses={204: None})
    def delete(self, request, pk):
        require_permission(request, MANAGE_BASE)
        post = get_unit_post(request.user, pk)
        with transaction.atomic():
            lock_and_match(request, post)
            services.delete_post(post=post, actor=request.user)
        return Response(status=204)


class UnpublishPost(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_posts_unpublish", summary=gettext_lazy("撤销发布见习岗位"), tags=TAGS,
                   request=EMPTY_INPUT, responses=PostSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        post = services.unpublish_by_unit(post=get_unit_post(request.user, pk), actor=request.user)
        return object_response(request, PostSerializer, get_unit_post(request.user, post.pk))
