"""Reads of 备案变更申请, scoped by the programme's one access rule (apprenticeships.selectors.access)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404

from apprenticeships.models import (
    OPEN_TEACHER_CHANGE_STATUSES,
    ChangeRecord,
    Course,
    Filing,
    FilingStatus,
    TeacherChange,
)
from apprenticeships.rules import may_file
from apprenticeships.selectors.access import filings_for_user, filings_q, get_filing_for_user


def changeable_filings(user):
    """备案变更申请: the enterprise's own approved filings with their class and courses."""
    if not may_file(user):
        return Filing.objects.none()
    return (filings_for_user(user).filter(organisation_id=user.organisation_id, status=FilingStatus.APPROVED)
            .select_related("training_class")
            .prefetch_related(Prefetch("courses", queryset=Course.objects.select_related("venue", "teacher")
                                       .order_by("starts_on", "pk")),
                              Prefetch("teacher_changes", to_attr="open_teacher_changes",
                                       queryset=TeacherChange.objects.filter(
                                           status__in=OPEN_TEACHER_CHANGE_STATUSES).order_by("pk")))
            .annotate(date_change_count=Count("training_class__date_changes", distinct=True))
            .order_by("-approved_at", "-pk"))


def filter_changeable(queryset, *, number="", occupation="", starts_from=None, starts_until=None):
    if number:
        queryset = queryset.filter(number__icontains=number)
    if occupation:
        queryset = queryset.filter(training_class__occupation__icontains=occupation)
    if starts_from:
        queryset = queryset.filter(training_class__starts_on__gte=starts_from)
    if starts_until:
        queryset = queryset.filter(training_class__starts_on__lte=starts_until)
    return queryset


def get_own_filing(user, pk: int) -> Filing:
    """A filing the user sees (404 otherwise) that is their own enterprise's, with the filing permission (403)."""
    filing = get_filing_for_user(user, pk)
    if filing.organisation_id != user.organisation_id or not may_file(user):
        raise PermissionDenied
    return filing


def get_own_course(user, pk: int) -> Course:
    course = (Course.objects.filter(filings_q(user, "filing__"))
              .select_related("filing__organisation", "filing__region", "venue", "teacher").filter(pk=pk).first())
    if course is None:
        raise Http404("课程不存在")
    if course.filing.organisation_id != user.organisation_id or not may_file(user):
        raise PermissionDenied
    return course


def open_teacher_change(filing) -> TeacherChange | None:
    prefetched = getattr(filing, "open_teacher_changes", None)  # changeable_filings() prefetches it for its list
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    return filing.teacher_changes.filter(status__in=OPEN_TEACHER_CHANGE_STATUSES).first()


def change_records_of(filing):
    return ChangeRecord.objects.filter(filing=filing).select_related("actor").order_by("-created_at", "-pk")


def teacher_changes_of(filing):
    return (TeacherChange.objects.filter(filing=filing).select_related("created_by")
            .prefetch_related("swaps__course", "swaps__old_teacher", "swaps__new_teacher", "new_teachers")
            .order_by("-created_at", "-pk"))
