"""/api/v1/: the foundation's routes, then one prefix per programme (api.registry); /api/schema/ and /api/docs/."""

from importlib import import_module

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import registry
from api.endpoints import (
    accounts,
    audit,
    batch,
    calendars,
    departments,
    login_log,
    notifications,
    organisations,
    profile,
    reviews,
    roles,
    staff,
    webhooks,
)
from api.views import MeView, UnknownRoute

app_name = "api"

# --- foundation routes (each area adds its list here)
foundation = [
    path("me/", MeView.as_view(), name="me"),
    # 审核与申报 (every programme's reviews)
    path("reviews/inbox/", reviews.Inbox.as_view(), name="reviews_inbox"),
    path("reviews/submissions/", reviews.Submissions.as_view(), name="reviews_submissions"),
    path("reviews/<int:pk>/", reviews.ReviewDetail.as_view(), name="review_detail"),
    path("reviews/<int:pk>/decide/", reviews.Decide.as_view(), name="review_decide"),
    path("reviews/<int:pk>/withdraw/", reviews.Withdraw.as_view(), name="review_withdraw"),
    path("reviews/<int:pk>/revoke/", reviews.Revoke.as_view(), name="review_revoke"),
    # 导入导出 and the task centre
    path("imports/", batch.ImportSpecs.as_view(), name="imports"),
    path("imports/<slug:spec_key>/", batch.StartImport.as_view(), name="import_start"),
    path("exports/", batch.ExportSpecs.as_view(), name="exports"),
    path("exports/<slug:spec_key>/", batch.StartExport.as_view(), name="export_start"),
    path("jobs/", batch.Jobs.as_view(), name="jobs"),
    path("jobs/<int:pk>/", batch.JobDetail.as_view(), name="job_detail"),
    path("jobs/<int:pk>/errors/", batch.JobErrors.as_view(), name="job_errors"),
    path("jobs/<int:pk>/file/", batch.JobFile.as_view(), name="job_file"),
    # 人员信息
    path("staff/", staff.StaffList.as_view(), name="staff"),
    path("staff/<int:pk>/", staff.StaffDetail.as_view(), name="staff_detail"),
    # 单位信息
    path("organisation/", organisations.OwnOrganisation.as_view(), name="own_organisation"),
    path("organisations/", organisations.Directory.as_view(), name="organisations"),
    path("organisations/<int:pk>/", organisations.OrganisationDetail.as_view(), name="organisation_detail"),
    # 消息
    path("notifications/", notifications.Notifications.as_view(), name="notifications"),
    path("notifications/<int:pk>/read/", notifications.MarkRead.as_view(), name="notification_read"),
    # 事件推送
    path("webhooks/", webhooks.Subscriptions.as_view(), name="webhooks"),
    path("webhooks/events/", webhooks.Events.as_view(), name="webhook_events"),
    path("webhooks/<int:pk>/", webhooks.SubscriptionDetail.as_view(), name="webhook_detail"),
    path("webhooks/<int:pk>/rotate-secret/", webhooks.RotateSecret.as_view(), name="webhook_rotate"),
    path("webhooks/<int:pk>/deliveries/", webhooks.Deliveries.as_view(), name="webhook_deliveries"),
    path("webhooks/deliveries/<int:pk>/resend/", webhooks.Resend.as_view(), name="webhook_resend"),
    # fa: 单位信息与认证, 部门管理, 角色管理, 子账号管理 of the caller's own organisation
    path("organisation/verification/", profile.Verification.as_view(), name="own_verification"),
    path("organisation/verification/withdraw/", profile.WithdrawVerification.as_view(),
         name="own_verification_withdraw"),
    path("organisation/departments/", departments.Departments.as_view(), name="departments"),
    path("organisation/departments/<int:pk>/", departments.DepartmentDetail.as_view(), name="department_detail"),
    path("organisation/roles/", roles.Roles.as_view(), name="roles"),
    path("organisation/roles/permissions/", roles.Permissions.as_view(), name="role_permissions"),
    path("organisation/roles/<int:pk>/", roles.RoleDetail.as_view(), name="role_detail"),
    path("organisation/accounts/", accounts.Accounts.as_view(), name="accounts"),
    path("organisation/accounts/<int:pk>/", accounts.AccountDetail.as_view(), name="account_detail"),
    path("organisation/accounts/<int:pk>/password/", accounts.AccountPassword.as_view(), name="account_password"),
    path("organisation/accounts/<int:pk>/deactivate/", accounts.AccountDeactivate.as_view(),
         name="account_deactivate"),
    path("organisation/accounts/<int:pk>/reactivate/", accounts.AccountReactivate.as_view(),
         name="account_reactivate"),
    path("organisation/login-log/", login_log.LoginLog.as_view(), name="login_log"),
    path("organisations/<int:pk>/verification/", profile.OrganisationVerification.as_view(),
         name="organisation_verification"),
    # fb
    # 工作日历 and 最低工资标准
    path("calendars/", calendars.Years.as_view(), name="calendar_years"),
    path("calendars/<int:year>/", calendars.YearDetail.as_view(), name="calendar_year"),
    path("calendars/<int:year>/publish/", calendars.PublishYear.as_view(), name="calendar_publish"),
    path("calendars/days/", calendars.DayCreate.as_view(), name="calendar_days"),
    path("calendars/days/<int:pk>/", calendars.DayDetail.as_view(), name="calendar_day"),
    path("minimum-wages/", calendars.Wages.as_view(), name="minimum_wages"),
    path("minimum-wages/<int:pk>/", calendars.WageDetail.as_view(), name="minimum_wage"),
    # 操作日志
    path("audit/", audit.AuditEntries.as_view(), name="audit_entries"),
]

programmes = [
    path(f"{programme.key.replace('_', '-')}/",
         include((import_module(programme.urls).urlpatterns, programme.key)))
    for programme in registry.programme_apis()
]

urlpatterns = [
    path("v1/", include(foundation + programmes)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^v1/", UnknownRoute.as_view(), name="unknown_route"),
]
