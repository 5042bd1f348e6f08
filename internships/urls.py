"""The programme's pages, one list (namespace "internships"). Each section's views live in views/<section>.py."""

from django.urls import path  # noqa: F401  (used by the sections below)

from internships.views import positions

app_name = "internships"
urlpatterns = [
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------

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

    # --- school: agreements, groups, early end, overview, statistics; education: internships --------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
]
