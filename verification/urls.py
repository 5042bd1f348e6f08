"""Joined to the organisations namespace by praxis/urls.py (no app_name here): the pages keep their
organisations:profile / :withdraw / :detail names and their /org/ paths."""

from django.urls import path

from verification import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/", views.detail, name="detail"),
]
