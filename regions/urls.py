from django.urls import path

from regions import views

app_name = "regions"
urlpatterns = [
    path("children/", views.children, name="children"),
    path("dataset/", views.dataset, name="dataset"),
]
