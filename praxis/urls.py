from django.urls import include, path

from organisations import urls as organisations_urls
from verification import urls as verification_urls

urlpatterns = [
    path("", include("portal.urls")),
    path("", include("core.urls")),
    path("accounts/", include("accounts.urls")),
    path("org/staff/", include("organisations.staff_urls")),
    path("org/api-keys/", include("api.screen_urls")),
    # The profile and verification pages sit above the review engine, in their own app, under /org/ and the
    # organisations namespace like the rest of the organisation's pages.
    path("org/", include((organisations_urls.urlpatterns + verification_urls.urlpatterns, "organisations"))),
    path("regions/", include("regions.urls")),
    path("reviews/", include("reviews.urls")),
    path("files/", include("attachments.urls")),
    path("webhooks/", include("webhooks.urls")),
    path("tasks/", include("batch.urls")),
    path("print/", include("printing.urls")),
    path("messages/", include("notifications.urls")),
    path("logs/", include("audit.urls")),
    path("calendars/", include("calendars.urls")),
    path("traineeships/", include("traineeships.urls")),
    path("internships/", include("internships.urls")),
    path("apprenticeships/", include("apprenticeships.urls")),
    path("continuing-education/", include("continuing_education.urls")),
    path("api/", include("api.urls")),
    path("captcha/", include("captcha.urls")),
]
