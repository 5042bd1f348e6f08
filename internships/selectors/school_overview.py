"""The school's one-page overview of its roll (every student's stage: applied, signed, agreement, insured,
arrived, evaluated), the statistics of the school and of an education department's region, and the
department's list of the region's internships."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext_lazy as _

from internships.models import (
    ACTIVE_STATUSES,
    ApplicationStatus,
    Complaint,
    ComplaintStatus,
    EvaluationSide,
    EvaluationStage,
    Internship,
    InternshipStatus,
    Student,
)
from internships.selectors.access import records_q
from internships.selectors.school import internships_with_prefetch, is_covered

# The stage of a student on the overview: before any internship, then the internship's own status.
NONE, APPLIED = "none", "applied"
STAGES = (
    (NONE, _("未申请")),
    (APPLIED, _("已申请，待企业确认")),
    *[(value, label) for value, label in InternshipStatus.choices if value != InternshipStatus.CANCELLED],
)
ENDED = (InternshipStatus.COMPLETED, InternshipStatus.ENDED_EARLY)


def _latest_internship():
    return (Internship.objects.filter(student=OuterRef("pk")).exclude(status=InternshipStatus.CANCELLED)
            .order_by("-created_at", "-id"))


def roll_with_stage(students):
    """Students annotated with their open choices and their current internship (the latest not cancelled:
    a student has one active internship at most, and a finished one is older than a new one)."""
    return students.annotate(
        open_choices=Count("applications", filter=Q(applications__status=ApplicationStatus.APPLIED),
                           distinct=True),
        current_internship_id=Subquery(_latest_internship().values("pk")[:1]),
        current_status=Subquery(_latest_internship().values("status")[:1]),
    ).prefetch_related(Prefetch(
        "internships",
        queryset=internships_with_prefetch(Internship.objects.exclude(status=InternshipStatus.CANCELLED)),
        to_attr="overview_internships",
    )).order_by("class_name", "name", "pk")


def stage_q(stage: str) -> Q:
    """The filter of one stage, as overview_row decides it."""
    active = Q(current_status__in=ACTIVE_STATUSES)
    if stage in ACTIVE_STATUSES:
        return Q(current_status=stage)
    if stage == APPLIED:
        return Q(open_choices__gt=0) & (Q(current_status__isnull=True) | ~active)
    if stage in ENDED:
        return Q(current_status=stage, open_choices=0)
    if stage == NONE:
        return Q(current_status__isnull=True, open_choices=0)
    return Q()


def filter_roll(students, *, class_name: str = "", stage: str = "", q: str = ""):
    if class_name:
        students = students.filter(class_name=class_name)
    if q:
        students = students.filter(name__contains=q)
    if stage:
        students = students.filter(stage_q(stage))
    return students


@dataclass
class OverviewRow:
    student: Student
    open_choices: int
    internship: Internship | None
    stage: str
    stage_label: str
    agreement: bool
    insured: bool
    arrived: bool
    evaluated: bool  # the enterprise's final evaluation of the student
    student_evaluated: bool  # the student's final evaluation of the enterprise


def overview_row(student: Student) -> OverviewRow:
    internship = next((item for item in getattr(student, "overview_internships", [])
                       if item.pk == student.current_internship_id), None)
    open_choices = student.open_choices
    if internship is not None and internship.status in ACTIVE_STATUSES:
        stage = internship.status
    elif open_choices:
        stage = APPLIED
    elif internship is not None:
        stage = internship.status
    else:
        stage = NONE
    finals = {item.side for item in internship.evaluations.all() if item.stage == EvaluationStage.FINAL} \
        if internship else set()
    return OverviewRow(
        student=student, open_choices=open_choices, internship=internship, stage=stage,
        stage_label=str(dict(STAGES)[stage]),
        agreement=bool(internship and internship.agreement_signed_at),
        insured=bool(internship and is_covered(internship, internship.coverages.all())),
        arrived=bool(internship and internship.arrived_on),
        evaluated=EvaluationSide.ENTERPRISE in finals,
        student_evaluated=EvaluationSide.STUDENT in finals,
    )


def school_roll(user):
    return Student.objects.filter(school_id=user.organisation_id)


def class_names(user) -> list[str]:
    return list(school_roll(user).order_by("class_name").values_list("class_name", flat=True).distinct())


# --- statistics -----------------------------------------------------------------------------------------------

def _status_counts(internships) -> dict:
    counts = dict(internships.values_list("status").annotate(n=Count("pk")).order_by())
    return {value: counts.get(value, 0) for value in InternshipStatus.values}


def statistics(*, students, internships, complaints) -> dict:
    """The figures of a school or a region: internships by status, by enterprise, students by major,
    complaints by result. `internships` and `complaints` are already scoped to the reader."""
    by_status = _status_counts(internships)
    counted = internships.exclude(status=InternshipStatus.CANCELLED)
    by_enterprise = list(
        counted.values("enterprise__name").annotate(
            total=Count("pk"),
            active=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)),
            completed=Count("pk", filter=Q(status=InternshipStatus.COMPLETED)),
            ended_early=Count("pk", filter=Q(status=InternshipStatus.ENDED_EARLY)),
        ).order_by("-total", "enterprise__name"))
    by_major = list(
        students.values("major").annotate(
            roll=Count("pk", distinct=True),
            placed=Count("internships", distinct=True,
                         filter=~Q(internships__status=InternshipStatus.CANCELLED)),
            arrived=Count("internships", distinct=True,
                          filter=Q(internships__arrived_on__isnull=False)),
        ).order_by("major"))
    complaint_counts = dict(complaints.values_list("status").annotate(n=Count("pk")).order_by())
    return {
        "by_status": [(value, label, by_status[value]) for value, label in InternshipStatus.choices],
        "total": sum(by_status.values()),
        "by_enterprise": by_enterprise,
        "by_major": by_major,
        "complaints": [(value, label, complaint_counts.get(value, 0)) for value, label in ComplaintStatus.choices],
        "complaints_total": sum(complaint_counts.values()),
    }


def school_statistics(user) -> dict:
    school = user.organisation_id
    return statistics(students=Student.objects.filter(school_id=school),
                      internships=Internship.objects.filter(school_id=school),
                      complaints=Complaint.objects.filter(school_id=school))


# --- the education department ---------------------------------------------------------------------------------

def region_internships(user):
    """Every internship whose enterprise or school lies in the department's region (records_q)."""
    return Internship.objects.filter(records_q(user)).select_related("student", "enterprise", "school", "position")


def filter_internships(internships, *, school: str = "", enterprise: str = "", status: str = "",
                       active_from=None, active_until=None):
    """`active_from`/`active_until`: internships whose period overlaps the window."""
    if school:
        internships = internships.filter(school__name__contains=school)
    if enterprise:
        internships = internships.filter(enterprise__name__contains=enterprise)
    if status:
        internships = internships.filter(status=status)
    if active_from:
        internships = internships.filter(ends_on__gte=active_from)
    if active_until:
        internships = internships.filter(starts_on__lte=active_until)
    return internships


def region_statistics(user) -> dict:
    """The school's figures for the region, and the same figures per school."""
    internships = Internship.objects.filter(records_q(user))
    students = Student.objects.filter(records_q(user, enterprise=None, school="school"))
    complaints = Complaint.objects.filter(records_q(user))
    figures = statistics(students=students, internships=internships, complaints=complaints)
    per_school = {}
    for row in internships.values("school_id", "school__name", "status").annotate(n=Count("pk")).order_by():
        entry = per_school.setdefault(row["school_id"], {
            "name": row["school__name"], "counts": dict.fromkeys(InternshipStatus.values, 0), "complaints": 0})
        entry["counts"][row["status"]] = row["n"]
    for row in complaints.values("school_id", "school__name").annotate(n=Count("pk")).order_by():
        entry = per_school.setdefault(row["school_id"], {
            "name": row["school__name"], "counts": dict.fromkeys(InternshipStatus.values, 0), "complaints": 0})
        entry["complaints"] = row["n"]
    figures["per_school"] = [
        {"name": entry["name"], "statuses": [entry["counts"][value] for value in InternshipStatus.values],
         "total": sum(entry["counts"].values()), "complaints": entry["complaints"]}
        for entry in sorted(per_school.values(), key=lambda item: item["name"])
    ]
    return figures
