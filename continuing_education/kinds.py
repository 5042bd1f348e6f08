"""The programme's review kinds (reviews.registry) and what the review page shows beside the decision
(reviews.materials): class declarations (同步上报 and 暂不上报: one kind) and hours declarations."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from continuing_education import rules
from continuing_education.services import classes_review, hours_review
from continuing_education.services.classes import CLASS_KIND, may_submit
from reviews.materials import register_materials
from reviews.registry import ReviewKind, register


def register_kinds() -> None:
    # --- classes: 培训班申报 ---------------------------------------------------------------------------------------
    register(ReviewKind(
        key=CLASS_KIND, label=_("继续教育培训班申报审核"), build_chain=classes_review.class_chain,
        submitter_org=lambda training_class: training_class.organisation,
        region=lambda training_class: training_class.organisation.region, title=classes_review.class_title,
        subject_url=lambda training_class: reverse("continuing_education:class_detail", args=[training_class.pk]),
        status_map=classes_review.CLASS_STATUS_MAP, can_submit=may_submit,
        # An approval credits results (同步上报) or lets the training start: not taken back.
        revocable_after_final=False, decide_permission=rules.REVIEW))
    register_materials(CLASS_KIND, classes_review.class_materials)

    # --- hours: 学时申报 -------------------------------------------------------------------------------------------
    register(ReviewKind(
        key="ce_hours", label=_("继续教育学时申报审核"), build_chain=hours_review.build_chain,
        # The person submits their own (no organisation); on their behalf the unit does.
        submitter_org=lambda declaration: declaration.organisation if declaration.on_behalf else None,
        region=lambda declaration: declaration.organisation.region, title=hours_review.title,
        subject_url=hours_review.subject_url, status_map=hours_review.STATUS_MAP,
        can_submit=hours_review.can_submit, decide_permission=rules.REVIEW, submitted_by_people=True))
    register_materials("ce_hours", hours_review.materials)

    # --- correction: 培训成果更正申请 (to the class's own reviewer) ------------------------------------------------
    from continuing_education.services import correction

    register(ReviewKind(
        key=correction.CORRECTION_KIND, label=_("继续教育培训成果更正审核"), build_chain=correction.correction_chain,
        submitter_org=lambda item: item.training_class.organisation,
        region=lambda item: item.training_class.organisation.region, title=correction.correction_title,
        subject_url=lambda item: reverse("continuing_education:class_detail", args=[item.training_class_id]),
        status_map=correction.CORRECTION_STATUS_MAP,
        can_submit=lambda actor, item: correction.may_file(actor, item.training_class),
        # An approval moves archive credits: not taken back (a further correction is filed instead).
        revocable_after_final=False, decide_permission=rules.REVIEW))
    register_materials(correction.CORRECTION_KIND, correction.correction_materials)
