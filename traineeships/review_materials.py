"""The materials a reviewer reads beside the decision form, for each review kind of the programme."""

from django.urls import reverse

from traineeships.services import bases as base_services
from traineeships.services import departures as departure_services
from traineeships.services import placements as placement_services
from traineeships.services import posts as post_services

FOLDER = "traineeships/review_materials"


def _base(base, user):
    from traineeships.views.bases import application_fields

    return f"{FOLDER}/base.html", {"base": base, "organisation": base.organisation,
                                   "files": application_fields(base)["files"]}


def _post(post, user):
    return f"{FOLDER}/post.html", {"post": post}


def _placement(placement, user):
    return f"{FOLDER}/placement.html", {
        "placement": placement, "pdf_url": reverse("traineeships:agreement_pdf", args=[placement.pk])}


def _departure(departure, user):
    return f"{FOLDER}/departure.html", {
        "departure": departure, "placement": departure.placement,
        "pdf_url": reverse("traineeships:certificate_pdf", args=[departure.pk])}


def register_review_materials() -> None:
    from reviews.materials import register_materials

    register_materials(base_services.BASE_KIND, _base)
    register_materials(post_services.POST_KIND, _post)
    register_materials(placement_services.AGREEMENT_KIND, _placement)
    register_materials(departure_services.TERMINATION_KIND, _departure)
