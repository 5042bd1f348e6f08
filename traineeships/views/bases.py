"""The unit's 见习基地申请 (manual 002 §二–三, manual 001 §1.1) and the base's record page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.services import record
from core.decorators import permission_required_403
from organisations.selectors import get_own_organisation
from printing.pdf import own_organisation_document, render_pdf
from reviews.forms import WithdrawReasonForm
from reviews.models import ReviewStatus
from reviews.selectors import history_for_subject, latest_review_for
from traineeships.forms.bases import BaseApplicationForm, FileSlotForm, MajorDemandFormSet, demand_initial
from traineeships.rules import MANAGE_BASE as PERMISSION
from traineeships.selectors import get_base_for_user, get_own_base
from traineeships.services import bases as services
from traineeships.services.bases import FILE_SLOTS, can_file, missing_files


def file_slots(organisation, base, errors=None) -> list[dict]:
    """The three uploads of 档案资料上传 with whether each is done."""
    errors = errors or {}
    slots = [{
        "key": "business_licence", "label": _("营业执照"), "attachment": organisation.business_licence,
        "from_profile": True, "form": None, "errors": [],
    }]
    for key, purpose in FILE_SLOTS.items():
        slots.append({
            "key": key, "label": {"rules_file": _("就业见习管理制度"), "certificate_file": _("单位证件")}[key],
            "attachment": getattr(base, key) if base is not None else None, "from_profile": False,
            "form": FileSlotForm(purpose=purpose, prefix=key), "errors": errors.get(key, []),
        })
    return slots


def _form_context(request, organisation, base, form, formset, **extra) -> dict:
    missing = missing_files(base, organisation)
    review = latest_review_for(base) if base is not None else None
    return {
        "organisation": organisation, "base": base, "form": form, "formset": formset,
        "slots": file_slots(organisation, base), "missing": missing,
        "can_submit": not missing and organisation.is_verified,
        "review": review,
        "last_reason": _last_reason(review),
        "history": history_for_subject(base) if base is not None else [],
        **extra,
    }


def _last_reason(review) -> str:
    if review is None or review.status not in (ReviewStatus.RETURNED, ReviewStatus.REJECTED):
        return ""
    step = review.steps.exclude(decided_at__isnull=True).order_by("-position").first()
    return step.reason if step else ""


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def base_form(request):
    organisation = get_own_organisation(request.user)
    base = get_own_base(request.user)
    if base is not None and not base.is_editable:
        return redirect("traineeships:base_detail", pk=base.pk)
    if request.method == "GET":
        initial = {"introduction": organisation.introduction, "bank_account_name": organisation.name}
        if base is not None:
            initial = {name: getattr(base, name) for name in services.BASE_FIELDS if name != "major_demands"}
        form = BaseApplicationForm(initial=initial, organisation=organisation)
        formset = MajorDemandFormSet(initial=demand_initial(base), prefix="demands")
        return render(request, "traineeships/base/form.html", _form_context(request, organisation, base, form,
                                                                              formset))
    form = BaseApplicationForm(request.POST, organisation=organisation)
    formset = MajorDemandFormSet(request.POST, initial=demand_initial(base), prefix="demands")
    submitting = "submit" in request.POST
    if form.is_valid() and formset.is_valid():
        data = form.to_data(formset.rows())
        try:
            if submitting:
                base = services.submit_base(organisation=organisation, actor=request.user, data=data)
            else:
                base = services.save_base(organisation=organisation, actor=request.user, data=data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form.bind_field_errors(error)
            else:
                form.add_error(None, error.messages)
        else:
            if submitting:
                messages.success(request, _("申报成功，请等待区县人社部门审核"))
                return redirect("traineeships:base_detail", pk=base.pk)
            messages.success(request, _("已保存"))
            return redirect("traineeships:base")
    return render(request, "traineeships/base/form.html",
                  _form_context(request, organisation, base, form, formset), status=200)


@require_POST
@permission_required_403(PERMISSION)
def upload_file(request, slot):
    if slot not in FILE_SLOTS:
        raise Http404
    organisation = get_own_organisation(request.user)
    form = FileSlotForm(request.POST, request.FILES, purpose=FILE_SLOTS[slot], prefix=slot)
    errors = []
    if form.is_valid():
        try:
            services.attach_base_file(organisation=organisation, actor=request.user, slot=slot,
                                      uploaded_file=form.cleaned_data["file"])
        except ValidationError as error:
            errors = error.messages
    else:
        errors = form.errors.get("file", [])
    base = get_own_base(request.user)
    if request.htmx:
        slots = {item["key"]: item for item in file_slots(organisation, base, errors={slot: errors})}
        missing = missing_files(base, organisation)
        return render(request, "traineeships/base/_upload_result.html", {
            "slot": slots[slot], "missing": missing, "can_submit": not missing and organisation.is_verified,
            "organisation": organisation,
        })
    if errors:
        for error in errors:
            messages.error(request, error)
    else:
        messages.success(request, _("上传成功"))
    return redirect("traineeships:base")


@require_POST
@permission_required_403(PERMISSION)
def withdraw(request):
    base = get_own_base(request.user)
    if base is None:
        raise Http404
    form = WithdrawReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error())
        return redirect("traineeships:base_detail", pk=base.pk)
    try:
        services.withdraw_base(base=base, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("traineeships:base_detail", pk=base.pk)
    messages.success(request, _("已撤回申请，可修改后重新提交"))
    return redirect("traineeships:base")


def _undecided(review) -> bool:
    return review is not None and review.status == ReviewStatus.PENDING and not review.steps.exclude(
        decided_at__isnull=True).exists()


@require_GET
@login_required
def base_detail(request, pk):
    """The base's record: the unit's status page, and the page reviewers open from their inbox."""
    base = get_base_for_user(request.user, pk)
    review = latest_review_for(base)
    own = request.user.organisation_id == base.organisation_id
    manages = own and request.user.has_perm(PERMISSION)
    return render(request, "traineeships/base/detail.html", {
        "base": base, "organisation": base.organisation, "review": review, "own": own,
        "last_reason": _last_reason(review),
        "history": history_for_subject(base),
        "files": application_fields(base)["files"],
        "can_edit": manages and base.is_editable,
        "can_withdraw": manages and _undecided(review),
        "can_file": can_file(request.user, base) and base.is_approved and not base.is_filed,
    })


def application_fields(base) -> dict:
    organisation = base.organisation
    return {
        "name": organisation.name, "credit_code": organisation.credit_code,
        "kind": organisation.get_kind_display(), "legal_representative": organisation.legal_representative,
        "region": organisation.region.full_name if organisation.region else "", "address": organisation.address,
        "contact_person": organisation.contact_person, "contact_phone": organisation.contact_phone,
        "level": base.get_level_display(), "status": base.get_status_display(),
        "introduction": base.introduction, "mentor_team": base.mentor_team, "demands": base.major_demands,
        "bank_account_name": base.bank_account_name, "bank_name": base.bank_name,
        "bank_account_number": base.bank_account_number,
        "files": [
            (_("营业执照"), organisation.business_licence),
            (_("就业见习管理制度"), base.rules_file),
            (_("单位证件"), base.certificate_file),
        ],
    }


def print_application(user, base) -> bytes:
    """The 申请表 PDF of a base fetched through get_base_for_user (the screen's and the API's download)."""
    pdf = render_pdf("traineeships/print/base_application.html", {
        "f": application_fields(base), "base": base,
        "history": history_for_subject(base), "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}",
    }, **own_organisation_document(user, base.organisation_id))
    record(actor=user, action="traineeships.base_printed", target=base)
    return pdf


@require_GET
@login_required
def application_pdf(request, pk):
    """见习基地申请表 as a PDF (manual 001 §1.1: 下载打印见习基地申请表)."""
    base = get_base_for_user(request.user, pk)
    pdf = print_application(request.user, base)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"见习基地申请表-{base.organisation.name}.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
