"""The programme's pages, one list (namespace "apprenticeships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401

from apprenticeships.views import attendance as attendance_views
from apprenticeships.views import tracking as tracking_views
from apprenticeships.views import venues as venue_views

app_name = "apprenticeships"
urlpatterns = [
    # --- filing: 申请备案 tabs (企业信息/备案信息, 培训机构情况, 培训信息, 上传材料), 办理结果, print, review ---

    # --- people: 培训师资, 培训人员, 培训课程 tabs, 标记为流失, 考核结果, 单位培训人员查询 ---

    # --- changes: 备案变更申请 (课程信息配置, 开班信息变更, 师资信息变更, 查看变更内容) ---

    # --- tracking: 培训情况跟踪, 查看考勤, 注销培训班, 培训场地维护, institution's filings and attendance ---
    path("tracking/", tracking_views.tracking, name="tracking"),
    path("tracking/<int:pk>/cancel/", tracking_views.filing_cancel, name="filing_cancel"),
    path("tracking/<int:pk>/attendance/", attendance_views.attendance, name="attendance"),
    path("tracking/<int:pk>/attendance/records/", attendance_views.attendance_records, name="attendance_records"),
    path("attendance/courses/<int:pk>/", attendance_views.attendance_record, name="attendance_record"),
    path("institution/filings/", tracking_views.institution_filings_view, name="institution_filings"),
    path("venues/", venue_views.venues, name="venues"),
    path("venues/new/", venue_views.venue_new, name="venue_new"),
    path("venues/<int:pk>/edit/", venue_views.venue_edit, name="venue_edit"),
    path("venues/<int:pk>/delete/", venue_views.venue_delete, name="venue_delete"),

    # --- claims: 立即办理, 办理结果, downloads ---

    # --- hr: filings of the region, 生态链企业认定, parameters, statistics ---
]
