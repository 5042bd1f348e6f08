"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from internships.views import school, school_groups, school_overview

app_name = "internships"
urlpatterns = [
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students: roll, sign-in, positions to choose, applications; enterprise signing -------------------

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

    # --- complaints and appeals ----------------------------------------------------------------------------
]
