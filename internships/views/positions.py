"""岗位管理 (manual 000 §3): the enterprise's list with filters, add, edit, publish, close, delete, its staff on
duty, the live compliance checklist; the position's page for the enterprise, its pool's schools and students and
the region's education departments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from internships.compliance import blocking_failures, check_position, from_snapshot
from internships.forms.positions import PositionFilterForm, PositionForm, StaffOnDutyForm, position_initial
from internships.models import PositionStatus
from internships.rules import HOST, PROGRAMME
from internships.selectors.positions import (
    filter_positions,
    get_own_position,
    get_position_for_user,
    may_manage_positions,
    positions_for_enterprise,
    profile_of,
)
from internships.selectors.settings import setting_for_region
from internships.services import enterprises as enterprise_services
from internships.services import positions as services
from organisations.jurisdiction import scope_for
from reviews.selectors import history_for_subject, latest_review_for
from timeline.selectors import events_for

LIST = "internships:positions"


def _require_enterprise(request):
    if not may_manage_positions(request.user):
        raise PermissionDenied
    return request.user.organisation


def _actions(position) -> dict:
    status = position.status
    return {
        "can_edit": status in services.EDITABLE_STATUSES,
        "can_publish": status in services.PUBLISHABLE_STATUSES,
        "can_close": status == PositionStatus.PUBLISHED,
        "can_delete": status in services.DELETABLE_STATUSES,
    }


@require_GET
@permission_required_403(HOST)
def position_list(request):
    organisation = _require_enterprise(request)
    form = PositionFilterForm(request.GET or None)
    filters, positions = form.filters(), positions_for_enterprise(request.user)
    positions = positions.none() if filters is None else filter_positions(positions, **filters)
    context = paginate(request, positions)
    rows = [{"position": position, **_actions(position)} for position in context["object_list"]]
    profile = profile_of(organisation)
    staff_form = StaffOnDutyForm(initial={"staff_on_duty": profile.staff_on_duty if profile else None})
    context.update(form=form, rows=rows, profile=profile, staff_form=staff_form,
                   export_query=request.GET.urlencode())
    return render(request, "internships/positions/list.html", context)


@require_POST
@permission_required_403(HOST)
def staff_on_duty(request):
    organisation = _require_enterprise(request)
    form = StaffOnDutyForm(request.POST)
    if form.is_valid():
        try:
            enterprise_services.set_staff_on_duty(organisation=organisation, actor=request.user,
                                                  staff_on_duty=form.cleaned_data["staff_on_duty"])
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, _("在岗职工总数已保存"))
    else:
        messages.error(request, "；".join(form.errors["staff_on_duty"]))
    return redirect(LIST)


def _render_form(request, form, position=None, status=200):
    organisation = request.user.organisation
    return render(request, "internships/positions/form.html", {
        "form": form, "position": position, "checks": _form_checks(request, form, position),
        "review_required": bool(position and setting_for_region(position.work_region).position_review_required),
        "organisation": organisation,
    }, status=status)


def _form_checks(request, form, position):
    if not form.is_bound:
        if position is None:
            return None
        return check_position(position, profile=profile_of(position.enterprise), today=timezone.localdate())
    form.is_valid()
    data = dict(form.cleaned_data)
    if position is not None:
        data["pk"] = position.pk
    return check_position(data, profile=profile_of(request.user.organisation), today=timezone.localdate(),
                          exemption_on_file=form.exemption_on_file(), enterprise_id=request.user.organisation_id)


@require_http_methods(["GET", "POST"])
@permission_required_403(HOST)
def position_create(request):
    organisation = _require_enterprise(request)
    if request.method == "GET":
        return _render_form(request, PositionForm(initial={"work_region": organisation.region_id,
                                                           "address": organisation.address}))
    form = PositionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            position = services.create_position(organisation=organisation, actor=request.user,
                                                data=form.cleaned_data, exemption=form.cleaned_data["exemption_file"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("岗位已保存（未发布），检查通过后请点击“发布”"))
            return redirect("internships:position_detail", pk=position.pk)
    return _render_form(request, form)


@require_http_methods(["GET", "POST"])
@permission_required_403(HOST)
def position_edit(request, pk):
    position = get_own_position(request.user, pk)
    if position.status not in services.EDITABLE_STATUSES:
        messages.error(request, _("岗位当前状态为“%(status)s”，不能修改") % {"status": position.get_status_display()})
        return redirect("internships:position_detail", pk=position.pk)
    has_exemption = position.exemption_id is not None
    if request.method == "GET":
        return _render_form(request, PositionForm(initial=position_initial(position), has_exemption=has_exemption),
                            position)
    form = PositionForm(request.POST, request.FILES, has_exemption=has_exemption)
    if form.is_valid():
        was = position.status
        try:
            position = services.update_position(
                position=position, actor=request.user, data=form.cleaned_data,
                exemption=form.cleaned_data["exemption_file"],
                remove_exemption=bool(form.cleaned_data.get("remove_exemption")))
        except ValidationError as error:
            form.bind_errors(error)
        else:
            if was in (PositionStatus.PUBLISHED, PositionStatus.CLOSED, PositionStatus.PENDING):
                messages.warning(request, _("已保存。修改后的岗位需要再度发布才能被实习生选择申请"))
            else:
                messages.success(request, _("已保存"))
            return redirect("internships:position_detail", pk=position.pk)
    return _render_form(request, form, position)


@require_POST
@permission_required_403(HOST)
def position_checklist(request, pk=None):
    """The live checklist (htmx): the form's current values checked, nothing written."""
    _require_enterprise(request)
    position = get_own_position(request.user, pk) if pk is not None else None
    form = PositionForm(request.POST, request.FILES, has_exemption=bool(position and position.exemption_id))
    checks = _form_checks(request, form, position)
    return render(request, "internships/positions/_checklist.html", {"checks": checks, "live": True})


@require_POST
@permission_required_403(HOST)
def position_publish(request, pk):
    position = get_own_position(request.user, pk)
    try:
        position = services.publish_position(position=position, actor=request.user)
    except services.PublishRefused as refusal:
        messages.error(request, refusal.messages[0])
        return _render_detail(request, position, refused_checks=refusal.checks)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    except PermissionDenied as error:  # the review engine's: the actor may not submit for the enterprise
        messages.error(request, str(error) or _("您无权提交该岗位审核"))
    else:
        if position.status == PositionStatus.PENDING:
            messages.success(request, _("岗位已提交教育部门审核，审核通过后发布"))
        else:
            messages.success(request, _("岗位已发布，学生可以报名"))
    return redirect("internships:position_detail", pk=position.pk)


@require_POST
@permission_required_403(HOST)
def position_close(request, pk):
    position = get_own_position(request.user, pk)
    try:
        services.close_position(position=position, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("岗位已关闭"))
    return redirect("internships:position_detail", pk=position.pk)


@require_POST
@permission_required_403(HOST)
def position_delete(request, pk):
    position = get_own_position(request.user, pk)
    try:
        services.delete_position(position=position, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("internships:position_detail", pk=position.pk)
    messages.success(request, _("岗位“%(title)s”已删除") % {"title": position.title})
    return redirect(LIST)


def _render_detail(request, position, refused_checks=None):
    own = may_manage_positions(request.user) and request.user.organisation_id == position.enterprise_id
    sees_checks = own or not (position.status == PositionStatus.PUBLISHED and _is_pool_reader(request.user,
                                                                                                 position))
    if refused_checks is not None:
        checks = refused_checks
    elif own and position.status in (PositionStatus.DRAFT, PositionStatus.RETURNED, PositionStatus.CLOSED):
        checks = check_position(position, profile=profile_of(position.enterprise), today=timezone.localdate())
    else:
        checks = from_snapshot(position.compliance)
    return render(request, "internships/positions/detail.html", {
        "position": position, "own": own, "checks": checks if sees_checks else None,
        "refused": refused_checks is not None, "blocking": blocking_failures(checks) if checks else [],
        "review": latest_review_for(position) if sees_checks else None,
        "history": history_for_subject(position) if sees_checks else [],
        "events": events_for(position) if own else [],
        **(_actions(position) if own else {}),
    })


def _is_pool_reader(user, position) -> bool:
    """A school or student reading a published position of its pool: they see the offer, not the checklist."""
    scope = scope_for(user, PROGRAMME)
    return not (scope.everything or scope.region is not None)


@require_GET
@login_required
def position_detail(request, pk):
    position = get_position_for_user(request.user, pk)
    return _render_detail(request, position)
