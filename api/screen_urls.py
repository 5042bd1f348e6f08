"""/org/api-keys/: the organisation's API keys (开放接口密钥)."""

from django.urls import path

from api import screens

app_name = "api_keys"
urlpatterns = [
    path("", screens.key_list, name="list"),
    path("new/", screens.key_issue, name="issue"),
    path("issued/", screens.key_issued, name="issued"),
    path("<int:pk>/rotate/", screens.key_rotate, name="rotate"),
    path("<int:pk>/revoke/", screens.key_revoke, name="revoke"),
]
