"""公开岗位 through the API, for any signed-in caller (the public pages need no sign-in; the API always needs a
key or a session): the published posts with the public page's filters (市/区县, 关键词, 学历要求) and one post —
public.py's selectors and filter form. The young person's 感兴趣 on a published post and their 见习意向表 (the
screens' individual pages: views/applications.py `interest`, views/individuals.py `intention`)."""

from django import forms
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.forms import bind, bind_query, form_serializer
from api.responses import object_response
from traineeships.api.common import TAGS, payload
from traineeships.api.individual import require_trainee
from traineeships.api.serializers import IntentionSerializer, PublicPostSerializer
from traineeships.forms.individuals import IntentionForm
from traineeships.forms.public import FILTER_NAMES, PublicPostFilterForm
from traineeships.models import Education
from traineeships.selectors import filter_public_posts, get_public_post, profile_of, public_posts
from traineeships.services import applications as application_services
from traineeships.services import individuals as individual_services

# The region selects' choices depend on the region chosen above them (filled in the form's __init__): the schema
# says a 6-digit region code instead of an enum.
PUBLIC_FILTERS = [
    OpenApiParameter("province", str, OpenApiParameter.QUERY, required=False, description="省份（行政区划代码）"),
    OpenApiParameter("city", str, OpenApiParameter.QUERY, required=False, description="市（行政区划代码）"),
    OpenApiParameter("county", str, OpenApiParameter.QUERY, required=False, description="区县（行政区划代码）"),
    OpenApiParameter("q", str, OpenApiParameter.QUERY, required=False, description="关键词（岗位名称或单位名称）"),
    OpenApiParameter("education", str, OpenApiParameter.QUERY, required=False, description="学历要求",
                     enum=[""] + [value for value, _label in Education.choices]),
]


class InterestForm(forms.Form):
    interested = forms.BooleanField(label=gettext_lazy("感兴趣"), required=False,
                                    help_text=gettext_lazy("true 标记为感兴趣，false 取消"))


InterestInput = form_serializer(InterestForm, "TraineeshipInterestInput")
class InterestSerializer(serializers.Serializer):
    post_id = serializers.IntegerField()
    interested = serializers.BooleanField()


IntentionInput = form_serializer(IntentionForm, "TraineeshipIntentionInput")


class PublicPostList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = PublicPostSerializer

    @extend_schema(operation_id="traineeships_public_posts_list", summary=gettext_lazy("公开的见习岗位（查询）"),
                   tags=TAGS, parameters=PUBLIC_FILTERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        form = bind_query(self.request, PublicPostFilterForm)
        filters = {name: (form.cleaned_data.get(name) or "").strip() for name in FILTER_NAMES}
        return filter_public_posts(public_posts(), **filters).select_related("work_region")


class PublicPostDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_public_posts_retrieve", summary=gettext_lazy("公开的见习岗位详情"),
                   tags=TAGS, responses=PublicPostSerializer)
    def get(self, request, pk):
        return object_response(request, PublicPostSerializer, get_public_post(pk))


class PostInterest(APIView):
    """感兴趣 / 取消感兴趣 on a published post (the young person with a traineeship profile)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_public_posts_interest", summary=gettext_lazy("标记或取消感兴趣"),
                   tags=TAGS, request=InterestInput, responses=InterestSerializer)
    def post(self, request, pk):
        require_trainee(request.user)
        post = get_public_post(pk)
        form = bind(InterestForm, payload(request))
        now = application_services.set_interest(actor=request.user, post=post,
                                                interested=form.cleaned_data["interested"])
        return Response(InterestSerializer({"post_id": post.pk, "interested": now}).data)


class Intention(APIView):
    """见习意向表: the person's current answers (GET) and 提交 (PUT, the screen's form for their kind)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_my_intention_retrieve", summary=gettext_lazy("我的见习意向"),
                   tags=TAGS, responses=IntentionSerializer)
    def get(self, request):
        require_trainee(request.user)
        return object_response(request, IntentionSerializer, profile_of(request.user))

    @extend_schema(operation_id="traineeships_my_intention_update", summary=gettext_lazy("提交见习意向表"),
                   tags=TAGS, request=IntentionInput, responses=IntentionSerializer)
    def put(self, request):
        require_trainee(request.user)
        profile = profile_of(request.user)
        form = bind(IntentionForm, payload(request), kind=profile.kind)
        profile = individual_services.submit_intention(actor=request.user, data=form.cleaned_data)
        return object_response(request, IntentionSerializer, profile)
