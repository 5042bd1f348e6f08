from django.urls import path

from calendars import views, wage_views

app_name = "calendars"
urlpatterns = [
    path("", views.year_list, name="years"),
    path("<int:year>/", views.year_detail, name="year"),
    path("<int:year>/publish/", views.year_publish, name="publish"),
    path("days/add/", views.day_create, name="day_create"),
    path("days/<int:pk>/edit/", views.day_edit, name="day_edit"),
    path("days/<int:pk>/delete/", views.day_delete, name="day_delete"),
    path("wages/", wage_views.wage_list, name="wages"),
    path("wages/new/", wage_views.wage_create, name="wage_create"),
    path("wages/<int:pk>/", wage_views.wage_edit, name="wage_edit"),
]
