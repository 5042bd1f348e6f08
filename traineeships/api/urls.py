"""/api/v1/traineeships/ (namespace api:traineeships)."""

from django.urls import path

from traineeships.api import views

urlpatterns = [
    # --- bases
    path("base/", views.OwnBase.as_view(), name="own_base"),
    path("base/submit/", views.SubmitBase.as_view(), name="own_base_submit"),
    path("base/withdraw/", views.WithdrawBase.as_view(), name="own_base_withdraw"),
    path("base/files/<slug:slot>/", views.UploadBaseFile.as_view(), name="own_base_upload"),
    path("bases/", views.BaseList.as_view(), name="bases"),
    path("bases/<int:pk>/", views.BaseDetail.as_view(), name="base_detail"),
]
