"""The rows of the lists' exports (batch.registry ExportSpec.queryset(user, params)): each the list's own query
with the list's own filter form over the export's query string, and nothing for a user refused the list. Here,
above both forms and selectors, so that selectors never import forms."""

from django.utils import timezone

from continuing_education import rules
from continuing_education.forms.archive import archive_filters
from continuing_education.forms.catalogue import NameFilterForm, filters_of
from continuing_education.forms.classes import ClassesFilterForm, DeclaredFilterForm, ReviewedFilterForm, filtered
from continuing_education.models import ClassStatus, OnlinePlatform, OnlineResult, TrainingClass, TrainingSite
from continuing_education.selectors import catalogue as catalogue_selectors
from continuing_education.selectors import units as units_selectors
from continuing_education.selectors.archive import archive_rows
from continuing_education.selectors.classes import classes_for_user, filter_classes, own_classes, reviewed_q
from continuing_education.selectors.desk_statistics import may_see_statistics, statistics_for
from organisations.models import Organisation


def may_manage_classes(user) -> bool:
    """培训班管理's rule (views.classes_manage): the unit's class declarer or training manager."""
    return rules.may_declare_class(user) or rules.may_manage_training(user)


def may_see_reviewed_classes(user) -> bool:
    return rules.department(user) is not None or user.is_staff


def managed_classes(user, params):
    """培训班管理: the unit's approved classes, as filtered on the page."""
    if not may_manage_classes(user):
        return TrainingClass.objects.none()
    queryset = own_classes(user).filter(status=ClassStatus.APPROVED)
    return filter_classes(queryset, filtered(ClassesFilterForm(params or None))).order_by("-starts_on", "-id")


def declared_classes(user, params):
    """我申报的: every declaration of the unit, as filtered on the page."""
    if not rules.may_declare_class(user):
        return TrainingClass.objects.none()
    return filter_classes(own_classes(user), filtered(DeclaredFilterForm(params or None))).order_by(
        "-created_at", "-id")


def reviewed_classes(user, params):
    """The departments' list: the submitted classes of the units in scope."""
    if not may_see_reviewed_classes(user):
        return TrainingClass.objects.none()
    queryset = classes_for_user(user).filter(reviewed_q(user))
    return filter_classes(queryset, filtered(ReviewedFilterForm(params or None))).order_by("-submitted_at", "-id")


def sites(user, params):
    if not rules.may_manage_training(user):
        return TrainingSite.objects.none()
    return catalogue_selectors.sites_for_user(user, filters_of(NameFilterForm(params or None)))


def platforms(user, params):
    if not rules.may_manage_training(user):
        return OnlinePlatform.objects.none()
    return catalogue_selectors.platforms_for_user(user, filters_of(NameFilterForm(params or None)))


def online_results(user, params):
    """网络培训成果: the unit's imported results, as filtered on the page."""
    # forms.hours builds its upload field from an attachment purpose registered in ready(): imported when used.
    from continuing_education.forms.hours import OnlineFilterForm
    from continuing_education.selectors.hours import online_results as results_of

    if not rules.may_manage_training(user):
        return OnlineResult.objects.none()
    return results_of(user, **OnlineFilterForm(params or None).filters())


def units(user, params):
    """用人单位 (departments): the units in scope, as filtered on the page."""
    # Imported when used: forms.units builds its region widget from the regions app.
    from continuing_education.forms.units import UnitFilterForm

    if not units_selectors.may_see_units(user):
        return Organisation.objects.none()
    visible = units_selectors.units_for_user(user)
    form = UnitFilterForm(params or None, departments=units_selectors.hr_departments_in(visible))
    return units_selectors.filter_units(visible, form.filters())


class Rows(list):
    """A computed table in the shape batch.engine reads an export's rows in (count() and iterator())."""

    def count(self, *args) -> int:
        return len(self)

    def iterator(self, chunk_size=None):
        return iter(self)


def statistics(user, params):
    """统计分析: one row per sub-region as shown, then the total."""
    from continuing_education.forms.desk import YearForm

    year = YearForm(params or None).chosen_year
    if not may_see_statistics(user) or year is None:  # a malformed year: nothing, as the page shows
        return Rows()
    stats = statistics_for(user, year=year)
    return Rows([*stats.rows, stats.total])


def archive_export_rows(user, params):
    """培训档案's export: the same rows for the same query string."""
    filters = archive_filters(params)
    if filters is None:  # what the page shows for a malformed filter: nothing
        return Rows()
    return archive_rows(user, today=timezone.localdate(), **filters)
