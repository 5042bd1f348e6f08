"""/api/v1/internships/ (namespace api:internships)."""

from django.urls import path

from internships.api import (
    agreements,
    applications,
    arrivals,
    blacklist,
    complaints,
    evaluations,
    groups,
    insurance,
    internships,
    positions,
)

urlpatterns = [
    # --- positions (the enterprise; the detail for everyone who sees it)
    path("positions/", positions.PositionList.as_view(), name="positions"),
    path("positions/<int:pk>/", positions.PositionDetail.as_view(), name="position_detail"),
    path("positions/<int:pk>/publish/", positions.PublishPosition.as_view(), name="position_publish"),
    path("positions/<int:pk>/close/", positions.ClosePosition.as_view(), name="position_close"),
    path("positions/<int:pk>/exemption/", positions.UploadExemption.as_view(), name="position_exemption_upload"),
    # --- applications: the enterprise's signing, the school's list, the student's side
    path("signing/", applications.SigningList.as_view(), name="signing"),
    path("signing/<int:pk>/agree/", applications.AgreeApplication.as_view(), name="signing_agree"),
    path("signing/<int:pk>/refuse/", applications.RefuseApplication.as_view(), name="signing_refuse"),
    path("school/applications/", applications.SchoolApplicationList.as_view(), name="school_applications"),
    path("student/positions/", applications.StudentPositionList.as_view(), name="student_positions"),
    path("student/positions/<int:pk>/", applications.StudentPositionDetail.as_view(), name="student_position"),
    path("student/applications/", applications.StudentApplicationList.as_view(), name="student_applications"),
    path("student/applications/<int:pk>/withdraw/", applications.WithdrawApplication.as_view(),
         name="student_withdraw"),
    # --- internships
    path("evaluations/", evaluations.EvaluatedInternshipList.as_view(), name="evaluations"),
    path("internships/<int:pk>/evaluations/", evaluations.InternshipEvaluations.as_view(), name="evaluation_detail"),
    path("supervision/", internships.SupervisionList.as_view(), name="supervision"),
    path("internships/mine/", internships.MyInternshipList.as_view(), name="my_internships"),
    path("internships/<int:pk>/", internships.InternshipDetail.as_view(), name="internship_detail"),
    path("internships/<int:pk>/agreement/", agreements.AgreementTerms.as_view(), name="agreement_terms"),
    path("internships/<int:pk>/agreement/confirm/", agreements.ConfirmAgreement.as_view(), name="agreement_confirm"),
    path("internships/<int:pk>/agreement/consent/", agreements.UploadConsent.as_view(), name="consent_upload"),
    path("internships/<int:pk>/agreement/copy/", agreements.UploadAgreementCopy.as_view(),
         name="agreement_copy_upload"),
    path("internships/<int:pk>/agreement/sign/", agreements.SignAgreement.as_view(), name="agreement_sign"),
    path("internships/<int:pk>/agreement/pdf/", internships.AgreementPdf.as_view(), name="agreement_pdf"),
    path("internships/<int:pk>/end/", agreements.EndEarly.as_view(), name="end_early"),
    path("arrivals/", arrivals.ArrivalList.as_view(), name="arrivals"),
    path("internships/<int:pk>/arrival/", arrivals.ConfirmArrival.as_view(), name="arrival_confirm"),
    # --- insurance (实习保险)
    path("policies/", insurance.PolicyList.as_view(), name="policies"),
    path("policies/pdf/", insurance.PolicyPrint.as_view(), name="policies_pdf"),
    path("policies/<int:pk>/", insurance.PolicyDetail.as_view(), name="policy_detail"),
    path("policies/<int:pk>/students/", insurance.AddPolicyStudents.as_view(), name="policy_students_add"),
    # --- complaints and appeals (filing and reading; the school's handling is on screen and in reviews)
    path("student/complaints/", complaints.StudentComplaintList.as_view(), name="student_complaints"),
    path("complaints/", complaints.EnterpriseComplaintList.as_view(), name="enterprise_complaints"),
    path("school/complaints/", complaints.SchoolComplaintList.as_view(), name="school_complaints"),
    path("education/complaints/", complaints.EducationComplaintList.as_view(), name="education_complaints"),
    path("education/complaints/counts/", complaints.EducationComplaintCounts.as_view(),
         name="education_complaint_counts"),
    path("complaints/<int:pk>/", complaints.ComplaintDetail.as_view(), name="complaint_detail"),
    path("appeals/", complaints.EnterpriseAppealList.as_view(), name="enterprise_appeals"),
    path("school/appeals/", complaints.SchoolAppealList.as_view(), name="school_appeals"),
    path("appeals/<int:pk>/", complaints.AppealDetail.as_view(), name="appeal_detail"),
    # --- blacklist (黑名单): the decision goes through the generic review routes
    path("blacklist/", blacklist.BlacklistList.as_view(), name="blacklist"),
    path("blacklist/<int:pk>/", blacklist.BlacklistingDetail.as_view(), name="blacklisting"),
    path("blacklist/<int:pk>/remove/", blacklist.RemoveBlacklisting.as_view(), name="blacklist_remove"),
    path("blacklist/<int:pk>/resubmit/", blacklist.ResubmitBlacklisting.as_view(), name="blacklist_resubmit"),
    path("blacklist/public/", blacklist.PublicBlacklist.as_view(), name="blacklist_public"),
    path("enterprises/<int:pk>/blacklist/", blacklist.ProposeBlacklisting.as_view(), name="blacklist_propose"),
    # --- groups (实习分组) and mentors
    path("school/groups/", groups.SchoolGroupList.as_view(), name="school_groups"),
    path("school/groups/<int:pk>/", groups.SchoolGroupDetail.as_view(), name="school_group_detail"),
    path("school/groups/<int:pk>/members/", groups.SchoolGroupMembers.as_view(), name="school_group_members"),
    path("groups/", groups.HostGroupList.as_view(), name="host_groups"),
    path("groups/<int:pk>/mentor/", groups.HostGroupMentor.as_view(), name="host_group_mentor"),
]
