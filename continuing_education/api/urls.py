"""/api/v1/continuing-education/ (namespace api:continuing_education)."""

from django.urls import path

from continuing_education.api import (
    archive,
    catalogue,
    classes,
    corrections,
    desk,
    hours,
    hours_rules,
    materials,
    participants,
    staff_links,
    units,
)

urlpatterns = [
    # --- desk: 工作桌面 (the caller's role chooses the desk), 统计分析
    path("desk/", desk.Desk.as_view(), name="desk"),
    path("statistics/", desk.Statistics.as_view(), name="statistics"),

    # --- units: 加入单位 (a person), 待审核的专技人员 and 调离 (the unit), 用人单位 (departments)
    path("join/", staff_links.Join.as_view(), name="join"),
    path("join/cancel/", staff_links.CancelJoin.as_view(), name="join_cancel"),
    path("joinable-units/", staff_links.JoinableUnits.as_view(), name="joinable_units"),
    path("staff-requests/", staff_links.StaffRequests.as_view(), name="staff_requests"),
    path("staff-requests/approve/", staff_links.ApproveStaffRequests.as_view(), name="staff_approve_batch"),
    path("staff-requests/<int:pk>/", staff_links.StaffRequestDetail.as_view(), name="staff_request_detail"),
    path("staff-requests/<int:pk>/approve/", staff_links.ApproveStaffRequest.as_view(), name="staff_approve"),
    path("staff-requests/<int:pk>/reject/", staff_links.RejectStaffRequest.as_view(), name="staff_reject"),
    path("staff-requests/<int:pk>/end/", staff_links.EndStaffLink.as_view(), name="staff_end"),
    path("units/", units.Units.as_view(), name="units"),
    path("units/<int:pk>/", units.UnitDetail.as_view(), name="unit_detail"),

    # --- catalogue: 培训课程, 师资管理, 面授培训点, 网授平台 (培训管理)
    path("courses/", catalogue.CourseList.as_view(), name="courses"),
    path("courses/<int:pk>/", catalogue.CourseDetail.as_view(), name="course_detail"),
    path("teachers/", catalogue.TeacherList.as_view(), name="teachers"),
    path("teachers/<int:pk>/", catalogue.TeacherDetail.as_view(), name="teacher_detail"),
    path("sites/", catalogue.SiteList.as_view(), name="sites"),
    path("sites/<int:pk>/", catalogue.SiteDetail.as_view(), name="site_detail"),
    path("platforms/", catalogue.PlatformList.as_view(), name="platforms"),
    path("platforms/<int:pk>/", catalogue.PlatformDetail.as_view(), name="platform_detail"),

    # --- classes: 我申报的 + 培训班申报, 培训班管理, the departments' list, the class and its actions
    path("classes/", classes.DeclaredClasses.as_view(), name="classes"),
    path("classes/managed/", classes.ManagedClasses.as_view(), name="classes_managed"),
    path("classes/reviewed/", classes.ReviewedClasses.as_view(), name="classes_reviewed"),
    path("classes/<int:pk>/", classes.ClassDetail.as_view(), name="class_detail"),
    path("classes/<int:pk>/submit/", classes.SubmitClass.as_view(), name="class_submit"),
    path("classes/<int:pk>/withdraw/", classes.WithdrawClass.as_view(), name="class_withdraw"),
    path("classes/<int:pk>/print/", classes.PrintClass.as_view(), name="class_print"),
    path("classes/<int:pk>/participants/", participants.ClassParticipants.as_view(), name="class_participants"),
    path("classes/<int:pk>/participants/pick/", participants.PickParticipants.as_view(),
         name="class_participants_pick"),
    path("classes/<int:pk>/report-results/", participants.ReportResults.as_view(), name="class_report_results"),
    path("classes/<int:pk>/materials/", materials.ClassMaterials.as_view(), name="class_materials"),
    path("classes/<int:pk>/corrections/", corrections.ClassCorrections.as_view(), name="class_corrections"),
    path("corrections/<int:pk>/", corrections.CorrectionDetail.as_view(), name="correction_detail"),
    path("corrections/<int:pk>/withdraw/", corrections.WithdrawCorrection.as_view(), name="correction_withdraw"),
    path("materials/<int:pk>/", materials.MaterialDetail.as_view(), name="class_material_detail"),
    path("participants/<int:pk>/", participants.ParticipantDetail.as_view(), name="participant_detail"),

    # --- hours: 我的学时申报 + 新增, 学时申报管理 (approved, on a behalf + 代为申报), the declaration and its actions
    path("declarations/", hours.OwnDeclarations.as_view(), name="declarations"),
    path("declarations/approved/", hours.ApprovedDeclarations.as_view(), name="declarations_approved"),
    path("declarations/on-behalf/", hours.OnBehalfDeclarations.as_view(), name="declarations_on_behalf"),
    path("declarations/<int:pk>/", hours.DeclarationDetail.as_view(), name="declaration_detail"),
    path("declarations/<int:pk>/submit/", hours.SubmitDeclaration.as_view(), name="declaration_submit"),
    path("declarations/<int:pk>/withdraw/", hours.WithdrawDeclaration.as_view(), name="declaration_withdraw"),
    path("online-results/", hours.OnlineResults.as_view(), name="online_results"),

    # --- archive: 培训档案, 查看培训历程, 学时证明, 我的培训档案
    path("archive/", archive.ArchiveList.as_view(), name="archive"),
    path("archive/<int:pk>/", archive.ArchiveYearDetail.as_view(), name="archive_detail"),
    path("archive/<int:pk>/certificate/", archive.Certificate.as_view(), name="certificate"),
    path("my-archive/", archive.MyArchive.as_view(), name="my_archive"),

    # --- 学时要求 (departments read; HR holding 学时要求维护 keeps its region's)
    path("hours-rules/", hours_rules.HoursRules.as_view(), name="hours_rules"),
    path("hours-rules/<int:pk>/", hours_rules.HoursRuleDetail.as_view(), name="hours_rule_detail"),
]
