"""Joined to the organisations namespace by praxis/urls.py (no app_name here): the pages keep their
organisations:profile / :withdraw / :detail names and their /org/ paths."""

from django.urls import path

from verification import views, views_unit_registration

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/", views.detail, name="detail"),
    # 注册用人单位 (issue 10): a person with no organisation registers theirs and becomes its administrator.
    path("register-unit/", views_unit_registration.register_unit_view, name="register_unit"),
    path("register-unit/done/", views_unit_registration.register_unit_done, name="register_unit_done"),
]
