"""申请备案 (manual 003 §3.2.1.1: 确认承诺书, the type, the tabs 企业信息/备案信息, 培训机构情况, 培训信息, 上传材料 and
【提交审核】) and 办理结果 (§3.2.1.2: the list, 【进入处理】, 【删除】, 【撤回】, 【打印备案表】)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apprenticeships.documents import filing_form_pdf
from apprenticeships.forms.filing import (
    CommitmentForm,
    FilingFilterForm,
    InfoForm,
    InstitutionForm,
    MaterialForm,
    TrainingClassForm,
    TypeForm,
    class_initial,
)
from apprenticeships.models import FilingStatus
from apprenticeships.rules import COMMITMENT_VERSION, FILE, may_file
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.filing import filing_summary, get_own_filing, own_filings, training_class_of
from apprenticeships.services import filing as services
from core.decorators import permission_required_403
from core.paging import paginate
from reviews.forms import WithdrawReasonForm
from reviews.selectors import history_for_subject, latest_review_for

COMMITMENT_SESSION_KEY = "apprenticeship_commitment"
CLASS_IMPORT = "apprenticeship_class"


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


def _refuse_unless_filer(user) -> None:
    if not may_file(user):
        raise PermissionDenied


# ------------------------------------------------------------------------------------------ 申请备案


@require_http_methods(["GET", "POST"])
@permission_required_403(FILE)
def filing_new(request):
    """确认承诺书 first (kept in the session until the type is chosen), then the type: the draft is created."""
    user = request.user
    _refuse_unless_filer(user)
    accepted = request.session.get(COMMITMENT_SESSION_KEY)
    if accepted and (accepted.get("user") != user.pk or accepted.get("version") != COMMITMENT_VERSION):
        accepted = None
    if request.method == "POST" and request.POST.get("step") == "commitment":
        form = CommitmentForm(request.POST)
        if form.is_valid():
            request.session[COMMITMENT_SESSION_KEY] = {"user": user.pk, "version": COMMITMENT_VERSION,
                                                       "at": timezone.now().isoformat()}
            return redirect("apprenticeships:filing_new")
        return render(request, "apprenticeships/commitment.html", {"form": form, "version": COMMITMENT_VERSION})
    if not accepted:
        if request.method == "POST":
            messages.error(request, _("请先阅读并确认承诺书"))
        return render(request, "apprenticeships/commitment.html", {"form": CommitmentForm(),
                                                                   "version": COMMITMENT_VERSION})
    form = TypeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            filing = services.create_filing(
                organisation=user.organisation, actor=user,
                apprenticeship_type=form.cleaned_data["apprenticeship_type"],
                commitment_version=accepted["version"],
                commitment_accepted_at=datetime.datetime.fromisoformat(accepted["at"]))
        except ValidationError as error:
            form.bind_errors(error)
        else:
            request.session.pop(COMMITMENT_SESSION_KEY, None)
            messages.success(request, _("已创建备案 %(number)s，请逐项填写并保存各页签后提交审核")
                             % {"number": filing.number})
            return redirect("apprenticeships:filing_edit", pk=filing.pk)
    return render(request, "apprenticeships/filing/new.html", {"form": form, "accepted": accepted})


# ------------------------------------------------------------------------------------------ the tabs


def _tab(request, filing, template, active, status=200, **context):
    return render(request, f"apprenticeships/filing/{template}", {
        "filing": filing, "active": active, "editable": filing.is_editable, **context}, status=status)


def _refused_edit(request, filing, url_name):
    messages.error(request, _("备案当前状态为“%(status)s”，不能修改") % {"status": filing.get_status_display()})
    return redirect(url_name, pk=filing.pk)


def _save_tab(request, filing, form, save, *, message: str, url_name: str):
    """A POST of a tab's `form`: when valid, `save(data)`, then the tab again with `message`; None when the form
    stays (its errors, a service's ValidationError among them, beside the fields)."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, message)
            return redirect(url_name, pk=filing.pk)
    return None


def _errors_text(form) -> str:
    return "；".join(str(error) for errors in form.errors.values() for error in errors)


@require_http_methods(["GET", "POST"])
@login_required
def filing_edit(request, pk):
    """企业信息/备案信息: the enterprise's data (read-only), the type and the contact; 【提交审核】 below."""
    filing = get_own_filing(request.user, pk)
    today = timezone.localdate()
    if request.method == "POST":
        if not filing.is_editable:
            return _refused_edit(request, filing, "apprenticeships:filing_edit")
        form = InfoForm(request.POST)
        saved = _save_tab(request, filing, form, lambda data: services.save_info(
            filing=filing, actor=request.user, data=data, today=today),
            message=_("备案信息已保存"), url_name="apprenticeships:filing_edit")
        if saved is not None:
            return saved
    else:
        form = InfoForm(initial={"apprenticeship_type": filing.apprenticeship_type,
                                 "contact_name": filing.contact_name, "contact_phone": filing.contact_phone})
    problems = services.submission_problems(filing, today) if filing.is_editable else []
    return _tab(request, filing, "info.html", "info", form=form, organisation=filing.organisation,
                problems=problems)


@require_http_methods(["GET", "POST"])
@login_required
def filing_institution(request, pk):
    filing = get_own_filing(request.user, pk)
    if request.method == "POST":
        if not filing.is_editable:
            return _refused_edit(request, filing, "apprenticeships:filing_institution")
        form = InstitutionForm(request.POST)
        saved = _save_tab(request, filing, form, lambda data: services.save_institution(
            filing=filing, actor=request.user, institution=data["institution"],
            other_institution_name=data["other_institution_name"]),
            message=_("培训机构情况已保存"), url_name="apprenticeships:filing_institution")
        if saved is not None:
            return saved
    else:
        form = InstitutionForm(initial={"institution": filing.institution_id,
                                        "other_institution_name": filing.other_institution_name})
    return _tab(request, filing, "institution.html", "institution", form=form)


@require_http_methods(["GET", "POST"])
@login_required
def filing_class(request, pk):
    """培训信息: one per filing, added here or imported; edited here while the filing is editable."""
    filing = get_own_filing(request.user, pk)
    training_class = training_class_of(filing)
    if request.method == "POST":
        if not filing.is_editable:
            return _refused_edit(request, filing, "apprenticeships:filing_class")
        form = TrainingClassForm(request.POST, filing=filing)
        saved = _save_tab(request, filing, form, lambda data: services.save_class(
            filing=filing, actor=request.user, data=data, only_new=request.POST.get("new") == "1"),
            message=_("培训信息已保存"), url_name="apprenticeships:filing_class")
        if saved is not None:
            return saved
    else:
        form = TrainingClassForm(initial=class_initial(training_class) if training_class else None, filing=filing)
    return _tab(request, filing, "class.html", "class", form=form, training_class=training_class,
                import_key=CLASS_IMPORT)


@require_http_methods(["GET", "POST"])
@login_required
def filing_materials(request, pk):
    """上传材料: one file per material the type asks for; a new upload replaces the earlier one."""
    filing = get_own_filing(request.user, pk)
    form = None
    if request.method == "POST":
        if not filing.is_editable:
            return _refused_edit(request, filing, "apprenticeships:filing_materials")
        form = MaterialForm(request.POST, request.FILES, filing=filing)
        saved = _save_tab(request, filing, form, lambda data: services.store_material(
            filing=filing, actor=request.user, material=data["material"], uploaded_file=data["file"]),
            message=_("材料已上传"), url_name="apprenticeships:filing_materials")
        if saved is not None:
            return saved
        if form.errors:
            messages.error(request, _("上传失败：%(reason)s") % {"reason": _errors_text(form)})
    summary = filing_summary(filing)
    return _tab(request, filing, "materials.html", "materials", materials=summary["materials"], form=form)


@require_POST
@login_required
def filing_submit(request, pk):
    filing = get_own_filing(request.user, pk)
    try:
        services.submit_filing(filing=filing, actor=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("您无权提交该备案"))
        return redirect("apprenticeships:filing_edit", pk=filing.pk)
    except services.Incomplete:
        messages.error(request, _("备案信息不完整，未提交，请按下列提示补充后再提交"))
        return redirect("apprenticeships:filing_edit", pk=filing.pk)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("apprenticeships:filing_edit", pk=filing.pk)
    messages.success(request, _("已提交审核"))
    return redirect("apprenticeships:filing_detail", pk=filing.pk)


# ------------------------------------------------------------------------------------------ 办理结果


@require_GET
@permission_required_403(FILE)
def filing_list(request):
    _refuse_unless_filer(request.user)
    form = FilingFilterForm(request.GET or None)
    filings = own_filings(request.user)
    if request.GET and not form.is_valid():
        messages.error(request, _("查询条件有误：%(reason)s") % {"reason": _errors_text(form)})
    filings = form.filter(filings).select_related("training_class").order_by("-created_at", "-id")
    return render(request, "apprenticeships/filing/list.html", {"form": form, **paginate(request, filings)})


def _actions(user, filing) -> dict:
    own = may_file(user) and user.organisation_id == filing.organisation_id
    never_reviewed = latest_review_for(filing) is None
    return {
        "own": own,
        "can_edit": own and filing.is_editable,
        "can_delete": own and filing.is_editable and never_reviewed,
        "can_submit": own and filing.is_editable,
        "can_withdraw": own and services.undecided(filing),
        "can_print": filing.status in (FilingStatus.APPROVED, FilingStatus.CANCELLED),
    }


@require_GET
@login_required
def filing_detail(request, pk):
    """【进入处理】: everything of the filing read-only, the review history and the actions of its state."""
    filing = get_filing_for_user(request.user, pk)
    return render(request, "apprenticeships/filing/detail.html", {
        **filing_summary(filing), "history": history_for_subject(filing), "review": latest_review_for(filing),
        **_actions(request.user, filing)})


@require_POST
@login_required
def filing_withdraw(request, pk):
    filing = get_own_filing(request.user, pk)
    form = WithdrawReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error())
        return redirect("apprenticeships:filing_detail", pk=filing.pk)
    try:
        services.withdraw_filing(filing=filing, actor=request.user, reason=form.cleaned_data["reason"])
    except PermissionDenied as error:
        messages.error(request, str(error) or _("您无权撤回该备案"))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("已撤回，备案恢复为未提交"))
    return redirect("apprenticeships:filing_detail", pk=filing.pk)


@require_POST
@login_required
def filing_delete(request, pk):
    filing = get_own_filing(request.user, pk)
    try:
        services.delete_filing(filing=filing, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("apprenticeships:filing_detail", pk=filing.pk)
    messages.success(request, _("备案 %(number)s 已删除") % {"number": filing.number})
    return redirect("apprenticeships:filings")


@require_GET
@login_required
def filing_print(request, pk):
    """【打印备案表】: the approved data as a PDF."""
    filing = get_filing_for_user(request.user, pk)
    if filing.status not in (FilingStatus.APPROVED, FilingStatus.CANCELLED):
        messages.error(request, _("备案审核通过后才能打印备案表"))
        return redirect("apprenticeships:filing_detail", pk=filing.pk)
    pdf = filing_form_pdf(filing, reader=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False,
                                                                 filename=f"学徒制培训备案表-{filing.number}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response
