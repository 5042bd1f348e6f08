"""The programme's pages, one list (namespace "continuing_education"). Each section's views live in
views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from continuing_education.views import desk as desk_views  # noqa: E402  (desk)

app_name = "continuing_education"
urlpatterns = [
    # --- desk: 工作桌面 ---
    path("desk/", desk_views.desk, name="desk"),
    path("statistics/", desk_views.statistics, name="statistics"),

    # --- units: joining a unit, 待审核的专技人员, 调离, forced completion ---

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 (面授培训点, 网授平台) ---

    # --- classes: 培训班申报, 我申报的, 培训班管理, 报名人员, 培训成果上报 ---

    # --- hours: 学时申报, 待我审核, 学时申报管理, 网络培训成果 ---

    # --- archive: 培训档案, 培训历程, 学时证明, 学时要求, 统计 ---
]
