from django.urls import include, path

urlpatterns = [
    path("", include("portal.urls")),
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("org/staff/", include("organisations.staff_urls")),
    path("org/", include("organisations.urls")),
    path("regions/", include("regions.urls")),
    path("reviews/", include("reviews.urls")),
    path("files/", include("attachments.urls")),
    path("tasks/", include("batch.urls")),
    path("print/", include("printing.urls")),
    path("messages/", include("notifications.urls")),
    path("logs/", include("audit.urls")),
    path("traineeships/", include("traineeships.urls")),
    path("captcha/", include("captcha.urls")),
]
