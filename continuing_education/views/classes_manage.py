"""我申报的, 培训班管理 and 报名人员 (manual 004 §2.1, §3.1), and the departments' list of classes in scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from continuing_education import rules
from continuing_education.forms.classes import (
    ClassesFilterForm,
    DeclaredFilterForm,
    ParticipantForm,
    ParticipantPickForm,
    ResultForm,
    ReviewedFilterForm,
    StaffPickForm,
    filtered,
)
from continuing_education.models import ClassStatus, ReportMode
from continuing_education.selectors.classes import (
    classes_for_user,
    filter_classes,
    own_classes,
    participants_editable,
    participants_of,
    reviewed_q,
    status_counts,
    submitted_ids,
    unit_staff,
)
from continuing_education.services import classes as services
from continuing_education.views.classes import own_class
from core.decorators import permission_required_403
from core.paging import paginate

# The lists and their exports filter alike (selectors.classes.filter_classes).
_filter_classes = filter_classes


@require_GET
@permission_required_403(rules.DECLARE_CLASS)
def declared(request):
    """我申报的: the unit's declarations by status; 【删除】 only for never-submitted drafts."""
    if not rules.may_declare_class(request.user):
        raise PermissionDenied
    form = DeclaredFilterForm(request.GET or None)
    base = own_classes(request.user)
    context = paginate(request, _filter_classes(base, filtered(form)).order_by("-created_at", "-id"))
    context["object_list"] = list(context["object_list"])
    submitted = submitted_ids(context["object_list"])
    for item in context["object_list"]:
        item.deletable = item.status == ClassStatus.DRAFT and item.pk not in submitted
    context.update({"form": form, "counts": status_counts(base), "statuses": ClassStatus.choices})
    return render(request, "continuing_education/classes/declared.html", context)


def _may_manage(user) -> bool:
    return rules.may_declare_class(user) or rules.may_manage_training(user)


@require_GET
@login_required
def classes(request):
    """培训班管理: the unit's approved classes, by year, subject and whether results are reported."""
    if not _may_manage(request.user):
        raise PermissionDenied
    form = ClassesFilterForm(request.GET or None)
    queryset = own_classes(request.user).filter(status=ClassStatus.APPROVED)
    context = paginate(request, _filter_classes(queryset, filtered(form)).order_by("-starts_on", "-id"))
    context.update({"form": form, "may_declare": rules.may_declare_class(request.user)})
    return render(request, "continuing_education/classes/manage.html", context)


@require_GET
@login_required
def reviewed_classes(request):
    """Department side: the submitted classes of the units in scope (HR of the region, the named 主管部门)."""
    if rules.department(request.user) is None and not request.user.is_staff:
        raise PermissionDenied
    form = ReviewedFilterForm(request.GET or None)
    queryset = classes_for_user(request.user).filter(reviewed_q(request.user))
    context = paginate(request, _filter_classes(queryset, filtered(form)).order_by("-submitted_at", "-id"))
    context["form"] = form
    return render(request, "continuing_education/classes/reviewed.html", context)


# --- 报名人员 ----------------------------------------------------------------------------------------------------

def _participants_page(request, training_class, *, form=None, pick_form=None, status=200):
    editable = participants_editable(training_class)
    people = participants_of(training_class).select_related("staff")
    present = set(people.values_list("id_number_hash", flat=True))
    return render(request, "continuing_education/classes/participants.html", {
        "training_class": training_class, "participants": people, "editable": editable, "tab": "participants",
        "form": form or ParticipantForm(training_class=training_class),
        "pick_form": pick_form or StaffPickForm(staff=unit_staff(training_class.organisation).exclude(
            id_number_hash__in=present)),
        "is_sync": training_class.report_mode == ReportMode.SYNC,
        "import_keys": _import_keys(training_class)}, status=status)


def _import_keys(training_class):
    if training_class.report_mode == ReportMode.SYNC:
        return ["ce_class_sync_results"]
    return ["ce_class_people", "ce_class_results"]


@require_GET
@login_required
def class_participants(request, pk):
    training_class = own_class(request, pk)
    return _participants_page(request, training_class)


def _errors(request, error):
    for message in getattr(error, "messages", None) or [str(error) or _("无权操作")]:
        messages.error(request, message)


@require_POST
@login_required
def participant_add(request, pk):
    training_class = own_class(request, pk)
    form = ParticipantForm(request.POST, training_class=training_class,
                           require_result=training_class.report_mode == ReportMode.SYNC)
    if form.is_valid():
        try:
            person = services.add_participant(actor=request.user, training_class=training_class,
                                              data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已添加报名人员“%(name)s”") % {"name": person.name})
            return redirect("continuing_education:class_participants", pk=training_class.pk)
    return _participants_page(request, training_class, form=form)


@require_POST
@login_required
def participant_pick(request, pk):
    training_class = own_class(request, pk)
    form = StaffPickForm(request.POST, staff=unit_staff(training_class.organisation))
    if not form.is_valid():
        return _participants_page(request, training_class, pick_form=form)
    try:
        added, skipped = services.add_staff(actor=request.user, training_class=training_class,
                                            staff=form.cleaned_data["staff"])
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    else:
        text = _("已添加%(added)s名报名人员") % {"added": added}
        if skipped:
            text += _("，%(skipped)s名已在本培训班中") % {"skipped": skipped}
        messages.success(request, text)
    return redirect("continuing_education:class_participants", pk=training_class.pk)


@require_POST
@login_required
def participant_result(request, pk):
    training_class = own_class(request, pk)
    form = ResultForm(request.POST, training_class=training_class, participants=participants_of(training_class))
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("continuing_education:class_participants", pk=training_class.pk)
    try:
        person = services.set_result(actor=request.user, training_class=training_class,
                                     participant=form.cleaned_data["participant"], hours=form.cleaned_data["hours"],
                                     assessment=form.cleaned_data["assessment"])
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("“%(name)s”的培训成果已保存") % {"name": person.name})
    return redirect("continuing_education:class_participants", pk=training_class.pk)


@require_POST
@login_required
def participant_remove(request, pk):
    training_class = own_class(request, pk)
    form = ParticipantPickForm(request.POST, participants=participants_of(training_class))
    if not form.is_valid():
        messages.error(request, _("该人员不在本培训班中"))
    else:
        try:
            services.remove_participant(actor=request.user, training_class=training_class,
                                        participant=form.cleaned_data["participant"])
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("已移除报名人员"))
    return redirect("continuing_education:class_participants", pk=training_class.pk)


@require_http_methods(["POST"])
@login_required
def class_report_results(request, pk):
    """【上报培训成果】: once per class, credited to the archive at once, not reviewed again."""
    training_class = own_class(request, pk)
    try:
        count = services.report_results(actor=request.user, training_class=training_class)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("培训成果已上报，%(count)s人的学时已记入培训档案") % {"count": count})
    return redirect("continuing_education:class_participants", pk=training_class.pk)
