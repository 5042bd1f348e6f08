"""The programme's pages, one list (namespace "continuing_education"). Each section's views live in
views/<section>.py."""

from django.urls import path

from continuing_education.views import archive, archive_rules, classes, classes_manage
from continuing_education.views import catalogue as catalogue_views
from continuing_education.views import catalogue_docking as docking_views
from continuing_education.views import correction as correction_views
from continuing_education.views import desk as desk_views
from continuing_education.views import hours as hours_views
from continuing_education.views import hours_inbox as hours_inbox_views
from continuing_education.views import hours_manage as hours_manage_views
from continuing_education.views import units as units_views

app_name = "continuing_education"
urlpatterns = [
    # --- desk: 工作桌面 ---
    path("desk/", desk_views.desk, name="desk"),
    path("statistics/", desk_views.statistics, name="statistics"),

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

    # --- correction: 培训成果更正申请 ---
    path("classes/<int:pk>/correction/", correction_views.correction_new, name="correction_new"),

    # --- hours: 学时申报, 待我审核, 学时申报管理, 网络培训成果 ---
    path("declarations/", hours_views.declaration_list, name="declarations"),
    path("declarations/new/", hours_views.declaration_new, name="declaration_new"),
    path("declarations/<int:pk>/", hours_views.declaration_detail, name="declaration_detail"),
    path("declarations/<int:pk>/edit/", hours_views.declaration_edit, name="declaration_edit"),
    path("declarations/<int:pk>/submit/", hours_views.declaration_submit, name="declaration_submit"),
    path("declarations/<int:pk>/withdraw/", hours_views.declaration_withdraw, name="declaration_withdraw"),
    path("declarations/<int:pk>/delete/", hours_views.declaration_delete, name="declaration_delete"),
    path("declarations/<int:pk>/decide/", hours_inbox_views.inbox_decide, name="inbox_decide"),
    path("hours/inbox/", hours_inbox_views.inbox, name="inbox"),
    path("hours/", hours_manage_views.hours_manage, name="hours_manage"),
    path("hours/new/", hours_manage_views.hours_new_for, name="hours_new_for"),
    path("online-results/", hours_manage_views.online_result_list, name="online_results"),

    # --- archive: 培训档案, 培训历程, 学时证明, 学时要求, 统计 ---
    path("archive/", archive.archive, name="archive"),
    path("archive/<int:pk>/", archive.archive_detail, name="archive_detail"),
    path("archive/<int:pk>/certificate/", archive.certificate, name="certificate"),
    path("my-archive/", archive.my_archive, name="my_archive"),
    path("certificates/verify/", archive.certificate_verify, name="certificate_verify"),
    path("hours-rules/", archive_rules.rules, name="rules"),
    path("hours-rules/new/", archive_rules.rule_new, name="rule_new"),
    path("hours-rules/<int:pk>/edit/", archive_rules.rule_edit, name="rule_edit"),
]
