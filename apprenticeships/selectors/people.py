"""Reads of a filing's 培训师资, 培训人员 and 培训课程 and of 单位培训人员查询 (manual 003 §3.2.1.1, §3.2.1.3), all
through the programme's one access rule (apprenticeships.selectors.access)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apprenticeships import rules
from apprenticeships.models import Course, Filing, FilingStatus, Teacher, Trainee
from apprenticeships.selectors.access import filings_q, get_filing_for_user


class TraineeState:
    """The state 单位培训人员查询 shows and filters by (computed, not stored)."""

    IN_TRAINING = "in_training"
    LOST = "lost"
    ENDED = "ended"
    FILING = "filing"
    CHOICES = [
        (IN_TRAINING, gettext_lazy("在训")),
        (LOST, gettext_lazy("流失")),
        (ENDED, gettext_lazy("已结束")),
        (FILING, gettext_lazy("未备案")),
    ]
    LABELS = dict(CHOICES)


NOT_YET_FILED = (FilingStatus.DRAFT, FilingStatus.SUBMITTED, FilingStatus.RETURNED, FilingStatus.REJECTED)


def state_q(state: str, today: datetime.date) -> Q:
    """Trainees in `state` on `today`: 流失 once marked; 已结束 when the filing was cancelled or its class ended;
    在训 while the filing is approved and the class has not ended; 未备案 before approval (or when refused)."""
    present = Q(lost_on__isnull=True)
    if state == TraineeState.LOST:
        return Q(lost_on__isnull=False)
    if state == TraineeState.ENDED:
        return present & (Q(filing__status=FilingStatus.CANCELLED)
                          | Q(filing__status=FilingStatus.APPROVED, filing__training_class__ends_on__lt=today))
    if state == TraineeState.IN_TRAINING:
        return present & Q(filing__status=FilingStatus.APPROVED) & (
            Q(filing__training_class__ends_on__gte=today) | Q(filing__training_class__isnull=True))
    return present & Q(filing__status__in=NOT_YET_FILED)


def trainee_state(trainee: Trainee, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if trainee.is_lost:
        return TraineeState.LOST
    filing = trainee.filing
    if filing.status == FilingStatus.CANCELLED:
        return TraineeState.ENDED
    if filing.status == FilingStatus.APPROVED:
        training_class = getattr(filing, "training_class", None)
        if training_class is not None and training_class.ends_on < today:
            return TraineeState.ENDED
        return TraineeState.IN_TRAINING
    return TraineeState.FILING


# --- a filing's tabs ----------------------------------------------------------------------------------------------


def may_edit_people(user, filing: Filing) -> bool:
    """Whether the user writes the filing's people at all (its own enterprise, holding the filing permission);
    the filing's state is asked separately (filing.is_editable)."""
    return rules.may_file(user) and user.organisation_id == filing.organisation_id


def require_people_writer(user, filing: Filing) -> None:
    if not may_edit_people(user, filing):
        raise PermissionDenied(_("您没有办理该备案的权限"))


def filing_for_people(user, pk: int) -> Filing:
    """The filing whose tabs the user reads (404 when the access rule hides it)."""
    return get_filing_for_user(user, pk)


def filing_for_import(user, key) -> Filing:
    """ImportParent.get of the teachers, trainees and courses imports: the user's own filing, still editable."""
    if not str(key).isdigit():
        raise Http404
    filing = get_filing_for_user(user, int(key))
    require_people_writer(user, filing)
    if not filing.is_editable:
        raise PermissionDenied(_("备案已提交，培训师资、人员和课程不能再导入"))
    return filing


def filing_for_certificates(user, key) -> Filing:
    """ImportParent.get of the 考核结果 import: the user's own approved filing."""
    if not str(key).isdigit():
        raise Http404
    filing = get_filing_for_user(user, int(key))
    require_people_writer(user, filing)
    if filing.status != FilingStatus.APPROVED:
        raise PermissionDenied(_("备案审核通过后才能登记考核结果"))
    return filing


def teachers_of(filing: Filing):
    return filing.teachers.order_by("id")


def trainees_of(filing: Filing):
    return filing.trainees.select_related("school", "lost_by").order_by("id")


def courses_of(filing: Filing):
    return filing.courses.select_related("teacher").order_by("id")


def teaching_teachers(filing: Filing):
    """The teachers a course may name: the filing's own, not those of a 师资变更 still under review."""
    return filing.teachers.filter(added_by_change__isnull=True).order_by("id")


def used_teacher_ids(filing: Filing) -> set[int]:
    return set(Course.objects.filter(filing=filing, teacher__isnull=False).values_list("teacher_id", flat=True))


def places_elsewhere(filing: Filing, trainees) -> dict[int, Trainee]:
    """person id -> the trainee row of another filing where that person holds a place now (for information:
    the filing's submission would be refused for them, apprenticeships.services.places)."""
    people = {trainee.person_id for trainee in trainees}
    rows = (Trainee.objects.filter(person_id__in=people, holds_place=True).exclude(filing=filing)
            .select_related("filing__organisation"))
    return {row.person_id: row for row in rows}


def _one(queryset, user, pk: int):
    item = queryset.filter(filings_q(user, "filing__"), pk=pk).select_related("filing").first()
    if item is None:
        raise Http404
    return item


def get_teacher_for_user(user, pk: int) -> Teacher:
    return _one(Teacher.objects.all(), user, pk)


def get_trainee_for_user(user, pk: int) -> Trainee:
    return _one(Trainee.objects.all(), user, pk)


def get_course_for_user(user, pk: int) -> Course:
    return _one(Course.objects.all(), user, pk)


# --- 单位培训人员查询 ---------------------------------------------------------------------------------------------


def trainees_for_enterprise(user):
    """The trainees of all the user's enterprise's filings (none for anyone else)."""
    if not rules.may_file(user):
        return Trainee.objects.none()
    return (Trainee.objects.filter(filings_q(user, "filing__"), filing__organisation_id=user.organisation_id)
            .select_related("filing", "filing__training_class", "school")
            .order_by("-filing__created_at", "filing_id", "id"))


def filter_trainees(trainees, *, name: str = "", id_number: str = "", number: str = "", apprenticeship_type: str = "",
                    state: str = "", year: int | None = None, today: datetime.date | None = None):
    today = today or timezone.localdate()
    if name:
        trainees = trainees.filter(name__icontains=name)
    if id_number:
        trainees = trainees.filter(id_number=id_number)
    if number:
        trainees = trainees.filter(filing__number__icontains=number)
    if apprenticeship_type:
        trainees = trainees.filter(filing__apprenticeship_type=apprenticeship_type)
    if state:
        trainees = trainees.filter(state_q(state, today))
    if year:
        trainees = trainees.filter(filing__training_class__starts_on__year=year)
    return trainees
