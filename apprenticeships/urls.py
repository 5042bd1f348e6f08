"""The programme's pages, one list (namespace "apprenticeships"). Each section's views live in views/<section>.py."""

from django.urls import path

from apprenticeships.views import attendance as attendance_views
from apprenticeships.views import changes, claims, filing, hr, parameters, people
from apprenticeships.views import tracking as tracking_views
from apprenticeships.views import venues as venue_views

app_name = "apprenticeships"
urlpatterns = [
    # --- filing: 申请备案 tabs (企业信息/备案信息, 培训机构情况, 培训信息, 上传材料), 办理结果, print, review ---
    path("filings/new/", filing.filing_new, name="filing_new"),
    path("filings/", filing.filing_list, name="filings"),
    path("filings/<int:pk>/", filing.filing_detail, name="filing_detail"),
    path("filings/<int:pk>/info/", filing.filing_edit, name="filing_edit"),
    path("filings/<int:pk>/institution/", filing.filing_institution, name="filing_institution"),
    path("filings/<int:pk>/class/", filing.filing_class, name="filing_class"),
    path("filings/<int:pk>/materials/", filing.filing_materials, name="filing_materials"),
    path("filings/<int:pk>/submit/", filing.filing_submit, name="filing_submit"),
    path("filings/<int:pk>/withdraw/", filing.filing_withdraw, name="filing_withdraw"),
    path("filings/<int:pk>/delete/", filing.filing_delete, name="filing_delete"),
    path("filings/<int:pk>/print/", filing.filing_print, name="filing_print"),

    # --- people: 培训师资, 培训人员, 培训课程 tabs, 标记为流失, 考核结果, 单位培训人员查询 ---
    path("filings/<int:pk>/teachers/", people.teachers, name="filing_teachers"),
    path("filings/<int:pk>/teachers/new/", people.teacher_create, name="filing_teacher_create"),
    path("people/teachers/<int:pk>/edit/", people.teacher_edit, name="filing_teacher_edit"),
    path("people/teachers/<int:pk>/delete/", people.teacher_delete, name="filing_teacher_delete"),
    path("filings/<int:pk>/trainees/", people.trainees_tab, name="filing_trainees"),
    path("filings/<int:pk>/trainees/new/", people.trainee_create, name="filing_trainee_create"),
    path("people/trainees/<int:pk>/edit/", people.trainee_edit, name="filing_trainee_edit"),
    path("people/trainees/<int:pk>/delete/", people.trainee_delete, name="filing_trainee_delete"),
    path("people/trainees/<int:pk>/lost/", people.trainee_lost, name="trainee_lost"),
    path("people/trainees/<int:pk>/certificate/", people.trainee_certificate, name="trainee_certificate"),
    path("filings/<int:pk>/courses/", people.courses, name="filing_courses"),
    path("filings/<int:pk>/courses/new/", people.course_create, name="filing_course_create"),
    path("people/courses/<int:pk>/edit/", people.course_edit, name="filing_course_edit"),
    path("people/courses/<int:pk>/delete/", people.course_delete, name="filing_course_delete"),
    path("people/trainees/", people.trainee_search, name="trainees"),

    # --- changes: 备案变更申请 (课程信息配置, 开班信息变更, 师资信息变更, 查看变更内容) ---
    path("changes/", changes.change_list, name="changes"),
    path("changes/<int:pk>/dates/", changes.class_dates, name="class_dates"),
    path("changes/<int:pk>/dates/preview/", changes.class_dates_preview, name="class_dates_preview"),
    path("changes/courses/<int:pk>/", changes.course_configure, name="course_configure"),
    path("changes/<int:pk>/teachers/", changes.teacher_change, name="teacher_change"),
    path("changes/<int:pk>/teachers/add/", changes.teacher_change_teacher, name="teacher_change_teacher"),
    path("changes/<int:pk>/teachers/delete/", changes.teacher_change_teacher_delete,
         name="teacher_change_teacher_delete"),
    path("changes/<int:pk>/teachers/swap/", changes.teacher_change_swap, name="teacher_change_swap"),
    path("changes/<int:pk>/teachers/swap/delete/", changes.teacher_change_swap_delete,
         name="teacher_change_swap_delete"),
    path("changes/<int:pk>/teachers/submit/", changes.teacher_change_submit, name="teacher_change_submit"),
    path("changes/<int:pk>/teachers/withdraw/", changes.teacher_change_withdraw, name="teacher_change_withdraw"),
    path("filings/<int:pk>/changes/", changes.change_records, name="change_records"),

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
    path("claims/", claims.claim_list, name="claims"),
    path("claims/new/", claims.claim_new, name="claim_new"),
    path("claims/<int:pk>/", claims.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/basics/", claims.claim_basics, name="claim_basics"),
    path("claims/<int:pk>/people/", claims.claim_people_add, name="claim_people_add"),
    path("claims/people/<int:pk>/remove/", claims.claim_person_remove, name="claim_person_remove"),
    path("claims/<int:pk>/attachments/", claims.claim_attachment_add, name="claim_attachment_add"),
    path("claims/attachments/<int:pk>/remove/", claims.claim_attachment_remove, name="claim_attachment_remove"),
    path("claims/<int:pk>/submit/", claims.claim_submit, name="claim_submit"),
    path("claims/<int:pk>/withdraw/", claims.claim_withdraw, name="claim_withdraw"),
    path("claims/<int:pk>/delete/", claims.claim_delete, name="claim_delete"),
    path("claims/<int:pk>/pay/", claims.claim_pay, name="claim_pay"),
    path("claims/<int:pk>/form.pdf", claims.claim_pdf, name="claim_pdf"),
    path("claims/<int:pk>/roster.pdf", claims.claim_roster_pdf, name="claim_roster_pdf"),

    # --- hr: filings of the region, 生态链企业认定, parameters, statistics ---
    path("hr/filings/", hr.hr_filings, name="hr_filings"),
    path("hr/statistics/", hr.statistics, name="statistics"),
    path("hr/recognitions/", hr.recognitions, name="recognitions"),
    path("hr/recognitions/new/", hr.recognition_new, name="recognition_new"),
    path("hr/recognitions/<int:pk>/", hr.recognition_edit, name="recognition_edit"),
    path("hr/recognitions/<int:pk>/revoke/", hr.recognition_revoke, name="recognition_revoke"),
    path("hr/parameters/", parameters.parameters, name="parameters"),
    path("hr/parameters/standards/new/", parameters.parameter_new, {"kind": "standards"}, name="standard_new"),
    path("hr/parameters/standards/<int:pk>/", parameters.parameter_edit, {"kind": "standards"},
         name="standard_edit"),
    path("hr/parameters/shortage/new/", parameters.parameter_new, {"kind": "shortage"}, name="shortage_new"),
    path("hr/parameters/shortage/<int:pk>/", parameters.parameter_edit, {"kind": "shortage"},
         name="shortage_edit"),
    path("hr/parameters/rules/new/", parameters.parameter_new, {"kind": "rules"}, name="ruleset_new"),
    path("hr/parameters/rules/<int:pk>/", parameters.parameter_edit, {"kind": "rules"}, name="ruleset_edit"),
]
