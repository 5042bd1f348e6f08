from django.urls import path

from attachments import views

app_name = "attachments"
urlpatterns = [
    path("<uuid:attachment_id>/", views.download, name="download"),
    path("<uuid:attachment_id>/preview/", views.preview, name="preview"),
]
