"""录用上岗登记 and the 就业见习协议 (the unit's screens and the record page reviewers open), 留用登记 (留用 or
未留用, within the registration period after the end)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.services import record
from core.decorators import permission_required_403
from core.paging import COUNT_CAP, paginate
from printing.pdf import own_document, render_pdf
from reviews.selectors import history_for_subject, latest_review_for
from traineeships.forms.placements import PlacementFilterForm, RetentionForm, TermsForm, UploadForm, terms_initial
from traineeships.models import ENDED_STATUSES, PlacementStatus
from traineeships.rules import MANAGE_BASE as PERMISSION
from traineeships.selectors import (
    approved_applications_for_unit,
    filter_placements,
    get_onboardable_application,
    get_placement_for_user,
    get_unit_placement,
    may_open_profiles,
    placements_for_unit,
    refusal_of,
    scan_replaced_since,
)
from traineeships.services import placements as services
from traineeships.services.applications import onboard_by


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


@require_GET
@permission_required_403(PERMISSION)
def placement_list(request):
    """上岗人员管理: the approved applicants waiting for registration, and every registration of the unit."""
    form = PlacementFilterForm(request.GET)
    filters, placements = form.filters(), placements_for_unit(request.user)
    placements = placements.none() if filters is None else filter_placements(placements, **filters)
    # By keys: a deep page (OFFSET 10,000) walks the index for the keys alone, not joining five tables for each.
    context = paginate(request, placements, cap=COUNT_CAP, by_keys=True)
    waiting = list(approved_applications_for_unit(request.user).select_related("post__work_region")[:50])
    deadlines = {}  # one parameter lookup per work region and approval day, not one per row
    for application in waiting:
        key = (application.post.work_region_id, timezone.localdate(application.decided_at)
               if application.decided_at else None)
        if key not in deadlines:
            deadlines[key] = onboard_by(application)
        application.onboard_by = deadlines[key]
    context.update(form=form, waiting=waiting, export_query=request.GET.urlencode())
    return render(request, "traineeships/placements/list.html", context)


def _render_terms(request, form, *, application=None, placement=None, status=200):
    return render(request, "traineeships/placements/form.html",
                  {"form": form, "application": application, "placement": placement}, status=status)


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def placement_create(request, application_pk):
    """录用上岗登记 from an approved application."""
    application = get_onboardable_application(request.user, application_pk)
    problem = services.onboardable(application)
    if problem:
        messages.error(request, problem)
        return redirect("traineeships:placements")
    post = application.post
    if request.method == "GET":
        initial = {"monthly_allowance": post.monthly_allowance}
        return _render_terms(request, TermsForm(post=post, initial=initial), application=application)
    form = TermsForm(request.POST, post=post)
    if form.is_valid():
        try:
            placement = services.onboard(application=application, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已登记上岗，请下载见习协议，双方签字盖章后上传扫描件并提交审核"))
            return redirect("traineeships:placement_detail", pk=placement.pk)
    return _render_terms(request, form, application=application)


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def placement_edit(request, pk):
    placement = get_unit_placement(request.user, pk)
    try:
        services.check_editable(placement)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("traineeships:placement_detail", pk=placement.pk)
    if request.method == "GET":
        return _render_terms(request, TermsForm(post=placement.post, placement=placement,
                                                initial=terms_initial(placement)),
                             placement=placement)
    form = TermsForm(request.POST, post=placement.post, placement=placement)
    if form.is_valid():
        try:
            services.update_terms(placement=placement, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已保存。登记内容已变化，请重新下载见习协议签字盖章后上传"))
            return redirect("traineeships:placement_detail", pk=placement.pk)
    return _render_terms(request, form, placement=placement)


def _own_actions(user, placement, refusal) -> dict:
    own = user.organisation_id == placement.base.organisation_id and user.has_perm(PERMISSION)
    editable = own and placement.status in services.EDITABLE_PLACEMENT_STATUSES
    retention_open = own and services.retention_open(placement, timezone.localdate())
    return {
        "own": own,
        "can_edit": editable,
        "can_upload": editable,
        # After a return or a rejection, 重新提交 waits for a scan uploaded since that decision.
        "can_submit": editable and placement.agreement_scan_id is not None
                      and scan_replaced_since(placement.agreement_scan, refusal),
        "can_cancel": editable,
        "can_leave": own and placement.status == PlacementStatus.ON_POST,
        "can_retain": retention_open,
        "can_register_not_retained": retention_open and placement.status in ENDED_STATUSES,
    }


@require_GET
@login_required
def placement_detail(request, pk):
    """The registration's record: the generated agreement and the uploaded scan side by side."""
    placement = get_placement_for_user(request.user, pk)
    refusal = refusal_of(placement)
    context = {
        "placement": placement, "review": latest_review_for(placement), "history": history_for_subject(placement),
        "refusal": refusal, "scan_replaced": refusal is not None and scan_replaced_since(placement.agreement_scan,
                                                                                          refusal),
        "may_open_profiles": may_open_profiles(request.user, placement),
        "departures": placement.departures.select_related("certificate_scan").order_by("-created_at", "-id"),
        "upload_form": UploadForm(purpose=services.AGREEMENT_PURPOSE),
        "retention_form": RetentionForm(initial={"retained_on": placement.retained_on,
                                                 "contract": placement.retention_contract}),
        "ended": placement.status in ENDED_STATUSES,
        **_own_actions(request.user, placement, refusal),
    }
    return render(request, "traineeships/placements/detail.html", context)


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


def print_agreement(user, placement) -> bytes:
    """The 就业见习协议 PDF of a placement fetched through get_placement_for_user (screen and API)."""
    pdf = render_pdf("traineeships/placements/print/agreement.html", {
        "p": placement, "organisation": placement.base.organisation,
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}",
    }, **own_document(user, placement.person_id))
    record(actor=user, action="traineeships.agreement_printed", target=placement)
    return pdf


@require_GET
@login_required
@xframe_options_sameorigin  # shown in the side-by-side frame of the review page
def agreement_pdf(request, pk):
    """就业见习协议, generated from the registration's data, with both parties' signature and stamp boxes."""
    placement = get_placement_for_user(request.user, pk)
    return pdf_response(print_agreement(request.user, placement), f"就业见习协议-{placement.person.real_name}.pdf")


@require_POST
@permission_required_403(PERMISSION)
def placement_upload(request, pk):
    placement = get_unit_placement(request.user, pk)
    form = UploadForm(request.POST, request.FILES, purpose=services.AGREEMENT_PURPOSE)
    if form.is_valid():
        try:
            services.attach_agreement(placement=placement, actor=request.user, uploaded_file=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("见习协议扫描件已上传：%(name)s") % {"name": placement.person.real_name})
    else:
        messages.error(request, "；".join(message for errors in form.errors.values() for message in errors))
    if form.cleaned_data.get("return_to") == "drafts":
        # 逐条上传 on the list of 匹配结果 waiting for their scans: back to that list.
        return redirect("traineeships:match_drafts")
    return redirect("traineeships:placement_detail", pk=placement.pk)


@require_POST
@permission_required_403(PERMISSION)
def placement_submit(request, pk):
    placement = get_unit_placement(request.user, pk)
    try:
        services.submit_agreement(placement=placement, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("见习协议已提交人社部门审核"))
    return redirect("traineeships:placement_detail", pk=placement.pk)


@require_POST
@permission_required_403(PERMISSION)
def placement_cancel(request, pk):
    placement = get_unit_placement(request.user, pk)
    try:
        services.cancel_placement(placement=placement, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("traineeships:placement_detail", pk=placement.pk)
    messages.success(request, _("已撤销上岗登记"))
    return redirect("traineeships:placements")


@require_POST
@permission_required_403(PERMISSION)
def placement_retain(request, pk):
    """留用登记: the unit hires the trainee."""
    placement = get_unit_placement(request.user, pk)
    form = RetentionForm(request.POST)
    if form.is_valid():
        try:
            services.register_retention(placement=placement, actor=request.user,
                                        retained_on=form.cleaned_data["retained_on"],
                                        contract=form.cleaned_data["contract"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("已登记留用"))
    else:
        messages.error(request, "；".join(message for errors in form.errors.values() for message in errors))
    return redirect("traineeships:placement_detail", pk=placement.pk)


@require_POST
@permission_required_403(PERMISSION)
def placement_not_retained(request, pk):
    """未留用: the unit says it did not hire the trainee after the end (within the registration period)."""
    placement = get_unit_placement(request.user, pk)
    try:
        services.register_not_retained(placement=placement, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("已登记未留用"))
    return redirect("traineeships:placement_detail", pk=placement.pk)
