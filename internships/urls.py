"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from internships.views import arrivals, insurance  # insurance, arrival, evaluation

app_name = "internships"
urlpatterns = [
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students: roll, sign-in, positions to choose, applications; enterprise signing -------------------

    # --- school: agreements, groups, early end, overview, statistics; education: internships --------------

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
]
