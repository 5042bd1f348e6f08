"""培训管理's reads (manual 004 §3.2–§3.4): a unit's teachers, courses, 面授培训点 and 网授平台, scoped by the
programme's access rule; the views check the role (rules.may_manage_training) first, so a unit member without
it is refused (403) and another unit's record is not found (404)."""

from django.db.models import Count, Prefetch

from continuing_education import rules
from continuing_education.models import Course, OnlinePlatform, Teacher, TrainingSite
from continuing_education.selectors.access import not_found, units_q


def _own(model, user):
    """The rows of the user's unit: the access rule, narrowed to the user's own organisation (a catalogue is
    the unit's own; a unit that is also a training institution has this one catalogue)."""
    return model.objects.filter(units_q(user, "organisation__"), organisation_id=user.organisation_id)


def teachers_for_user(user, filters: dict | None = None):
    teachers = _own(Teacher, user).annotate(course_count=Count("courses"))
    filters = filters or {}
    if filters.get("name"):
        teachers = teachers.filter(name__icontains=filters["name"].strip())
    if filters.get("specialty"):
        teachers = teachers.filter(specialty__icontains=filters["specialty"].strip())
    return teachers.order_by("name", "id")


def get_teacher_for_user(user, pk) -> Teacher:
    return _own(Teacher, user).filter(pk=pk).first() or not_found("教师")


def unit_teachers(organisation_id):
    """The teachers a course of this unit may name (the course form's choices)."""
    return Teacher.objects.filter(organisation_id=organisation_id).order_by("name", "id")


def courses_for_user(user, filters: dict | None = None):
    courses = _own(Course, user).prefetch_related(
        Prefetch("teachers", queryset=Teacher.objects.order_by("name", "id")))
    filters = filters or {}
    if filters.get("name"):
        courses = courses.filter(name__icontains=filters["name"].strip())
    if filters.get("subject_type"):
        courses = courses.filter(subject_type=filters["subject_type"])
    return courses.order_by("name", "id")


def get_course_for_user(user, pk) -> Course:
    return _own(Course, user).filter(pk=pk).first() or not_found("课程")


def sites_for_user(user, filters: dict | None = None):
    sites = _own(TrainingSite, user).select_related("region")
    filters = filters or {}
    if filters.get("name"):
        sites = sites.filter(name__icontains=filters["name"].strip())
    return sites.order_by("name", "id")


def get_site_for_user(user, pk) -> TrainingSite:
    return _own(TrainingSite, user).filter(pk=pk).first() or not_found("培训点")


def platforms_for_user(user, filters: dict | None = None):
    platforms = _own(OnlinePlatform, user)
    filters = filters or {}
    if filters.get("name"):
        platforms = platforms.filter(name__icontains=filters["name"].strip())
    return platforms.order_by("name", "id")


def get_platform_for_user(user, pk) -> OnlinePlatform:
    return _own(OnlinePlatform, user).filter(pk=pk).first() or not_found("网授平台")


def platforms_needing_docking(organisation_id):
    """The unit's docked platforms whose docking details predate the current list (manual 004 §二). The
    version is read at call time, so raising rules.DOCKING_FIELDS_VERSION takes effect at once."""
    return OnlinePlatform.objects.filter(organisation_id=organisation_id, is_docked=True,
                                         docking_version__lt=rules.DOCKING_FIELDS_VERSION).order_by("id")


def must_complete_docking(user) -> bool:
    """Whether the signed-in user's unit must complete its platforms' docking details first."""
    return (user.is_authenticated and user.organisation_id is not None
            and platforms_needing_docking(user.organisation_id).exists())
