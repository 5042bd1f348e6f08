"""The programme's pages, one list (namespace "traineeships")."""

from django.urls import path

from accounts import views_individuals
from traineeships.views import (
    applications,
    bases,
    claims,
    departures,
    hr,
    individuals,
    matches,
    parameters,
    placements,
    posts,
    profiles,
    public,
    reports,
    roster,
    statistics,
)

app_name = "traineeships"
urlpatterns = [
    # The unit's 见习基地申请
    path("base/", bases.base_form, name="base"),
    path("base/files/<slug:slot>/", bases.upload_file, name="base_upload"),
    path("base/withdraw/", bases.withdraw, name="base_withdraw"),
    path("bases/<int:pk>/", bases.base_detail, name="base_detail"),
    path("bases/<int:pk>/application.pdf", bases.application_pdf, name="base_pdf"),
    path("bases/<int:pk>/file-with-province/", hr.file_base, name="base_file_with_province"),
    # The unit's posts
    path("posts/", posts.post_list, name="posts"),
    path("posts/new/", posts.post_create, name="post_create"),
    path("posts/query/", posts.post_query, name="post_query"),
    path("posts/<int:pk>/", posts.post_detail, name="post_detail"),
    path("posts/<int:pk>/edit/", posts.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", posts.post_delete, name="post_delete"),
    path("posts/<int:pk>/unpublish/", posts.post_unpublish, name="post_unpublish"),
    # HR departments
    path("hr/bases/", hr.base_list, name="hr_bases"),
    path("hr/bases/filed/", hr.filed_bases, name="filed_bases"),
    path("hr/publishing/", hr.publishing, name="publishing"),
    path("hr/parameters/", parameters.parameter_list, name="parameters"),
    path("hr/parameters/new/", parameters.parameter_create, name="parameter_create"),
    path("hr/parameters/<int:pk>/", parameters.parameter_edit, name="parameter_edit"),
    # The public, without sign-in (manual 002 §十六)
    path("public/posts/", public.post_list, name="public_posts"),
    path("public/posts/<int:pk>/", public.post_detail, name="public_post"),
    path("public/regions/", public.region_options, name="public_regions"),
    # 就业见习登录 for graduates and young job seekers (manual 001 §2.1–2.2): the entry of accounts, kept at
    # this address; the SMS steps after it are /accounts/individual/traineeships/….
    path("individual/sign-in/", views_individuals.sign_in, {"programme": "traineeships"}, name="individual_sign_in"),
    # The individual's own pages
    path("individual/intention/", individuals.intention, name="intention"),
    path("individual/posts/", applications.post_search, name="individual_posts"),
    path("individual/posts/<int:pk>/", applications.post_detail, name="individual_post"),
    path("individual/posts/<int:pk>/apply/", applications.apply, name="individual_apply"),
    path("individual/posts/<int:pk>/interest/", applications.interest, name="individual_interest"),
    path("individual/applications/", applications.my_applications, name="my_applications"),
    path("individual/applications/<int:pk>/", applications.my_application, name="my_application"),
    path("individual/applications/<int:pk>/withdraw/", applications.withdraw, name="my_application_withdraw"),
    # 报名审核 by the unit
    path("applications/", applications.review_list, name="application_reviews"),
    path("applications/<int:pk>/", applications.review_detail, name="application_review"),
    path("applications/<int:pk>/decide/", applications.decide, name="application_decide"),
    path("applications/<int:pk>/release/", applications.release, name="application_release"),
    # 高校毕业生信息库 (HR and education departments)
    path("graduates/", individuals.graduate_list, name="graduates"),
    path("graduates/new/", individuals.graduate_create, name="graduate_create"),
    path("graduates/<int:pk>/edit/", individuals.graduate_edit, name="graduate_edit"),
    # The unit's placements and departures, the trainee's own placement
    path("placements/", placements.placement_list, name="placements"),
    path("placements/onboard/<int:application_pk>/", placements.placement_create, name="placement_create"),
    path("placements/<int:pk>/", placements.placement_detail, name="placement_detail"),
    path("placements/<int:pk>/edit/", placements.placement_edit, name="placement_edit"),
    path("placements/<int:pk>/agreement.pdf", placements.agreement_pdf, name="agreement_pdf"),
    path("placements/<int:pk>/upload/", placements.placement_upload, name="placement_upload"),
    path("placements/<int:pk>/submit/", placements.placement_submit, name="placement_submit"),
    path("placements/<int:pk>/cancel/", placements.placement_cancel, name="placement_cancel"),
    path("placements/<int:pk>/retain/", placements.placement_retain, name="placement_retain"),
    path("placements/<int:pk>/not-retained/", placements.placement_not_retained, name="placement_not_retained"),
    path("placements/<int:pk>/leave/", departures.departure_create, name="departure_create"),
    path("departures/<int:pk>/", departures.departure_detail, name="departure_detail"),
    path("departures/<int:pk>/edit/", departures.departure_edit, name="departure_edit"),
    path("departures/<int:pk>/certificate.pdf", departures.certificate_pdf, name="certificate_pdf"),
    path("departures/<int:pk>/upload/", departures.departure_upload, name="departure_upload"),
    path("departures/<int:pk>/submit/", departures.departure_submit, name="departure_submit"),
    path("departures/<int:pk>/cancel/", departures.departure_cancel, name="departure_cancel"),
    path("departures/<int:pk>/answer/", departures.departure_answer, name="departure_answer"),
    # The unit's and the trainee's profiles, opened from placements, departures, roster lines and review materials
    path("units/<int:pk>/", profiles.unit_profile, name="unit_profile"),
    path("placements/<int:pk>/trainee/", profiles.trainee_profile, name="trainee_profile"),
    path("my/placement/", departures.my_placement, name="my_placement"),
    path("my/placement/leave/", departures.my_departure_request, name="my_departure_request"),
    path("my/departures/<int:pk>/withdraw/", departures.my_departure_withdraw, name="my_departure_withdraw"),
    # Batch reports, subsidy roster, statistics
    path("reports/", reports.report_list, name="reports"),
    # 见习匹配结果 after the import: scans (a zip or one per row), 批量提交审核, 上报记录 of the registrations
    path("reports/matches/", matches.match_drafts, name="match_drafts"),
    path("reports/matches/scans/", matches.match_scans, name="match_scans"),
    path("reports/matches/submit/", matches.match_submit, name="match_submit"),
    path("reports/matches/records/", matches.match_records, name="match_records"),
    path("roster/", roster.roster, name="roster"),
    path("hr/statistics/", statistics.statistics, name="statistics"),
    # 补贴申领: the unit files, the county and the city review (reviews pages), the city registers the payment
    path("claims/", claims.claim_list, name="claims"),
    path("claims/new/", claims.claim_create, name="claim_create"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/refresh/", claims.claim_refresh, name="claim_refresh"),
    path("claims/<int:pk>/submit/", claims.claim_submit, name="claim_submit"),
    path("claims/<int:pk>/withdraw/", claims.claim_withdraw, name="claim_withdraw"),
    path("claims/<int:pk>/delete/", claims.claim_delete, name="claim_delete"),
    path("claims/<int:pk>/correct/", claims.claim_correct, name="claim_correct"),
    path("claims/<int:pk>/pay/", claims.claim_pay, name="claim_pay"),
    path("claims/<int:pk>/claim.pdf", claims.claim_pdf, name="claim_pdf"),
    path("claims/<int:pk>/claim.xlsx", claims.claim_xlsx, name="claim_xlsx"),
]
