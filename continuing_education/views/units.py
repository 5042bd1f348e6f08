"""Joining a unit (a person), 待审核的专技人员 and 调离 (the unit), 用人单位 (the departments). The writes are
organisations.staff_links' services; objects come through selectors.units, scoped by the programme's rule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from continuing_education.forms.units import (
    BatchApproveForm,
    JoinForm,
    ReasonForm,
    StaffRequestFilterForm,
    UnitFilterForm,
    UnitSearchForm,
)
from continuing_education.selectors import units as selectors
from core.paging import paginate
from organisations import staff_links
from organisations.models import StaffLink
from verification.unit_registration import may_register_unit


def _require_joiner(request):
    if not staff_links.may_join(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    """加入单位: the person's current link and history, a search, 申请加入."""
    _require_joiner(request)
    search = UnitSearchForm(request.GET or None)
    found = selectors.search_units(search.cleaned_data["q"]) if search.is_valid() else []
    form = JoinForm(request.POST or None, units=selectors.joinable_units())
    if request.method == "POST" and form.is_valid():
        try:
            member = staff_links.request_join(actor=request.user, organisation=form.cleaned_data["organisation"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("已向%(unit)s提交加入申请，请等待单位管理员审核")
                             % {"unit": member.organisation.name})
        return redirect("continuing_education:join")
    if request.method == "POST":
        messages.error(request, " ".join(form.errors["organisation"]))
        return redirect("continuing_education:join")
    context = {"search": search, "found": found, "current": staff_links.current_link(request.user),
               "history": staff_links.links_of(request.user)[:10],
               # The way to 注册用人单位 when the person's unit is not on the platform yet (no other page links it).
               "may_register_unit": may_register_unit(request.user)}
    return render(request, "continuing_education/units/join.html", context)


@login_required
@require_POST
def join_cancel(request):
    _require_joiner(request)
    try:
        member = staff_links.cancel_request(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("已撤回加入%(unit)s的申请") % {"unit": member.organisation.name})
    return redirect("continuing_education:join")


def _require_link_manager(request):
    user = request.user
    if user.organisation_id is None or not staff_links.may_manage_links(user, user.organisation):
        raise PermissionDenied


@login_required
@require_GET
def staff_requests(request):
    """待审核的专技人员 (and, by 状态, the unit's linked, rejected and departed people)."""
    _require_link_manager(request)
    filter_form = StaffRequestFilterForm(request.GET or None)
    filters = filter_form.filters()
    rows = selectors.own_unit_links(request.user, **filters)
    context = {"filter_form": filter_form, "status": filters["status"], **paginate(request, rows)}
    return render(request, "continuing_education/units/staff_requests.html", context)


def _member_for_manager(request, pk):
    member = selectors.get_staff_link_for_user(request.user, pk)  # 404 outside the rule
    if not staff_links.may_manage_links(request.user, member.organisation):
        raise PermissionDenied
    return member


@login_required
@require_POST
def staff_approve(request, pk):
    member = _member_for_manager(request, pk)
    try:
        staff_links.approve(actor=request.user, member=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("已通过%(name)s的加入申请") % {"name": member.name})
    return redirect("continuing_education:staff_requests")


@login_required
@require_POST
def staff_approve_batch(request):
    _require_link_manager(request)
    form = BatchApproveForm(request.POST, pending=selectors.pending_ids(request.user))
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["ids"]))
        return redirect("continuing_education:staff_requests")
    count = staff_links.approve_many(actor=request.user, organisation=request.user.organisation,
                                     pks=form.cleaned_data["ids"])
    messages.success(request, _("已通过 %(n)d 条加入申请") % {"n": count})
    return redirect("continuing_education:staff_requests")


def _reason_view(request, pk, *, service, label, required_message, title, done, status):
    member = _member_for_manager(request, pk)
    form = ReasonForm(request.POST or None, label=label, required_message=required_message)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, member=member, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, done % {"name": member.name})
            return redirect(f"{reverse('continuing_education:staff_requests')}?status={status}")
    return render(request, "continuing_education/units/reason.html",
                  {"form": form, "member": member, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def staff_reject(request, pk):
    return _reason_view(request, pk, service=staff_links.reject, label=_("不通过原因"),
                        required_message=_("请填写不通过的原因"), title=_("不通过加入申请"),
                        done=_("已退回%(name)s的加入申请"), status=StaffLink.REJECTED)


@login_required
@require_http_methods(["GET", "POST"])
def staff_end(request, pk):
    return _reason_view(request, pk, service=staff_links.end_link, label=_("调离原因"),
                        required_message=_("请填写调离原因"), title=_("调离"),
                        done=_("%(name)s已调离本单位"), status=StaffLink.ENDED)


def _require_department(request):
    if not selectors.may_see_units(request.user):
        raise PermissionDenied


@login_required
@require_GET
def units(request):
    """用人单位: the units filed with the department or in its scope."""
    _require_department(request)
    visible = selectors.units_for_user(request.user)
    filter_form = UnitFilterForm(request.GET or None, departments=selectors.hr_departments_in(visible))
    rows = selectors.filter_units(visible, filter_form.filters())
    return render(request, "continuing_education/units/units.html",
                  {"filter_form": filter_form, **paginate(request, rows)})


@login_required
@require_GET
def unit_detail(request, pk):
    unit = selectors.get_unit_for_user(request.user, pk)  # 404 outside the rule
    _require_department(request)
    return render(request, "continuing_education/units/unit_detail.html",
                  {"unit": unit, "counts": selectors.staff_counts(unit)})
