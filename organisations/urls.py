from django.urls import path

from organisations import views, views_admin, views_registration

app_name = "organisations"
# The profile page (profile/, profile/withdraw/) and an organisation's record (<pk>/) are in verification.urls,
# joined to this namespace by praxis/urls.py.
urlpatterns = [
    path("register/", views_registration.register, name="register"),
    path("activate/", views_registration.activate, name="activate"),
    path("preregister/", views_registration.preregister, name="preregister"),
    path("preregister/<int:pk>/", views_registration.preregister_done, name="preregister_done"),
    path("recommended/", views_registration.recommended, name="recommended"),
    path("recommend/", views_registration.recommend, name="recommend"),
    path("directory/", views.directory, name="directory"),
    path("departments/", views_admin.departments, name="departments"),
    path("departments/<int:pk>/edit/", views_admin.department_edit, name="department_edit"),
    path("departments/<int:pk>/delete/", views_admin.department_delete, name="department_delete"),
    path("roles/", views_admin.roles, name="roles"),
    path("roles/new/", views_admin.role_create, name="role_create"),
    path("roles/<int:pk>/edit/", views_admin.role_edit, name="role_edit"),
    path("roles/<int:pk>/delete/", views_admin.role_delete, name="role_delete"),
    path("accounts/", views_admin.accounts, name="accounts"),
    path("accounts/new/", views_admin.account_create, name="account_create"),
    path("accounts/<int:pk>/edit/", views_admin.account_edit, name="account_edit"),
    path("accounts/<int:pk>/password/", views_admin.account_password, name="account_password"),
    path("accounts/<int:pk>/active/", views_admin.account_active, name="account_active"),
]
