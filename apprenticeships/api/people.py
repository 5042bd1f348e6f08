"""The filing's 培训师资, 培训人员 and 培训课程 through the API: each tab's list (every reader of the filing), 新增,
修改 (If-Match) and 删除 (the enterprise's filers while the filing is 未提交 or 退回), through the tab's form and the
services of apprenticeships.services.people. One set of views serves the three tabs (`Tab`)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict
from api.forms import bind, form_serializer
from api.responses import object_response
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.api.serializers import CourseSerializer, TeacherSerializer, TraineeSerializer
from apprenticeships.forms.people import CourseForm, TeacherForm, TraineeForm
from apprenticeships.models import Course, Teacher, Trainee
from apprenticeships.selectors import people as selectors
from apprenticeships.services import people as services


@dataclass(frozen=True)
class Tab:
    key: str  # teacher, trainee, course: the service's keyword and the names of the routes
    label: str
    model: type
    form: type
    serializer: type
    rows: object  # filing -> queryset (the screen's tab)
    get: object  # (user, pk) -> row, through the access rule
    create: object
    update: object
    delete: object


TABS = {
    "teacher": Tab("teacher", "培训师资", Teacher, TeacherForm, TeacherSerializer, selectors.teachers_of,
                   selectors.get_teacher_for_user, services.create_teacher, services.update_teacher,
                   services.delete_teacher),
    "trainee": Tab("trainee", "培训人员", Trainee, TraineeForm, TraineeSerializer,
                   lambda filing: selectors.trainees_of(filing).select_related("filing__region"),
                   selectors.get_trainee_for_user, services.create_trainee, services.update_trainee,
                   services.delete_trainee),
    "course": Tab("course", "培训课程", Course, CourseForm, CourseSerializer,
                  lambda filing: selectors.courses_of(filing).select_related("venue"),
                  selectors.get_course_for_user, services.create_course, services.update_course,
                  services.delete_course),
}
INPUTS = {key: form_serializer(tab.form, f"Apprenticeship{key.title()}Input") for key, tab in TABS.items()}


def _editable_by(user, filing) -> None:
    """403 unless the user writes the filing's people; 409 unless the filing is editable (the screen's order)."""
    selectors.require_people_writer(user, filing)
    if not filing.is_editable:
        raise Conflict(_("备案%(status)s，培训师资、培训人员和培训课程不能修改")
                       % {"status": filing.get_status_display()})


def _views(tab: Tab):
    plural = f"{tab.key}s"

    class RowList(ListAPIView):
        api_programme = "apprenticeships"
        serializer_class = tab.serializer

        @extend_schema(operation_id=f"apprenticeships_filing_{plural}_list", summary=_("备案的") + tab.label,
                       tags=TAGS)
        def get(self, request, *args, **kwargs):
            return super().get(request, *args, **kwargs)

        def get_queryset(self):
            return tab.rows(selectors.filing_for_people(self.request.user, self.kwargs["pk"]))

    class RowCreate(APIView):
        api_programme = "apprenticeships"

        @extend_schema(operation_id=f"apprenticeships_filing_{tab.key}_create", summary=_("新增") + tab.label,
                       tags=TAGS, request=INPUTS[tab.key], responses={201: tab.serializer})
        def post(self, request, pk):
            filing = selectors.filing_for_people(request.user, pk)
            _editable_by(request.user, filing)
            form = bind(tab.form, payload(request), parent=filing)
            with state_conflicts():
                row = tab.create(actor=request.user, filing=filing, data=form.cleaned_data)
            return object_response(request, tab.serializer, tab.get(request.user, row.pk), status=201)

    class RowDetail(APIView):
        """修改 under If-Match (the ETag of the row as the list or the last write returned it)."""

        api_programme = "apprenticeships"

        @extend_schema(operation_id=f"apprenticeships_{tab.key}_update", summary=_("修改") + tab.label,
                       tags=TAGS, request=INPUTS[tab.key], responses=tab.serializer)
        def put(self, request, pk):
            row = tab.get(request.user, pk)
            _editable_by(request.user, row.filing)
            with transaction.atomic():
                locked = tab.model.objects.select_for_update().get(pk=row.pk)
                check_if_match(request, locked, tab.serializer(locked, context={"request": request}).data)
                form = bind(tab.form, payload(request), parent=row.filing)
                with state_conflicts():
                    tab.update(actor=request.user, data=form.cleaned_data, **{tab.key: row})
            return object_response(request, tab.serializer, tab.get(request.user, pk))

    class RowDelete(APIView):
        api_programme = "apprenticeships"

        @extend_schema(operation_id=f"apprenticeships_{tab.key}_delete", summary=_("删除") + tab.label, tags=TAGS,
                       request=None, responses={204: None})
        def post(self, request, pk):
            row = tab.get(request.user, pk)
            _editable_by(request.user, row.filing)
            with state_conflicts():
                tab.delete(actor=request.user, **{tab.key: row})
            return Response(status=204)

    for view in (RowList, RowCreate, RowDetail, RowDelete):
        view.__name__ = view.__qualname__ = f"{tab.key.title()}{view.__name__.removeprefix('Row')}"
    return RowList, RowCreate, RowDetail, RowDelete


VIEWS = {key: _views(tab) for key, tab in TABS.items()}
