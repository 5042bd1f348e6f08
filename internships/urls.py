"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from internships.views import blacklist, entry

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

    # --- students: roll, sign-in, positions to choose, applications; enterprise signing -------------------

    # --- school: agreements, groups, early end, overview, statistics; education: internships --------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
]
