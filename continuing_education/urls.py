"""The programme's pages, one list (namespace "continuing_education"). Each section's views live in
views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from continuing_education.views import units as units_views  # units

app_name = "continuing_education"
urlpatterns = [
    # --- desk: 工作桌面 ---

    # --- units: joining a unit, 待审核的专技人员, 调离, forced completion ---
    path("join/", units_views.join, name="join"),
    path("join/cancel/", units_views.join_cancel, name="join_cancel"),
    path("staff-requests/", units_views.staff_requests, name="staff_requests"),
    path("staff-requests/approve/", units_views.staff_approve_batch, name="staff_approve_batch"),
    path("staff-requests/<int:pk>/approve/", units_views.staff_approve, name="staff_approve"),
    path("staff-requests/<int:pk>/reject/", units_views.staff_reject, name="staff_reject"),
    path("staff-requests/<int:pk>/end/", units_views.staff_end, name="staff_end"),
    path("units/", units_views.units, name="units"),
    path("units/<int:pk>/", units_views.unit_detail, name="unit_detail"),

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 (面授培训点, 网授平台) ---

    # --- classes: 培训班申报, 我申报的, 培训班管理, 报名人员, 培训成果上报 ---

    # --- hours: 学时申报, 待我审核, 学时申报管理, 网络培训成果 ---

    # --- archive: 培训档案, 培训历程, 学时证明, 学时要求, 统计 ---
]
