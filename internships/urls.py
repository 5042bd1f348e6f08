"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

app_name = "internships"
urlpatterns = [
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students: roll, sign-in, positions to choose, applications; enterprise signing -------------------

    # --- school: agreements, groups, early end, overview, statistics; education: internships --------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
]
