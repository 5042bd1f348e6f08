"""Reads of 培训班 (classes), each through the programme's access rule (selectors.access.units_q)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q

from continuing_education import rules
from continuing_education.models import (
    EDITABLE_CLASS_STATUSES,
    ClassStatus,
    Course,
    Participant,
    ReportMode,
    ResultsCorrection,
    ResultsStatus,
    TrainingClass,
    TrainingSite,
)
from continuing_education.selectors.access import not_found, units_q
from organisations.models import StaffMember


def classes_for_user(user):
    """Every class the user may see (its unit's members, HR of its region, its 主管部门, platform staff)."""
    return (TrainingClass.objects.filter(units_q(user, "organisation__"))
            .select_related("organisation", "site").annotate(participant_count=Count("participants")))


def get_class_for_user(user, pk) -> TrainingClass:
    training_class = classes_for_user(user).filter(pk=pk).first()
    if training_class is None:
        not_found("培训班")
    return training_class


def corrections_for_user(user):
    """培训成果更正申请 of the classes the user sees (the class page lists them to whoever sees the class)."""
    return ResultsCorrection.objects.filter(
        training_class__in=TrainingClass.objects.filter(units_q(user, "organisation__"))).select_related(
        "training_class")


def get_correction_for_user(user, pk) -> ResultsCorrection:
    return corrections_for_user(user).filter(pk=pk).first() or not_found("更正申请")


def own_classes(user):
    """The classes of the user's own unit (我申报的, 培训班管理)."""
    return classes_for_user(user).filter(organisation_id=user.organisation_id)


def unit_courses(organisation):
    return Course.objects.filter(organisation=organisation).prefetch_related("teachers").order_by("name", "id")


def unit_sites(organisation):
    return TrainingSite.objects.filter(organisation=organisation).order_by("name", "id")


def unit_staff(organisation):
    """报名人员 are picked from the unit's roster (人员信息): people with a link and any roster row."""
    return StaffMember.objects.filter(organisation=organisation).order_by("name", "id")


def participants_editable(training_class) -> bool:
    """Whether the class's 报名人员 and results may change: a 同步上报 declaration while the unit edits it, or an
    approved 暂不上报 class whose results are not reported yet."""
    if training_class.report_mode == ReportMode.SYNC:
        return training_class.status in EDITABLE_CLASS_STATUSES
    return (training_class.status == ClassStatus.APPROVED
            and training_class.results_status == ResultsStatus.NOT_REPORTED)


def participants_of(training_class):
    return Participant.objects.filter(training_class=training_class).order_by("name", "id")


def status_counts(queryset) -> dict:
    return dict(queryset.order_by().values_list("status").annotate(total=Count("id")))


def class_for_import(user, key):
    """The class an import of participants goes into (batch ImportParent): visible (404), the user's own unit
    and 培训班申报 (403), and participants still open to change (403)."""
    if not str(key).isdigit():
        not_found("培训班")
    training_class = get_class_for_user(user, int(key))
    if training_class.organisation_id != user.organisation_id or not rules.may_declare_class(user):
        raise PermissionDenied
    if not participants_editable(training_class):
        raise PermissionDenied
    return training_class


def participants_for_export(user, params):
    """班级人员导出: the participants of the class `params["class"]` of the user's own unit."""
    key = str(params.get("class", ""))
    if not key.isdigit() or not (rules.may_declare_class(user) or rules.may_manage_training(user)):
        return Participant.objects.none()
    training_class = own_classes(user).filter(pk=int(key)).first()
    if training_class is None:
        return Participant.objects.none()
    return participants_of(training_class).select_related("training_class")


def reviewed_q(user) -> Q:
    """Department side: submitted classes only (a draft is the unit's own business)."""
    return ~Q(status=ClassStatus.DRAFT) | Q(submitted_at__isnull=False)


def submitted_ids(classes) -> set:
    """The ids among `classes` that were ever submitted (one query): a never-submitted draft may be deleted."""
    from django.contrib.contenttypes.models import ContentType

    from reviews.models import Review

    content_type = ContentType.objects.get_for_model(TrainingClass)
    return set(Review.objects.filter(subject_type=content_type, subject_id__in=[item.pk for item in classes])
               .values_list("subject_id", flat=True))


def filter_classes(queryset, filters: dict):
    """The filters of the class lists (我申报的, 培训班管理, the departments' list), shared with their exports."""
    if "year" in filters:
        queryset = queryset.filter(year=filters["year"])
    if "subject_type" in filters:
        queryset = queryset.filter(subject_type=filters["subject_type"])
    if "results" in filters:
        queryset = queryset.filter(results_status=filters["results"])
    if "status" in filters:
        queryset = queryset.filter(status=filters["status"])
    if "name" in filters:
        queryset = queryset.filter(name__contains=filters["name"])
    if "unit" in filters:
        queryset = queryset.filter(organisation__name__contains=filters["unit"])
    return queryset
