"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from internships.views import complaints

app_name = "internships"
urlpatterns = [
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students: roll, sign-in, positions to choose, applications; enterprise signing -------------------

    # --- school: agreements, groups, early end, overview, statistics; education: internships --------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

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
