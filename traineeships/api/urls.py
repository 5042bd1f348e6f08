"""/api/v1/traineeships/ (namespace api:traineeships)."""

from django.urls import path

from traineeships.api import (
    applications,
    claims,
    departures,
    graduates,
    hr,
    individual,
    matches,
    parameters,
    placements,
    posts,
    profiles,
    public,
    roster,
    trainee,
    views,
)

urlpatterns = [
    # --- bases
    path("base/", views.OwnBase.as_view(), name="own_base"),
    path("base/submit/", views.SubmitBase.as_view(), name="own_base_submit"),
    path("base/withdraw/", views.WithdrawBase.as_view(), name="own_base_withdraw"),
    path("base/files/<slug:slot>/", views.UploadBaseFile.as_view(), name="own_base_upload"),
    path("bases/", views.BaseList.as_view(), name="bases"),
    path("bases/<int:pk>/", views.BaseDetail.as_view(), name="base_detail"),
    path("bases/<int:pk>/application.pdf", views.BasePdf.as_view(), name="base_pdf"),
    # --- HR departments: 报省厅备案 (city), 已备案基地 (province), 岗位发布 (city)
    path("bases/<int:pk>/file-with-province/", hr.FileBaseWithProvince.as_view(), name="base_file_with_province"),
    path("hr/filed-bases/", hr.FiledBaseList.as_view(), name="filed_bases"),
    path("hr/publishing/", hr.PublishingList.as_view(), name="publishing"),
    path("hr/publishing/change/", hr.ChangePublication.as_view(), name="publishing_change"),
    path("hr/parameters/", parameters.ParameterList.as_view(), name="parameters"),
    path("hr/parameters/<int:pk>/", parameters.ParameterDetail.as_view(), name="parameter_detail"),
    path("graduates/", graduates.GraduateList.as_view(), name="graduates"),
    path("graduates/<int:pk>/", graduates.GraduateDetail.as_view(), name="graduate_detail"),
    # --- posts
    path("posts/", posts.PostList.as_view(), name="posts"),
    path("posts/query/", profiles.PostQueryList.as_view(), name="post_query"),
    path("posts/query/<int:pk>/people/", profiles.PostPeople.as_view(), name="post_query_people"),
    path("posts/<int:pk>/", posts.PostDetail.as_view(), name="post_detail"),
    path("posts/<int:pk>/unpublish/", posts.UnpublishPost.as_view(), name="post_unpublish"),
    # --- 公开岗位 (any signed-in caller), 感兴趣 and 见习意向 (the young person, session)
    path("public/posts/", public.PublicPostList.as_view(), name="public_posts"),
    path("public/posts/<int:pk>/", public.PublicPostDetail.as_view(), name="public_post"),
    path("public/posts/<int:pk>/interest/", public.PostInterest.as_view(), name="public_post_interest"),
    path("my/intention/", public.Intention.as_view(), name="my_intention"),
    # --- 报名审核 (the unit)
    path("applications/", applications.ApplicationList.as_view(), name="applications"),
    path("applications/<int:pk>/", applications.ApplicationDetail.as_view(), name="application_detail"),
    path("applications/<int:pk>/decide/", applications.DecideApplication.as_view(), name="application_decide"),
    path("applications/<int:pk>/release/", applications.ReleaseApplication.as_view(), name="application_release"),
    # --- the young person's own applications (session)
    path("my/applications/", individual.OwnApplicationList.as_view(), name="my_applications"),
    path("my/applications/<int:pk>/", individual.OwnApplicationDetail.as_view(), name="my_application"),
    path("my/applications/<int:pk>/withdraw/", individual.WithdrawOwnApplication.as_view(),
         name="my_application_withdraw"),
    # --- 我的见习 (the trainee, session)
    path("my/placement/", trainee.OwnPlacement.as_view(), name="my_placement"),
    path("my/placement/departures/", trainee.RequestDeparture.as_view(), name="my_departure_request"),
    path("my/departures/<int:pk>/withdraw/", trainee.WithdrawDepartureRequest.as_view(),
         name="my_departure_withdraw"),
    # --- placements and their agreements
    path("placements/", placements.PlacementList.as_view(), name="placements"),
    path("placements/onboard/<int:application_pk>/", placements.Onboard.as_view(), name="placement_create"),
    path("placements/<int:pk>/", placements.PlacementDetail.as_view(), name="placement_detail"),
    path("placements/<int:pk>/agreement/", placements.UploadAgreement.as_view(), name="placement_upload"),
    path("placements/<int:pk>/submit/", placements.SubmitPlacement.as_view(), name="placement_submit"),
    path("placements/<int:pk>/cancel/", placements.CancelPlacement.as_view(), name="placement_cancel"),
    path("placements/<int:pk>/retain/", placements.RetainTrainee.as_view(), name="placement_retain"),
    path("placements/<int:pk>/not-retained/", placements.NotRetained.as_view(), name="placement_not_retained"),
    path("placements/<int:pk>/agreement.pdf", placements.AgreementPdf.as_view(), name="agreement_pdf"),
    # --- the profiles opened from placements, departures, roster lines and review materials
    path("units/<int:pk>/", profiles.UnitProfile.as_view(), name="unit_profile"),
    path("placements/<int:pk>/trainee/", profiles.TraineeProfile.as_view(), name="trainee_profile"),
    # --- 见习匹配结果 after the import, 上报记录
    path("matches/drafts/", matches.MatchDraftList.as_view(), name="match_drafts"),
    path("matches/scans/", matches.AttachScans.as_view(), name="match_scans"),
    path("matches/submit/", matches.SubmitMatches.as_view(), name="match_submit"),
    path("matches/records/", matches.MatchRecordList.as_view(), name="match_records"),
    path("reports/", matches.ReportList.as_view(), name="reports"),
    # --- departures
    path("placements/<int:pk>/departures/", departures.RegisterDeparture.as_view(), name="departure_create"),
    path("departures/<int:pk>/", departures.DepartureDetail.as_view(), name="departure_detail"),
    path("departures/<int:pk>/certificate/", departures.UploadCertificate.as_view(), name="departure_upload"),
    path("departures/<int:pk>/submit/", departures.SubmitDeparture.as_view(), name="departure_submit"),
    path("departures/<int:pk>/cancel/", departures.CancelDeparture.as_view(), name="departure_cancel"),
    path("departures/<int:pk>/answer/", departures.AnswerDeparture.as_view(), name="departure_answer"),
    path("departures/<int:pk>/certificate.pdf", departures.CertificatePdf.as_view(), name="certificate_pdf"),
    # --- 补贴申领
    path("claims/", claims.ClaimList.as_view(), name="claims"),
    path("claims/<int:pk>/", claims.ClaimDetail.as_view(), name="claim_detail"),
    path("claims/<int:pk>/refresh/", claims.RefreshClaim.as_view(), name="claim_refresh"),
    path("claims/<int:pk>/submit/", claims.SubmitClaim.as_view(), name="claim_submit"),
    path("claims/<int:pk>/withdraw/", claims.WithdrawClaim.as_view(), name="claim_withdraw"),
    path("claims/<int:pk>/correct/", claims.CorrectClaim.as_view(), name="claim_correct"),
    path("claims/<int:pk>/pay/", claims.PayClaim.as_view(), name="claim_pay"),
    path("claims/<int:pk>/claim.pdf", claims.ClaimPdf.as_view(), name="claim_pdf"),
    path("claims/<int:pk>/claim.xlsx", claims.ClaimXlsx.as_view(), name="claim_xlsx"),
    # --- 补贴经费花名册 (the unit's own base, HR's ?base=), 统计分析 (HR)
    path("roster/", roster.Roster.as_view(), name="roster"),
    path("roster.xlsx", roster.RosterXlsx.as_view(), name="roster_xlsx"),
    path("roster.pdf", roster.RosterPdf.as_view(), name="roster_pdf"),
    path("hr/statistics/", roster.StatisticsQuery.as_view(), name="statistics"),
]
