from django.urls import path

from batch import views

app_name = "batch"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/progress/", views.job_progress, name="progress"),
    path("<int:pk>/source/", views.download_source, name="download_source"),
    path("<int:pk>/failed/", views.download_failed, name="download_failed"),
    path("<int:pk>/result/", views.download_result, name="download_result"),
    path("template/<slug:spec_key>/", views.download_template, name="template"),
    path("import/<slug:spec_key>/", views.import_page, name="import"),
    path("export/<slug:spec_key>/", views.start_export, name="export"),
]
