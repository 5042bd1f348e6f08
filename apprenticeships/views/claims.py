"""企业新型学徒制培训补贴 (manual 003 §3.2.3): 立即办理 (承诺书 + stage), the claim page (单位基本信息, 人员信息 with
the computed roster and the self-check, 上传附件, 提交审核), 办理结果 with its actions, the PDFs (申请表, 花名册) and
the city's 拨付登记. The .xlsx roster is the batch export "apprenticeship_claim_roster" (apprenticeships.exports)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apprenticeships import documents
from apprenticeships.forms.claims import (
    AddPeopleForm,
    AttachmentForm,
    BasicsForm,
    ClaimFilterForm,
    PaymentForm,
    StartForm,
)
from apprenticeships.models import ClaimDetails, ClaimMaterial, ClaimPerson
from apprenticeships.registration.claims import may_pay
from apprenticeships.rules import CLAIM_COMMITMENT_VERSION, may_claim
from apprenticeships.selectors.claims import apprenticeship_claims_for_user, get_apprenticeship_claim_for_user
from apprenticeships.services import claims as services
from apprenticeships.services.claims import self_check
from apprenticeships.services.roster import roster
from claims import services as claim_services
from claims.models import ClaimStatus
from core.paging import paginate
from reviews.selectors import history_for_subject, latest_review_for
from timeline.selectors import events_for

IMPORT_KEY = "apprenticeship_claim_people"
EXPORT_KEY = "apprenticeship_claim_roster"


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


def _claimer(user) -> None:
    if not may_claim(user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
@login_required
def claim_new(request):
    """立即办理: 确认承诺书 and the stage (预支 or 清算), then the claim page."""
    _claimer(request.user)
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claim = services.start_claim(organisation=request.user.organisation, actor=request.user,
                                         stage=form.cleaned_data["stage"],
                                         commitment_accepted=form.cleaned_data["commitment"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已创建申领 %(number)s，请填写单位基本信息") % {"number": claim.number})
            return redirect("apprenticeships:claim_edit", pk=claim.pk)
    return render(request, "apprenticeships/claims/new.html", {
        "form": form, "version": CLAIM_COMMITMENT_VERSION})


@require_GET
@login_required
def claim_list(request):
    """办理结果: the enterprise's claims, filtered by number, stage, status and month."""
    _claimer(request.user)
    form = ClaimFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        messages.error(request, _("查询条件有误：%(errors)s") % {
            "errors": "；".join(str(error) for errors in form.errors.values() for error in errors)})
    claims = form.filter(apprenticeship_claims_for_user(request.user)
                         .filter(organisation_id=request.user.organisation_id)).order_by("-created_at", "-id")
    page = paginate(request, claims)
    reviews = {claim.pk: latest_review_for(claim) for claim in page["page_obj"]}
    rows = [{"claim": claim, "editable": services.is_editable(claim),
             "deletable": claim.status == ClaimStatus.DRAFT and reviews[claim.pk] is None,
             "withdrawable": _withdrawable(claim, reviews[claim.pk])} for claim in page["page_obj"]]
    return render(request, "apprenticeships/claims/list.html", {"form": form, "rows": rows, **page})


def _withdrawable(claim, review) -> bool:
    return (claim.status == ClaimStatus.SUBMITTED and review is not None
            and not review.steps.exclude(decided_at__isnull=True).exists())


def _context(request, claim, **forms) -> dict:
    user = request.user
    own = services.may_file(user, claim.organisation)
    editable = own and services.is_editable(claim)
    review = latest_review_for(claim)
    details = ClaimDetails.objects.filter(claim=claim).first()
    lines = roster(claim)
    history = list(history_for_subject(claim))
    refusal = next((event for event in reversed(history) if event.action in ("returned", "rejected")), None)
    return {
        "claim": claim, "details": details, "own": own, "editable": editable, "review": review,
        "lines": lines, "checks": self_check(claim, lines), "claim_lines": claim.lines.order_by("position", "id"),
        "materials": claim.apprenticeship_materials.select_related("attachment"),
        "basics_form": forms.get("basics_form") or BasicsForm(initial={
            name: getattr(details, name) for name in services.BASICS_FIELDS} if details else None),
        "add_form": forms.get("add_form") or (AddPeopleForm(claim=claim) if editable else None),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "pay_form": forms.get("pay_form") or PaymentForm(),
        "can_pay": claim.status == ClaimStatus.APPROVED and may_pay(user, claim),
        "can_delete": own and claim.status == ClaimStatus.DRAFT and review is None,
        "can_withdraw": own and _withdrawable(claim, review),
        "problems": services.submission_problems(claim) if editable else [],
        "history": history, "events": events_for(claim),
        "refusal": refusal if claim.status in (ClaimStatus.RETURNED, ClaimStatus.REJECTED) else None,
        "import_key": IMPORT_KEY, "export_key": EXPORT_KEY,
    }


@require_GET
@login_required
def claim_edit(request, pk):
    """The claim page (【进入处理】): editable by the enterprise while 未提交/退回, read-only otherwise."""
    claim = get_apprenticeship_claim_for_user(request.user, pk)
    return render(request, "apprenticeships/claims/edit.html", _context(request, claim))


def _own_claim(request, pk):
    claim = get_apprenticeship_claim_for_user(request.user, pk)
    if not services.may_file(request.user, claim.organisation):
        raise PermissionDenied
    return claim


def _claim_id_of(model, pk) -> int:
    claim_id = model.objects.filter(pk=pk).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise Http404
    return claim_id


def _back(claim):
    return redirect("apprenticeships:claim_edit", pk=claim.pk)


def _form_post(request, claim, form, call, *, key: str):
    """A POST of one of the claim page's forms (`key` in the page's context): when valid, `call(data)` returns the
    success message and the user is back on the claim; otherwise the page shows the form's errors (a service's
    ValidationError among them)."""
    if form.is_valid():
        try:
            message = call(form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, message)
            return _back(claim)
    return render(request, "apprenticeships/claims/edit.html", _context(request, claim, **{key: form}))


@require_POST
@login_required
def claim_basics(request, pk):
    claim = _own_claim(request, pk)

    def save(data):
        services.save_basics(claim=claim, actor=request.user, **data)
        return _("单位基本信息已保存")

    return _form_post(request, claim, BasicsForm(request.POST), save, key="basics_form")


@require_POST
@login_required
def claim_people_add(request, pk):
    claim = _own_claim(request, pk)

    def add(data):
        added, _unchanged = services.add_people(claim=claim, actor=request.user, trainees=list(data["trainees"]))
        return _("已添加 %(count)s 人") % {"count": added}

    return _form_post(request, claim, AddPeopleForm(request.POST, claim=claim), add, key="add_form")


def _action(request, claim, action, success: str, *, to_list: bool = False):
    try:
        action()
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return _back(claim)
    except PermissionDenied as error:  # e.g. the review engine: a sub-admin without 提交审核 (reviews.submit)
        messages.error(request, str(error) or _("您无权进行此操作"))
        return _back(claim)
    messages.success(request, success)
    return redirect("apprenticeships:claims") if to_list else _back(claim)


@require_POST
@login_required
def claim_person_remove(request, pk):
    """移除 a person (pk: the ClaimPerson), checked through the claim's access rule."""
    claim = _own_claim(request, _claim_id_of(ClaimPerson, pk))
    return _action(request, claim, lambda: services.remove_person(claim=claim, actor=request.user, entry_id=pk),
                   _("已移除该人员"))


@require_POST
@login_required
def claim_attachment_add(request, pk):
    claim = _own_claim(request, pk)

    def add(data):
        services.add_attachment(claim=claim, actor=request.user, uploaded_file=data["file"])
        return _("附件已上传")

    return _form_post(request, claim, AttachmentForm(request.POST, request.FILES), add, key="attachment_form")


@require_POST
@login_required
def claim_attachment_remove(request, pk):
    """删除 an attachment (pk: the ClaimMaterial), checked through the claim's access rule."""
    claim = _own_claim(request, _claim_id_of(ClaimMaterial, pk))
    return _action(request, claim, lambda: services.remove_attachment(claim=claim, actor=request.user,
                                                                      material_id=pk), _("附件已删除"))


@require_POST
@login_required
def claim_submit(request, pk):
    claim = _own_claim(request, pk)
    return _action(request, claim, lambda: services.submit(claim=claim, actor=request.user),
                   _("申领已提交，等待县级人社部门审核"))


@require_POST
@login_required
def claim_withdraw(request, pk):
    """取消申请 while 待审核 and undecided: the claim is a draft again."""
    claim = _own_claim(request, pk)
    return _action(request, claim, lambda: claim_services.withdraw_claim(claim=claim, actor=request.user),
                   _("已取消申请，申领恢复为未提交"))


@require_POST
@login_required
def claim_delete(request, pk):
    claim = _own_claim(request, pk)
    return _action(request, claim, lambda: claim_services.delete_claim(claim=claim, actor=request.user),
                   _("已删除申领"), to_list=True)


@require_POST
@login_required
def claim_pay(request, pk):
    """拨付登记 by the city."""
    claim = get_apprenticeship_claim_for_user(request.user, pk)
    if not may_pay(request.user, claim):
        raise PermissionDenied

    def pay(data):
        claim_services.mark_paid(claim=claim, actor=request.user, **data)
        return _("已登记拨付")

    return _form_post(request, claim, PaymentForm(request.POST), pay, key="pay_form")


def _printable(request, pk):
    claim = get_apprenticeship_claim_for_user(request.user, pk)
    if claim.status == ClaimStatus.DRAFT and claim.submitted_at is None:
        raise PermissionDenied
    return claim


def _pdf(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def claim_pdf(request, pk):
    """【下载申请表】 once submitted."""
    claim = _printable(request, pk)
    pdf = documents.claim_form_pdf(claim, reader=request.user)
    claim_services.record_output(claim=claim, actor=request.user, what="printed")
    return _pdf(pdf, f"学徒制培训补贴申请表-{claim.number}.pdf")


@require_GET
@login_required
def claim_roster_pdf(request, pk):
    """【下载花名册】 once submitted: the frozen lines with their explanations."""
    claim = _printable(request, pk)
    pdf = documents.claim_roster_pdf(claim, reader=request.user)
    claim_services.record_output(claim=claim, actor=request.user, what="printed")
    return _pdf(pdf, f"学徒制培训补贴花名册-{claim.number}.pdf")

