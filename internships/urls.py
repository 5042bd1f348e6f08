"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path

from accounts import views_individuals
from internships.views import applications as student_applications
from internships.views import (
    arrivals,
    blacklist,
    complaints,
    entry,
    insurance,
    positions,
    school,
    school_groups,
    school_overview,
    students,
)

app_name = "internships"
urlpatterns = [
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------
    path("registry/", entry.registry, name="registry"),
    path("enterprise/", entry.enterprise, name="enterprise"),
    path("enterprise/admission/", entry.enterprise_apply, name="enterprise_apply"),
    path("enterprise/staff/", entry.enterprise_staff, name="enterprise_staff"),
    path("enterprises/<int:pk>/", entry.enterprise_detail, name="enterprise_detail"),
    path("enterprises/<int:pk>/blacklist/", blacklist.propose, name="blacklist_propose"),
    path("recommendations/", entry.recommendations, name="recommendations"),
    path("recommendations/new/", entry.recommend_new, name="recommend_new"),
    path("recommendations/existing/", entry.recommend_existing, name="recommend_existing"),
    path("pool/", entry.pool, name="pool"),
    path("settings/", entry.region_settings, name="settings"),
    path("blacklist/", blacklist.blacklist, name="blacklist"),
    path("blacklist/public/", blacklist.public, name="blacklist_public"),
    path("blacklist/<int:pk>/", blacklist.blacklisting, name="blacklisting"),
    path("blacklist/<int:pk>/remove/", blacklist.remove, name="blacklist_remove"),
    path("blacklist/<int:pk>/resubmit/", blacklist.resubmit, name="blacklist_resubmit"),
    path("blacklist/<int:pk>/withdraw/", blacklist.withdraw, name="blacklist_withdraw"),

    # --- positions -----------------------------------------------------------------------------------------
    path("positions/", positions.position_list, name="positions"),
    path("positions/new/", positions.position_create, name="position_create"),
    path("positions/checklist/", positions.position_checklist, name="position_checklist"),
    path("positions/staff-on-duty/", positions.staff_on_duty, name="position_staff_on_duty"),
    path("positions/<int:pk>/", positions.position_detail, name="position_detail"),
    path("positions/<int:pk>/edit/", positions.position_edit, name="position_edit"),
    path("positions/<int:pk>/checklist/", positions.position_checklist, name="position_edit_checklist"),
    path("positions/<int:pk>/publish/", positions.position_publish, name="position_publish"),
    path("positions/<int:pk>/close/", positions.position_close, name="position_close"),
    path("positions/<int:pk>/delete/", positions.position_delete, name="position_delete"),

    # --- students: roll, sign-in, positions to choose, applications; enterprise signing -------------------
    path("students/", students.student_list, name="students"),
    path("students/new/", students.student_create, name="student_create"),
    path("students/<int:pk>/edit/", students.student_edit, name="student_edit"),
    path("students/<int:pk>/delete/", students.student_delete, name="student_delete"),
    # 学生登录: the name + ID number entry of accounts, kept at this address (SMS steps are accounts' own)
    path("student/sign-in/", views_individuals.sign_in, {"programme": "internships"}, name="student_sign_in"),
    path("student/positions/", student_applications.position_list, name="student_positions"),
    path("student/positions/<int:pk>/", student_applications.position_detail, name="student_position"),
    path("student/positions/choose/", student_applications.choose_positions, name="student_choose"),
    path("student/applications/", student_applications.my_applications, name="student_applications"),
    path("student/applications/<int:pk>/withdraw/", student_applications.withdraw, name="student_withdraw"),
    path("signing/", student_applications.signing_list, name="signing"),
    path("signing/<int:pk>/agree/", student_applications.signing_agree, name="signing_agree"),
    path("signing/<int:pk>/refuse/", student_applications.signing_refuse, name="signing_refuse"),
    path("school/applications/", student_applications.school_applications, name="school_applications"),

    # --- school: agreements, groups, early end, overview, statistics; education: internships --------------
    path("internships/mine/", school.my_internships, name="my_internships"),
    path("internships/<int:pk>/", school.internship_detail, name="internship_detail"),
    path("internships/<int:pk>/agreement/", school.agreement_terms, name="agreement_terms"),
    path("internships/<int:pk>/agreement/confirm/", school.agreement_confirm, name="agreement_confirm"),
    path("internships/<int:pk>/agreement/consent/", school.consent_upload, name="consent_upload"),
    path("internships/<int:pk>/agreement/copy/", school.agreement_copy_upload, name="agreement_copy_upload"),
    path("internships/<int:pk>/agreement/sign/", school.agreement_sign, name="agreement_sign"),
    path("internships/<int:pk>/agreement/pdf/", school.agreement_pdf, name="agreement_pdf"),
    path("internships/<int:pk>/end/", school.end_early, name="end_early"),
    path("school/groups/", school_groups.school_groups, name="school_groups"),
    path("school/groups/<int:pk>/", school_groups.school_group_detail, name="school_group_detail"),
    path("groups/", school_groups.host_groups, name="host_groups"),
    path("groups/<int:pk>/mentor/", school_groups.host_group_mentor, name="host_group_mentor"),
    path("school/overview/", school_overview.school_overview, name="school_overview"),
    path("school/statistics/", school_overview.school_statistics_view, name="school_statistics"),
    path("supervision/", school_overview.supervision, name="supervision"),
    path("supervision/statistics/", school_overview.supervision_statistics, name="supervision_statistics"),

    # --- insurance, arrival, evaluation --------------------------------------------------------------------
    path("insurance/", insurance.policy_list, name="insurance"),
    path("insurance/new/", insurance.policy_create, name="policy_create"),
    path("insurance/print/", insurance.policy_print, name="policy_print"),
    path("insurance/<int:pk>/", insurance.policy_detail, name="policy_detail"),
    path("insurance/<int:pk>/students/", insurance.policy_add_students, name="policy_add_students"),
    path("insurers/", insurance.insurer_list, name="insurers"),
    path("insurers/new/", insurance.insurer_create, name="insurer_create"),
    path("insurers/<int:pk>/edit/", insurance.insurer_edit, name="insurer_edit"),
    path("arrivals/", arrivals.arrival_list, name="arrivals"),
    path("arrivals/<int:pk>/confirm/", arrivals.arrival_confirm, name="arrival_confirm"),
    path("evaluations/", arrivals.evaluation_list, name="evaluations"),
    path("evaluations/<int:pk>/", arrivals.evaluation_detail, name="evaluation_detail"),

    # --- complaints and appeals ----------------------------------------------------------------------------
    path("student/complaints/", complaints.student_complaints, name="student_complaints"),
    path("student/complaints/new/", complaints.complaint_create, name="complaint_create"),
    path("complaints/", complaints.enterprise_complaints, name="enterprise_complaints"),
    path("complaints/appeal/", complaints.appeal_create, name="appeal_create"),
    path("complaints/<int:pk>/", complaints.complaint_detail, name="complaint_detail"),
    path("complaints/<int:pk>/investigate/", complaints.complaint_investigate, name="complaint_investigate"),
    path("complaints/<int:pk>/conclude/", complaints.complaint_conclude, name="complaint_conclude"),
    path("appeals/", complaints.enterprise_appeals, name="enterprise_appeals"),
    path("appeals/<int:pk>/", complaints.appeal_detail, name="appeal_detail"),
    path("appeals/<int:pk>/decide/", complaints.appeal_decide, name="appeal_decide"),
    path("school/complaints/", complaints.school_complaints, name="school_complaints"),
    path("school/appeals/", complaints.school_appeals, name="school_appeals"),
    path("education/complaints/", complaints.education_complaints, name="education_complaints"),
]
