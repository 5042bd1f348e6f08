"""/api/v1/: the foundation's routes, then one prefix per programme (api.registry); /api/schema/ and /api/docs/."""

from importlib import import_module

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import registry
from api.views import MeView, UnknownRoute

app_name = "api"

# --- foundation routes (each area adds its list here)
foundation = [
    path("me/", MeView.as_view(), name="me"),
]

programmes = [
    path(f"{programme.key.replace('_', '-')}/",
         include((import_module(programme.urls).urlpatterns, programme.key)))
    for programme in registry.programme_apis()
]

urlpatterns = [
    path("v1/", include(foundation + programmes)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^v1/", UnknownRoute.as_view(), name="unknown_route"),
]
