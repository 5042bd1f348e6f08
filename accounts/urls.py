from django.urls import path

from accounts import views, views_individuals, views_register

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("register/", views_register.register, name="register"),
    path("profile/", views.profile, name="profile"),
    path("password/change/", views.password_change, name="password_change"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/confirm/", views.password_reset_confirm, name="password_reset_confirm"),
    path("sms/send/", views.send_sms, name="send_sms"),
    path("dev/sms/", views.sms_outbox, name="sms_outbox"),
    path("login-log/", views.login_log, name="login_log"),
    # People who sign in with name + ID number + SMS code, per programme (accounts.eligibility)
    path("individual/<slug:programme>/sign-in/", views_individuals.sign_in, name="individual_sign_in"),
    path("individual/<slug:programme>/verify/", views_individuals.verify_code, name="individual_verify"),
    path("individual/<slug:programme>/resend/", views_individuals.resend_code, name="individual_resend"),
    path("individual/<slug:programme>/bind-mobile/", views_individuals.bind_mobile, name="individual_bind"),
]
