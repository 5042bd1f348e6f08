"""/api/v1/apprenticeships/ (namespace api:apprenticeships); the plan is apprenticeships/api/__init__.py."""

from django.urls import path

from apprenticeships.api import (
    attendance,
    changes,
    claims,
    filings,
    parameters,
    recognitions,
    statistics,
    teacher_changes,
    tracking,
    trainees,
    venues,
)
from apprenticeships.api.people import VIEWS

TC = "filings/<int:pk>/teacher-change/"

urlpatterns = [
    # --- filings: 办理结果, 辖区学徒制备案, 申请备案 and its tabs, submit/withdraw/delete, 备案表
    path("filings/", filings.FilingList.as_view(), name="filings"),
    path("hr/filings/", filings.HrFilingList.as_view(), name="hr_filings"),
    path("filings/new/", filings.FilingCreate.as_view(), name="filing_create"),
    path("filings/<int:pk>/", filings.FilingDetail.as_view(), name="filing_detail"),
    path("filings/<int:pk>/info/", filings.FilingInfo.as_view(), name="filing_info"),
    path("filings/<int:pk>/institution/", filings.FilingInstitution.as_view(), name="filing_institution"),
    path("filings/<int:pk>/class/", filings.FilingClass.as_view(), name="filing_class"),
    path("filings/<int:pk>/materials/", filings.FilingMaterialUpload.as_view(), name="filing_material_upload"),
    path("filings/<int:pk>/submit/", filings.FilingSubmit.as_view(), name="filing_submit"),
    path("filings/<int:pk>/withdraw/", filings.FilingWithdraw.as_view(), name="filing_withdraw"),
    path("filings/<int:pk>/delete/", filings.FilingDelete.as_view(), name="filing_delete"),
    path("filings/<int:pk>/print.pdf", filings.FilingPrint.as_view(), name="filing_print"),
    # --- after approval: 培训情况跟踪, the institution's classes, 注销培训班, 标记为流失
    path("tracking/", tracking.TrackingList.as_view(), name="tracking"),
    path("institution/filings/", tracking.InstitutionFilingList.as_view(), name="institution_filings"),
    path("filings/<int:pk>/cancel/", tracking.FilingCancel.as_view(), name="filing_cancel"),
    path("people/trainees/<int:pk>/lost/", tracking.TraineeLost.as_view(), name="trainee_lost"),
    path("people/trainees/<int:pk>/certificate/", tracking.TraineeCertificate.as_view(), name="trainee_certificate"),
]

# --- the tabs 培训师资, 培训人员, 培训课程: list and 新增 under the filing, 修改 and 删除 by the row's id
for key, (row_list, row_create, row_update, row_delete) in VIEWS.items():
    urlpatterns += [
        path(f"filings/<int:pk>/{key}s/", row_list.as_view(), name=f"filing_{key}s"),
        path(f"filings/<int:pk>/{key}s/new/", row_create.as_view(), name=f"filing_{key}_create"),
        path(f"people/{key}s/<int:pk>/", row_update.as_view(), name=f"{key}_update"),
        path(f"people/{key}s/<int:pk>/delete/", row_delete.as_view(), name=f"{key}_delete"),
    ]

urlpatterns += [
    # --- 备案变更申请: the changeable filings, 开班信息变更, 课程信息配置, 查看变更内容
    path("changes/", changes.ChangeList.as_view(), name="changes"),
    path("filings/<int:pk>/dates/", changes.ClassDates.as_view(), name="class_dates"),
    path("filings/<int:pk>/dates/new/", changes.ClassDatesChange.as_view(), name="class_dates_change"),
    path("people/courses/<int:pk>/configuration/", changes.CourseConfigure.as_view(), name="course_configure"),
    path("filings/<int:pk>/changes/", changes.ChangeRecordList.as_view(), name="change_records"),
    # --- 师资信息变更: the filing's open change
    path(TC, teacher_changes.TeacherChangeDetail.as_view(), name="teacher_change"),
    path(TC + "open/", teacher_changes.TeacherChangeOpen.as_view(), name="teacher_change_open"),
    path(TC + "teachers/", teacher_changes.TeacherChangeTeacherAdd.as_view(), name="teacher_change_teacher_add"),
    path(TC + "teachers/<int:teacher_id>/delete/", teacher_changes.TeacherChangeTeacherRemove.as_view(),
         name="teacher_change_teacher_remove"),
    path(TC + "swaps/", teacher_changes.TeacherChangeSwap.as_view(), name="teacher_change_swap"),
    path(TC + "swaps/<int:swap_id>/delete/", teacher_changes.TeacherChangeSwapRemove.as_view(),
         name="teacher_change_swap_remove"),
    path(TC + "submit/", teacher_changes.TeacherChangeSubmit.as_view(), name="teacher_change_submit"),
    path(TC + "withdraw/", teacher_changes.TeacherChangeWithdraw.as_view(), name="teacher_change_withdraw"),
    # --- claims: 办理结果, the claim page, 立即办理, basics, people, submit/withdraw/delete, PDFs
    path("claims/", claims.ClaimList.as_view(), name="claims"),
    path("claims/new/", claims.ClaimCreate.as_view(), name="claim_create"),
    path("claims/<int:pk>/", claims.ClaimDetail.as_view(), name="claim_detail"),
    path("claims/<int:pk>/basics/", claims.ClaimBasics.as_view(), name="claim_basics"),
    path("claims/<int:pk>/people/", claims.ClaimPeopleAdd.as_view(), name="claim_people_add"),
    path("claims/<int:pk>/attachments/", claims.ClaimAttachmentAdd.as_view(), name="claim_attachment_add"),
    path("claims/people/<int:pk>/remove/", claims.ClaimPersonRemove.as_view(), name="claim_person_remove"),
    path("claims/attachments/<int:pk>/remove/", claims.ClaimAttachmentRemove.as_view(),
         name="claim_attachment_remove"),
    path("claims/<int:pk>/submit/", claims.ClaimSubmit.as_view(), name="claim_submit"),
    path("claims/<int:pk>/withdraw/", claims.ClaimWithdraw.as_view(), name="claim_withdraw"),
    path("claims/<int:pk>/delete/", claims.ClaimDelete.as_view(), name="claim_delete"),
    path("claims/<int:pk>/form.pdf", claims.ClaimFormPdf.as_view(), name="claim_pdf"),
    path("claims/<int:pk>/roster.pdf", claims.ClaimRosterPdf.as_view(), name="claim_roster_pdf"),
    path("claims/<int:pk>/pay/", claims.ClaimPay.as_view(), name="claim_pay"),
    # --- 单位培训人员查询
    path("people/trainees/", trainees.TraineeSearch.as_view(), name="trainees"),
    # --- 查看考勤, 考勤记录, recording a course's day and editing a recorded one
    path("filings/<int:pk>/attendance/", attendance.AttendanceSummary.as_view(), name="attendance"),
    path("filings/<int:pk>/attendance/records/", attendance.AttendanceRecordList.as_view(),
         name="attendance_records"),
    path("people/courses/<int:pk>/attendance/", attendance.AttendanceRecord.as_view(), name="attendance_record"),
    path("attendance/sessions/<int:pk>/", attendance.AttendanceSessionDetail.as_view(), name="attendance_session"),
    # --- 培训场地维护
    path("venues/", venues.VenueList.as_view(), name="venues"),
    path("venues/new/", venues.VenueCreate.as_view(), name="venue_create"),
    path("venues/<int:pk>/", venues.VenueUpdate.as_view(), name="venue_update"),
    path("venues/<int:pk>/delete/", venues.VenueDelete.as_view(), name="venue_delete"),
    # --- 生态链企业认定 and 学徒制统计 (HR)
    path("hr/recognitions/", recognitions.RecognitionList.as_view(), name="recognitions"),
    path("hr/recognitions/new/", recognitions.RecognitionCreate.as_view(), name="recognition_create"),
    path("hr/recognitions/<int:pk>/", recognitions.RecognitionDetail.as_view(), name="recognition_detail"),
    path("hr/recognitions/<int:pk>/revoke/", recognitions.RecognitionRevoke.as_view(), name="recognition_revoke"),
    path("hr/statistics/", statistics.Statistics.as_view(), name="statistics"),
]

# --- 学徒制参数: 补贴标准 (standard), 紧缺急需职业 (shortage), 规则参数 (ruleset)
for key, (param_list, param_create, param_update) in parameters.VIEWS.items():
    urlpatterns += [
        path(f"hr/parameters/{key}s/", param_list.as_view(), name=f"{key}s"),
        path(f"hr/parameters/{key}s/new/", param_create.as_view(), name=f"{key}_create"),
        path(f"hr/parameters/{key}s/<int:pk>/", param_update.as_view(), name=f"{key}_update"),
    ]
