from django.urls import path

from organisations import staff_views

app_name = "staff"
urlpatterns = [
    path("", staff_views.staff_list, name="list"),
    path("new/", staff_views.staff_create, name="create"),
    path("<int:pk>/edit/", staff_views.staff_edit, name="edit"),
    path("<int:pk>/delete/", staff_views.staff_delete, name="delete"),
]
