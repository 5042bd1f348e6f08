"""离岗: registered by the unit, or asked for by the trainee (我的见习) and answered by the unit; the 解除见习协议证明
generated as a PDF, its stamped scan uploaded, then HR review. Also the trainee's own page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.services import record
from core.decorators import permission_required_403
from printing.pdf import own_document, render_pdf
from reviews.selectors import history_for_subject, latest_review_for
from traineeships.forms.placements import (
    AnswerForm,
    DepartureAnswerForm,
    DepartureForm,
    DepartureRequestForm,
    UploadForm,
)
from traineeships.models import DepartureStatus, PlacementStatus
from traineeships.rules import MANAGE_BASE as PERMISSION
from traineeships.selectors import (
    get_departure_for_user,
    get_unit_departure,
    get_unit_placement,
    may_open_profiles,
    placement_of_person,
    refusal_of,
    scan_replaced_since,
)
from traineeships.services import departures as services
from traineeships.views.placements import pdf_response


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def departure_create(request, pk):
    """离岗登记 by the unit."""
    placement = get_unit_placement(request.user, pk)
    if placement.status != PlacementStatus.ON_POST:
        messages.error(request, _("只有在岗人员可以办理离岗（当前：%(status)s）")
                       % {"status": placement.get_status_display()})
        return redirect("traineeships:placement_detail", pk=placement.pk)
    form = DepartureForm(request.POST or None, initial={"left_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            departure = services.register_departure(placement=placement, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已登记离岗，请下载解除见习协议证明，盖章后上传扫描件并提交审核"))
            return redirect("traineeships:departure_detail", pk=departure.pk)
    return render(request, "traineeships/placements/departure_form.html", {"form": form, "placement": placement})


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def departure_edit(request, pk):
    departure = get_unit_departure(request.user, pk)
    if not departure.is_editable:
        messages.error(request, _("离岗登记当前状态为“%(status)s”，不能修改")
                       % {"status": departure.get_status_display()})
        return redirect("traineeships:departure_detail", pk=departure.pk)
    form = DepartureForm(request.POST or None, initial={"left_on": departure.left_on, "reason": departure.reason,
                                                        "note": departure.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_departure(departure=departure, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已保存。请重新下载解除见习协议证明盖章后上传"))
            return redirect("traineeships:departure_detail", pk=departure.pk)
    return render(request, "traineeships/placements/departure_form.html",
                  {"form": form, "placement": departure.placement, "departure": departure})


@require_GET
@login_required
def departure_detail(request, pk):
    """The departure's record (the termination review's subject page): the generated certificate and the
    uploaded scan side by side."""
    departure = get_departure_for_user(request.user, pk)
    placement = departure.placement
    own = request.user.organisation_id == placement.base.organisation_id and request.user.has_perm(PERMISSION)
    refusal = refusal_of(departure)
    scan_replaced = scan_replaced_since(departure.certificate_scan, refusal)
    return render(request, "traineeships/placements/departure_detail.html", {
        "departure": departure, "placement": placement, "review": latest_review_for(departure),
        "history": history_for_subject(departure), "own": own,
        "refusal": refusal, "scan_replaced": refusal is not None and scan_replaced,
        "may_open_profiles": may_open_profiles(request.user, placement),
        "can_edit": own and departure.is_editable,
        # After a return or a rejection, 重新提交 waits for a scan uploaded since that decision.
        "can_submit": own and departure.is_editable and departure.certificate_scan_id is not None and scan_replaced,
        "can_answer": own and departure.status == DepartureStatus.REQUESTED,
        "upload_form": UploadForm(purpose=services.TERMINATION_PURPOSE), "answer_form": AnswerForm(),
    })


def print_certificate(user, departure) -> bytes:
    """The 解除见习协议证明 PDF of a departure fetched through get_departure_for_user (screen and API)."""
    pdf = render_pdf("traineeships/placements/print/termination.html", {
        "d": departure, "p": departure.placement, "organisation": departure.placement.base.organisation,
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}",
    }, **own_document(user, departure.placement.person_id))
    record(actor=user, action="traineeships.certificate_printed", target=departure)
    return pdf


@require_GET
@login_required
@xframe_options_sameorigin  # shown in the side-by-side frame of the review page
def certificate_pdf(request, pk):
    departure = get_departure_for_user(request.user, pk)
    return pdf_response(print_certificate(request.user, departure),
                        f"解除见习协议证明-{departure.placement.person.real_name}.pdf")


def _unit_action(request, pk, action, success: str):
    departure = get_unit_departure(request.user, pk)
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    try:
        action(departure)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, success)
    return redirect("traineeships:departure_detail", pk=departure.pk)


@require_POST
@permission_required_403(PERMISSION)
def departure_upload(request, pk):
    form = UploadForm(request.POST, request.FILES, purpose=services.TERMINATION_PURPOSE)
    if not form.is_valid():
        get_unit_departure(request.user, pk)
        messages.error(request, "；".join(form.errors["file"]))
        return redirect("traineeships:departure_detail", pk=pk)
    return _unit_action(request, pk, lambda departure: services.attach_certificate(
        departure=departure, actor=request.user, uploaded_file=form.cleaned_data["file"]),
        _("解除见习协议证明扫描件已上传"))


@require_POST
@permission_required_403(PERMISSION)
def departure_submit(request, pk):
    return _unit_action(request, pk, lambda departure: services.submit_departure(
        departure=departure, actor=request.user), _("离岗已提交人社部门审核"))


@require_POST
@permission_required_403(PERMISSION)
def departure_cancel(request, pk):
    return _unit_action(request, pk, lambda departure: services.cancel_departure(
        departure=departure, actor=request.user), _("已撤销离岗登记，该人员继续在岗"))


@require_POST
@permission_required_403(PERMISSION)
def departure_answer(request, pk):
    form = DepartureAnswerForm(request.POST)
    if not form.is_valid():
        get_unit_departure(request.user, pk)
        messages.error(request, form.first_error())
        return redirect("traineeships:departure_detail", pk=pk)
    agree = form.cleaned_data["decision"] == "agree"
    reply = form.cleaned_data["reply"]
    return _unit_action(request, pk, lambda departure: services.answer_request(
        departure=departure, actor=request.user, agree=agree, reply=reply),
        _("已同意离岗申请，请继续办理离岗手续") if agree else _("已答复：不同意离岗"))


# ---------------------------------------------------------------- the trainee's side


def _require_individual(user) -> None:
    if user.organisation_id is not None:
        raise PermissionDenied


@require_GET
@login_required
def my_placement(request):
    """我的见习: the person's registration, on-post status, departures, and 申请离岗."""
    _require_individual(request.user)
    placement = placement_of_person(request.user)
    departures = list(placement.departures.order_by("-created_at", "-id")) if placement else []
    can_request = (placement is not None and placement.status == PlacementStatus.ON_POST
                   and not any(d.status in ("requested", "registered", "pending", "returned", "rejected")
                               for d in departures))
    return render(request, "traineeships/placements/mine.html", {
        "placement": placement, "departures": departures, "can_request": can_request,
        "form": DepartureRequestForm(initial={"left_on": timezone.localdate()}),
    })


@require_POST
@login_required
def my_departure_request(request):
    _require_individual(request.user)
    placement = placement_of_person(request.user)
    form = DepartureRequestForm(request.POST)
    if placement is not None and form.is_valid():
        try:
            services.request_departure(placement=placement, actor=request.user,
                                       left_on=form.cleaned_data["left_on"], note=form.cleaned_data["note"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("离岗申请已提交，等待单位确认"))
            return redirect("traineeships:my_placement")
    elif placement is None:
        messages.error(request, _("您还没有见习登记"))
        return redirect("traineeships:my_placement")
    departures = list(placement.departures.order_by("-created_at", "-id"))
    return render(request, "traineeships/placements/mine.html", {
        "placement": placement, "departures": departures, "can_request": True, "form": form}, status=200)


@require_POST
@login_required
def my_departure_withdraw(request, pk):
    _require_individual(request.user)
    departure = get_departure_for_user(request.user, pk)
    try:
        services.withdraw_request(departure=departure, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("已撤回离岗申请"))
    return redirect("traineeships:my_placement")
