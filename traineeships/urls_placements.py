"""Part 2b: placements, departures, reports, roster and statistics (included from traineeships/urls.py)."""

from django.urls import path

from traineeships.views import departures, placements, reports, roster, statistics

urlpatterns = [
    path("placements/", placements.placement_list, name="placements"),
    path("placements/onboard/<int:application_pk>/", placements.placement_create, name="placement_create"),
    path("placements/<int:pk>/", placements.placement_detail, name="placement_detail"),
    path("placements/<int:pk>/edit/", placements.placement_edit, name="placement_edit"),
    path("placements/<int:pk>/agreement.pdf", placements.agreement_pdf, name="agreement_pdf"),
    path("placements/<int:pk>/upload/", placements.placement_upload, name="placement_upload"),
    path("placements/<int:pk>/submit/", placements.placement_submit, name="placement_submit"),
    path("placements/<int:pk>/cancel/", placements.placement_cancel, name="placement_cancel"),
    path("placements/<int:pk>/retain/", placements.placement_retain, name="placement_retain"),
    path("placements/<int:pk>/leave/", departures.departure_create, name="departure_create"),
    path("departures/<int:pk>/", departures.departure_detail, name="departure_detail"),
    path("departures/<int:pk>/edit/", departures.departure_edit, name="departure_edit"),
    path("departures/<int:pk>/certificate.pdf", departures.certificate_pdf, name="certificate_pdf"),
    path("departures/<int:pk>/upload/", departures.departure_upload, name="departure_upload"),
    path("departures/<int:pk>/submit/", departures.departure_submit, name="departure_submit"),
    path("departures/<int:pk>/cancel/", departures.departure_cancel, name="departure_cancel"),
    path("departures/<int:pk>/answer/", departures.departure_answer, name="departure_answer"),
    path("my/placement/", departures.my_placement, name="my_placement"),
    path("my/placement/leave/", departures.my_departure_request, name="my_departure_request"),
    path("my/departures/<int:pk>/withdraw/", departures.my_departure_withdraw, name="my_departure_withdraw"),
    path("reports/", reports.report_list, name="reports"),
    path("roster/", roster.roster, name="roster"),
    path("hr/statistics/", statistics.statistics, name="statistics"),
]
