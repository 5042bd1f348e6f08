"""The foundation's own API views: who is calling, and the JSON answer for an unknown route."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.errors import body
from api.models import ApiKey


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    real_name = serializers.CharField()
    organisation_id = serializers.IntegerField(allow_null=True)
    organisation_name = serializers.CharField(allow_null=True)
    key = serializers.CharField(allow_null=True, help_text=_("所用密钥的编号；会话登录时为空"))
    scopes = serializers.ListField(child=serializers.CharField())
    expires_at = serializers.DateTimeField(allow_null=True)


class MeView(APIView):
    """The caller: the account the key acts as, its organisation and the key's scopes."""

    @extend_schema(operation_id="me", summary=_("当前调用者"), responses=MeSerializer, tags=["基础"],
                   description=_("密钥所代表的账号、所属单位和密钥的权限范围"))
    def get(self, request):
        user = request.user
        key = request.auth if isinstance(request.auth, ApiKey) else None
        return Response(MeSerializer({
            "username": user.username, "real_name": user.real_name,
            "organisation_id": user.organisation_id,
            "organisation_name": user.organisation.name if user.organisation_id else None,
            "key": key.prefix if key else None,
            "scopes": key.scopes if key else scopes.all_scopes(),
            "expires_at": key.expires_at if key else None,
        }).data)


class UnknownRoute(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = ()
    schema = None

    def _answer(self, request, *args, **kwargs):
        return Response(body("not_found", [], _("没有该接口，请查阅 /api/docs/")), status=404)

    get = post = put = patch = delete = _answer
