"""The young person's own applications (已报岗位管理) through the API, signed in by session: list, one
application, 报名 (a published post) and 撤销报名 — views/applications.py's selectors and services. Only an
individual with a traineeship profile and a bound mobile, as the screens' `individual_page` (which sends the
others to the sign-in or the binding page; here they get 403 with the reason)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from accounts.models import UserKind
from api.forms import bind, form_serializer
from api.responses import object_response
from traineeships.api.common import EMPTY_INPUT, TAGS, payload
from traineeships.api.serializers import OwnApplicationSerializer
from traineeships.forms.fields import record_id_field
from traineeships.selectors import applications_for_person, get_own_application, get_public_post, profile_of
from traineeships.services import applications as services


class ApplyForm(forms.Form):
    post = record_id_field(gettext_lazy("见习岗位"), gettext_lazy("岗位编号无效"))

    def clean_post(self):
        if self.cleaned_data["post"] is None:
            raise forms.ValidationError(_("请选择要报名的岗位"))
        return self.cleaned_data["post"]


ApplyInput = form_serializer(ApplyForm, "TraineeshipApplyInput")


def require_trainee(user) -> None:
    """The screens' `individual_page`: 403 (with the step still to take) instead of its redirects."""
    if user.kind != UserKind.INDIVIDUAL:
        raise PermissionDenied
    if profile_of(user) is None:
        raise PermissionDenied(_("请先通过就业见习登录入口核验姓名和身份证号"))
    if not user.mobile:
        raise PermissionDenied(_("请先绑定手机号"))


class OwnApplicationList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = OwnApplicationSerializer

    @extend_schema(operation_id="traineeships_my_applications_list", summary=gettext_lazy("我的见习报名"),
                   tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_trainee(self.request.user)
        return applications_for_person(self.request.user).select_related("placement")

    @extend_schema(operation_id="traineeships_my_applications_create", summary=gettext_lazy("报名见习岗位"),
                   tags=TAGS, request=ApplyInput, responses={201: OwnApplicationSerializer})
    def post(self, request):
        require_trainee(request.user)
        form = bind(ApplyForm, payload(request))
        application = services.apply(actor=request.user, post=get_public_post(form.cleaned_data["post"]))
        return object_response(request, OwnApplicationSerializer,
                               get_own_application(request.user, application.pk), status=201)


class OwnApplicationDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_my_applications_retrieve", summary=gettext_lazy("我的报名详情"),
                   tags=TAGS, responses=OwnApplicationSerializer)
    def get(self, request, pk):
        require_trainee(request.user)
        return object_response(request, OwnApplicationSerializer, get_own_application(request.user, pk))


class WithdrawOwnApplication(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_my_applications_withdraw", summary=gettext_lazy("撤销报名"),
                   tags=TAGS, request=EMPTY_INPUT, responses=OwnApplicationSerializer)
    def post(self, request, pk):
        require_trainee(request.user)
        application = get_own_application(request.user, pk)
        services.withdraw(actor=request.user, application=application)
        return object_response(request, OwnApplicationSerializer, get_own_application(request.user, pk))
