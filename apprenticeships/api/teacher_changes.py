"""师资信息变更 through the API: the filing's one open change (as 【师资信息变更】 shows it, with its review's
history), starting it, 新增/删除 a new teacher, 变更培训教师 of a course and its undoing, 提交 with the reason and
撤回 — the screen's forms (apprenticeships.forms.changes) and services (apprenticeships.services.teacher_changes).
Every route names the filing; the change is always the filing's open one, as on screen."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from api.forms import bind, form_serializer
from api.responses import object_response, require_permission
from apprenticeships.api.changes import _approved
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.api.serializers import TeacherSerializer
from apprenticeships.forms.changes import SubmitChangeForm, SwapForm, TeacherChangeForm
from apprenticeships.models import TeacherChange
from apprenticeships.rules import FILE
from apprenticeships.selectors.changes import get_own_filing, open_teacher_change
from apprenticeships.services import teacher_changes as services
from reviews.selectors import history_for_subject

API = "apprenticeships"
TeacherInput = form_serializer(TeacherChangeForm, "ApprenticeshipChangeTeacherInput")
SwapInput = form_serializer(SwapForm, "ApprenticeshipSwapInput")
SubmitInput = form_serializer(SubmitChangeForm, "ApprenticeshipTeacherChangeSubmitInput")


class SwapSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    course_id = serializers.IntegerField()
    course_name = serializers.CharField(source="course.name")
    old_teacher_id = serializers.IntegerField(allow_null=True)
    old_teacher_name = serializers.CharField(source="old_teacher.name", allow_null=True, default=None)
    new_teacher_id = serializers.IntegerField()
    new_teacher_name = serializers.CharField(source="new_teacher.name")


class ReviewEventSerializer(serializers.Serializer):
    """A step of the change's review, as both sides see it (审核意见 included)."""

    action = serializers.CharField()
    action_display = serializers.CharField(source="get_action_display")
    level = serializers.CharField()
    actor_name = serializers.CharField(source="actor.__str__")
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()


class TeacherChangeSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display")
    new_teachers = serializers.SerializerMethodField()
    swaps = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()

    class Meta:
        model = TeacherChange
        fields = ("id", "filing_id", "status", "status_display", "reason", "created_at", "submitted_at",
                  "decided_at", "new_teachers", "swaps", "history")

    def get_new_teachers(self, change) -> TeacherSerializer(many=True):
        return TeacherSerializer(change.new_teachers.order_by("pk"), many=True, context=self.context).data

    def get_swaps(self, change) -> SwapSerializer(many=True):
        rows = change.swaps.select_related("course", "old_teacher", "new_teacher").order_by("pk")
        return SwapSerializer(rows, many=True).data

    def get_history(self, change) -> ReviewEventSerializer(many=True):
        return ReviewEventSerializer(history_for_subject(change), many=True).data


def _filing(request, pk):
    require_permission(request, FILE)
    filing = get_own_filing(request.user, pk)
    _approved(filing)
    return filing


def _open(request, pk):
    filing = _filing(request, pk)
    change = open_teacher_change(filing)
    if change is None:
        raise Http404(_("该备案没有办理中的师资信息变更申请"))
    return filing, change


def _answer(request, pk, status=200):
    filing = get_own_filing(request.user, pk)
    change = open_teacher_change(filing) or filing.teacher_changes.order_by("-pk").first()
    return object_response(request, TeacherChangeSerializer, change, status=status)


class TeacherChangeDetail(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_retrieve", summary=_("办理中的师资信息变更申请"),
                   tags=TAGS, responses=TeacherChangeSerializer)
    def get(self, request, pk):
        _open(request, pk)
        return _answer(request, pk)


class TeacherChangeOpen(APIView):
    """【师资信息变更】: the filing's open change, started when there is none."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_open", summary=_("发起师资信息变更"), tags=TAGS,
                   request=None, responses=TeacherChangeSerializer)
    def post(self, request, pk):
        filing = _filing(request, pk)
        with state_conflicts():
            services.open_change(filing=filing, actor=request.user)
        return _answer(request, pk)


class TeacherChangeTeacherAdd(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_teacher_add", summary=_("师资变更：新增教师"),
                   tags=TAGS, request=TeacherInput, responses=TeacherChangeSerializer)
    def post(self, request, pk):
        _filing_, change = _open(request, pk)
        form = bind(TeacherChangeForm, payload(request))
        with state_conflicts():
            services.add_teacher(change=change, actor=request.user, data=form.cleaned_data)
        return _answer(request, pk)


class TeacherChangeTeacherRemove(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_teacher_remove", summary=_("师资变更：删除新增的教师"),
                   tags=TAGS, request=None, responses=TeacherChangeSerializer)
    def post(self, request, pk, teacher_id):
        _filing_, change = _open(request, pk)
        with state_conflicts():
            services.remove_teacher(change=change, actor=request.user, teacher_id=teacher_id)
        return _answer(request, pk)


class TeacherChangeSwap(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_swap", summary=_("师资变更：变更课程的培训教师"),
                   tags=TAGS, request=SwapInput, responses=TeacherChangeSerializer)
    def post(self, request, pk):
        filing, change = _open(request, pk)
        form = bind(SwapForm, payload(request), courses=filing.courses.order_by("pk"),
                    teachers=services.teachers_for_swap(filing, change))
        with state_conflicts():
            services.swap_teacher(change=change, actor=request.user, course_id=form.cleaned_data["course"].pk,
                                  new_teacher_id=form.cleaned_data["new_teacher"].pk)
        return _answer(request, pk)


class TeacherChangeSwapRemove(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_swap_remove", summary=_("师资变更：撤销课程的教师替换"),
                   tags=TAGS, request=None, responses=TeacherChangeSerializer)
    def post(self, request, pk, swap_id):
        _filing_, change = _open(request, pk)
        with state_conflicts():
            services.remove_swap(change=change, actor=request.user, swap_id=swap_id)
        return _answer(request, pk)


class TeacherChangeSubmit(APIView):
    """提交 with the reason, to the city HR department's review."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_submit", summary=_("提交师资信息变更申请"), tags=TAGS,
                   request=SubmitInput, responses=TeacherChangeSerializer)
    def post(self, request, pk):
        _filing_, change = _open(request, pk)
        form = bind(SubmitChangeForm, payload(request))
        with state_conflicts():
            services.submit_change(change=change, actor=request.user, reason=form.cleaned_data["reason"])
        return _answer(request, pk)


class TeacherChangeWithdraw(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_teacher_change_withdraw", summary=_("撤回师资信息变更申请"),
                   tags=TAGS, request=None, responses=TeacherChangeSerializer)
    def post(self, request, pk):
        _filing_, change = _open(request, pk)
        with state_conflicts():
            services.withdraw_change(change=change, actor=request.user)
        return _answer(request, pk)


