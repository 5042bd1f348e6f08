"""The programme's pages, one list (namespace "continuing_education"). Each section's views live in
views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from continuing_education.views import catalogue as catalogue_views  # catalogue
from continuing_education.views import catalogue_docking as docking_views  # catalogue

app_name = "continuing_education"
urlpatterns = [
    # --- desk: 工作桌面 ---

    # --- units: joining a unit, 待审核的专技人员, 调离, forced completion ---

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 (面授培训点, 网授平台) ---
    path("courses/", catalogue_views.courses, name="courses"),
    path("courses/new/", catalogue_views.course_new, name="course_new"),
    path("courses/<int:pk>/edit/", catalogue_views.course_edit, name="course_edit"),
    path("courses/<int:pk>/delete/", catalogue_views.course_delete, name="course_delete"),
    path("teachers/", catalogue_views.teachers, name="teachers"),
    path("teachers/new/", catalogue_views.teacher_new, name="teacher_new"),
    path("teachers/<int:pk>/edit/", catalogue_views.teacher_edit, name="teacher_edit"),
    path("teachers/<int:pk>/delete/", catalogue_views.teacher_delete, name="teacher_delete"),
    path("sites/", docking_views.sites, name="sites"),
    path("sites/new/", docking_views.site_new, name="site_new"),
    path("sites/<int:pk>/edit/", docking_views.site_edit, name="site_edit"),
    path("sites/<int:pk>/delete/", docking_views.site_delete, name="site_delete"),
    path("platforms/", docking_views.platforms, name="platforms"),
    path("platforms/new/", docking_views.platform_new, name="platform_new"),
    path("platforms/<int:pk>/edit/", docking_views.platform_edit, name="platform_edit"),
    path("platforms/<int:pk>/delete/", docking_views.platform_delete, name="platform_delete"),
    path("docking/complete/", docking_views.docking_complete, name="docking_complete"),

    # --- classes: 培训班申报, 我申报的, 培训班管理, 报名人员, 培训成果上报 ---

    # --- hours: 学时申报, 待我审核, 学时申报管理, 网络培训成果 ---

    # --- archive: 培训档案, 培训历程, 学时证明, 学时要求, 统计 ---
]
