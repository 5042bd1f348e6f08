"""The programme's review kinds (reviews.registry) and what the review page shows beside the decision
(reviews.materials): class declarations (同步上报 and 暂不上报: one kind) and hours declarations."""

from django.urls import reverse  # noqa: F401  (used by the sections below)
from django.utils.translation import gettext_lazy as _  # noqa: F401

from reviews.materials import register_materials  # noqa: F401
from reviews.registry import ReviewKind, addressed_step, register  # noqa: F401


def register_kinds() -> None:
    # --- classes: 培训班申报 ---------------------------------------------------------------------------------------
    from continuing_education.rules import REVIEW
    from continuing_education.services import classes_review
    from continuing_education.services.classes import CLASS_KIND, may_submit

    register(ReviewKind(
        key=CLASS_KIND, label=_("继续教育培训班申报审核"), build_chain=classes_review.class_chain,
        submitter_org=lambda training_class: training_class.organisation,
        region=lambda training_class: training_class.organisation.region, title=classes_review.class_title,
        subject_url=lambda training_class: reverse("continuing_education:class_detail", args=[training_class.pk]),
        status_map=classes_review.CLASS_STATUS_MAP, can_submit=may_submit,
        # An approval credits results (同步上报) or lets the training start: not taken back.
        revocable_after_final=False, decide_permission=REVIEW))
    register_materials(CLASS_KIND, classes_review.class_materials)

    # --- hours: 学时申报 -------------------------------------------------------------------------------------------
    pass
