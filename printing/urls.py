from django.urls import path

from printing import views

app_name = "printing"
urlpatterns = [
    path("organisation/<int:pk>/registration.pdf", views.organisation_registration, name="organisation_registration"),
]
