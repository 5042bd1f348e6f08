"""The review of 培训班申报 (同步上报 and 暂不上报 alike): its chain, title, status map and the materials the reviewer
reads beside the decision (registered in kinds.py).

The unit's 主管部门 decides when it names one, otherwise its 所属人社部门 (one named department, addressed_step)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.state import StatusMap
from continuing_education.models import ClassStatus, ReportMode
from continuing_education.selectors.classes import participants_of
from continuing_education.services.classes import on_review_status
from continuing_education.services.states import CLASS_STATES
from reviews.models import ReviewStatus
from reviews.registry import addressed_step

CLASS_STATUS_MAP = StatusMap(CLASS_STATES, {
    ReviewStatus.PENDING: ClassStatus.PENDING,
    ReviewStatus.APPROVED: ClassStatus.APPROVED,
    ReviewStatus.REJECTED: ClassStatus.REJECTED,
    ReviewStatus.RETURNED: ClassStatus.RETURNED,
    ReviewStatus.WITHDRAWN: ClassStatus.DRAFT,
}, hook=on_review_status)


def class_department(training_class):
    unit = training_class.organisation
    return unit.supervising_department or unit.hr_department


def class_chain(training_class):
    department = class_department(training_class)
    if department is None:
        raise ValidationError(_("请先在单位信息中设置所属人社部门"))
    return [addressed_step(department)]


def class_title(training_class) -> str:
    return _("培训班申报：%(unit)s·%(name)s（%(year)s年度，%(mode)s）") % {
        "unit": training_class.organisation.name, "name": training_class.name, "year": training_class.year,
        "mode": training_class.get_report_mode_display()}


def class_materials(training_class, user):
    late = (training_class.report_mode == ReportMode.LATER and training_class.status == ClassStatus.PENDING
            and timezone.localdate() >= training_class.starts_on)
    return "continuing_education/classes/review_materials.html", {
        "training_class": training_class, "participants": participants_of(training_class),
        "class_courses": training_class.class_courses.select_related("course").prefetch_related("course__teachers"),
        "starts_before_decision": late}
