"""The programme's pages, one list (namespace "continuing_education"). Each section's views live in
views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from continuing_education.views import classes, classes_manage  # section classes (no function body to hold it)

app_name = "continuing_education"
urlpatterns = [
    # --- desk: 工作桌面 ---

    # --- units: joining a unit, 待审核的专技人员, 调离, forced completion ---

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 (面授培训点, 网授平台) ---

    # --- classes: 培训班申报, 我申报的, 培训班管理, 报名人员, 培训成果上报 ---
    path("classes/new/", classes.class_new, name="class_new"),
    path("classes/<int:pk>/", classes.class_detail, name="class_detail"),
    path("classes/<int:pk>/edit/", classes.class_edit, name="class_edit"),
    path("classes/<int:pk>/submit/", classes.class_submit, name="class_submit"),
    path("classes/<int:pk>/withdraw/", classes.class_withdraw, name="class_withdraw"),
    path("classes/<int:pk>/delete/", classes.class_delete, name="class_delete"),
    path("classes/<int:pk>/materials/", classes.class_materials, name="class_materials"),
    path("classes/<int:pk>/materials/delete/", classes.class_material_delete, name="class_material_delete"),
    path("classes/<int:pk>/print/", classes.class_print, name="class_print"),
    path("classes/declared/", classes_manage.declared, name="declared"),
    path("classes/", classes_manage.classes, name="classes"),
    path("classes/reviewed/", classes_manage.reviewed_classes, name="reviewed_classes"),
    path("classes/<int:pk>/participants/", classes_manage.class_participants, name="class_participants"),
    path("classes/<int:pk>/participants/add/", classes_manage.participant_add, name="participant_add"),
    path("classes/<int:pk>/participants/pick/", classes_manage.participant_pick, name="participant_pick"),
    path("classes/<int:pk>/participants/result/", classes_manage.participant_result, name="participant_result"),
    path("classes/<int:pk>/participants/remove/", classes_manage.participant_remove, name="participant_remove"),
    path("classes/<int:pk>/report-results/", classes_manage.class_report_results, name="class_report_results"),

    # --- hours: 学时申报, 待我审核, 学时申报管理, 网络培训成果 ---

    # --- archive: 培训档案, 培训历程, 学时证明, 学时要求, 统计 ---
]
