"""补贴申领: the unit files a claim for a period (its lines computed from the roster and frozen on
submission), the county and the city review it through the engine's pages, the city registers the payment.
The claim prints (申请表 + 花名册) and exports (.xlsx). HR lists the claims of its jurisdiction."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from batch.writing import CellWriter, open_workbook
from claims import services
from claims.models import ClaimStatus
from claims.selectors import claims_for_user, get_claim_for_user
from core.decorators import permission_required_403
from core.masking import can_see_personal_data, mask_id_number
from core.paging import paginate
from printing.pdf import render_pdf
from reviews.selectors import history_for_subject, latest_review_for
from timeline.selectors import events_for
from traineeships.forms.claims import ClaimCreateForm, ClaimFilterForm, PaymentForm
from traineeships.rules import MANAGE_BASE, PROGRAMME, is_hr
from traineeships.selectors import get_own_base
from traineeships.services.claims import lines_by_person, may_file, may_pay
from traineeships.views.placements import pdf_response
from traineeships.views.roster import xlsx_response


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


def may_list(user) -> bool:
    """The unit filing claims, or a department (or platform staff) reading them: the list screen and the API."""
    return (user.has_perm(MANAGE_BASE) and user.organisation_id is not None) or is_hr(user) or user.is_staff


@require_GET
@login_required
def claim_list(request):
    """The unit's own claims, or (HR) the submitted claims of its jurisdiction; filtered by status and year."""
    user = request.user
    if not may_list(user):
        raise PermissionDenied
    form = ClaimFilterForm(request.GET or None)
    claims = form.filter(claims_for_user(user, PROGRAMME)).order_by("-created_at", "-id")
    unit = user.has_perm(MANAGE_BASE) and user.organisation_id is not None
    return render(request, "traineeships/claims/list.html", {
        "form": form, "unit": unit, "can_create": unit and get_own_base(user) is not None,
        **paginate(request, claims),
    })


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE_BASE)
def claim_create(request):
    """新建申领: the period first; a period with nothing left to claim is refused with a message."""
    user = request.user
    if user.organisation_id is None or get_own_base(user) is None:
        return render(request, "traineeships/roster/no_base.html")
    if request.method == "POST":
        form = ClaimCreateForm(request.POST)
        if form.is_valid():
            try:
                claim = services.create_claim(
                    programme=PROGRAMME, organisation=user.organisation, actor=user,
                    first_month=form.cleaned_data["first_month"], last_month=form.cleaned_data["last_month"],
                    note=form.cleaned_data["note"])
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("已创建申领草稿 %(number)s，请核对明细后提交") % {"number": claim.number})
                return redirect("traineeships:claim_detail", pk=claim.pk)
    else:
        # The roster links here with its period: taken only when it is a valid period.
        given = ClaimCreateForm(request.GET) if request.GET else None
        initial = given.cleaned_data if given is not None and given.is_valid() else {}
        form = ClaimCreateForm(initial={key: f"{value:%Y-%m}" for key, value in initial.items()
                                        if key in ("first_month", "last_month")})
    return render(request, "traineeships/claims/form.html", {"form": form})


@require_GET
@login_required
def claim_detail(request, pk):
    claim = get_claim_for_user(request.user, pk, PROGRAMME)
    own = may_file(request.user, claim.organisation)
    review = latest_review_for(claim)
    editable = claim.status in services.EDITABLE_STATUSES
    history = list(history_for_subject(claim))
    # A return or rejection says why on the page itself, not only in the history table.
    refusal = next((event for event in reversed(history) if event.action in ("returned", "rejected")), None)
    return render(request, "traineeships/claims/detail.html", {
        "claim": claim, "groups": lines_by_person(claim), "review": review, "own": own,
        "history": history, "events": events_for(claim),
        "refusal": refusal if claim.status in (ClaimStatus.RETURNED, ClaimStatus.REJECTED) else None,
        "can_edit": own and editable,
        "can_delete": own and claim.status == ClaimStatus.DRAFT and review is None,
        "can_withdraw": own and claim.status == ClaimStatus.SUBMITTED and review is not None
        and not review.steps.exclude(decided_at__isnull=True).exists(),
        "can_pay": claim.status == ClaimStatus.APPROVED and may_pay(request.user, claim),
        "can_correct": own and claim.status in services.CORRECTABLE_STATUSES,
        "corrections": claim.corrections.order_by("created_at", "id"),
    })


def _unit_action(request, pk, action, success: str, *, to_list: bool = False):
    claim = get_claim_for_user(request.user, pk, PROGRAMME)
    if not may_file(request.user, claim.organisation):
        raise PermissionDenied
    try:
        result = action(claim)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("traineeships:claim_detail", pk=claim.pk)
    messages.success(request, success)
    if to_list:
        return redirect("traineeships:claims")
    return redirect("traineeships:claim_detail", pk=getattr(result, "pk", None) or claim.pk)


@require_POST
@permission_required_403(MANAGE_BASE)
def claim_refresh(request, pk):
    return _unit_action(request, pk, lambda claim: services.refresh_claim(claim=claim, actor=request.user),
                        _("已按最新数据重新计算申领明细"))


@require_POST
@permission_required_403(MANAGE_BASE)
def claim_submit(request, pk):
    return _unit_action(request, pk, lambda claim: services.submit_claim(claim=claim, actor=request.user),
                        _("申领已提交，等待县级人社部门审核"))


@require_POST
@permission_required_403(MANAGE_BASE)
def claim_withdraw(request, pk):
    return _unit_action(request, pk, lambda claim: services.withdraw_claim(claim=claim, actor=request.user),
                        _("已撤回申领，可修改后重新提交"))


@require_POST
@permission_required_403(MANAGE_BASE)
def claim_delete(request, pk):
    return _unit_action(request, pk, lambda claim: services.delete_claim(claim=claim, actor=request.user),
                        _("已删除申领草稿"), to_list=True)


@require_POST
@permission_required_403(MANAGE_BASE)
def claim_correct(request, pk):
    return _unit_action(request, pk, lambda claim: services.create_correction(claim=claim, actor=request.user),
                        _("已创建更正申领，请核对更正明细后提交"))


@require_http_methods(["GET", "POST"])
@login_required
def claim_pay(request, pk):
    """拨付登记 by the city."""
    claim = get_claim_for_user(request.user, pk, PROGRAMME)
    if not may_pay(request.user, claim):
        raise PermissionDenied
    form = PaymentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_paid(claim=claim, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已登记拨付"))
            return redirect("traineeships:claim_detail", pk=claim.pk)
    return render(request, "traineeships/claims/pay.html", {"form": form, "claim": claim})


def print_claim(user, claim) -> bytes:
    """申请表 + 花名册 of a claim fetched through get_claim_for_user (screen and API)."""
    pdf = render_pdf("traineeships/claims/print.html", {
        "claim": claim, "groups": lines_by_person(claim), "events": events_for(claim),
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}"}, reader=user)
    services.record_output(claim=claim, actor=user, what="printed")
    return pdf


@require_GET
@login_required
def claim_pdf(request, pk):
    """申请表 + 花名册: personal identifiers masked unless the reader may see them (render_pdf)."""
    claim = get_claim_for_user(request.user, pk, PROGRAMME)
    return pdf_response(print_claim(request.user, claim), f"就业见习补贴申领表-{claim.number}.pdf")


EXPORT_HEADERS = ["序号", "姓名", "身份证号", "类别", "月份", "金额（元）", "计算说明"]


@require_GET
@login_required
def claim_xlsx(request, pk):
    """The claim's lines as .xlsx through the export writer (text stays text; ID numbers masked by permission)."""
    claim = get_claim_for_user(request.user, pk, PROGRAMME)
    return xlsx_response(export_claim(request.user, claim), claim_xlsx_name(claim))


def claim_xlsx_name(claim) -> str:
    return f"就业见习补贴申领-{claim.number}.xlsx"


def export_claim(reader, claim) -> bytes:
    """The claim's .xlsx as `reader` may see it, recorded as exported (the screen's download and the API's)."""
    buffer = io.BytesIO()
    book = open_workbook(buffer)
    cells = CellWriter(book)
    sheet = book.add_worksheet("补贴申领明细")
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "0.00"})
    cells.cell(sheet, 0, 0, f"{claim.organisation.name} 就业见习补贴申领 {claim.number}（{claim.first_month:%Y年%m月}至"
                            f"{claim.last_month:%Y年%m月}，{claim.get_status_display()}）", bold)
    for col, header in enumerate(EXPORT_HEADERS):
        cells.cell(sheet, 2, col, header, bold)
    show_id = can_see_personal_data(reader)
    row = 3
    for group in lines_by_person(claim):
        id_number = group["person"].id_number or ""
        for line in group["lines"]:
            values = [line.position, group["name"], id_number if show_id else mask_id_number(id_number),
                      line.get_kind_display(), f"{line.month:%Y-%m}" if line.month else ""]
            for col, value in enumerate(values):
                cells.cell(sheet, row, col, value)
            cells.cell(sheet, row, 5, line.amount, money)
            cells.cell(sheet, row, 6, line.explanation)
            row += 1
    cells.cell(sheet, row, 4, "合计", bold)
    cells.cell(sheet, row, 5, claim.total, money)
    for col, width in enumerate([6, 10, 22, 16, 10, 12, 80]):
        sheet.set_column(col, col, width)
    book.close()
    services.record_output(claim=claim, actor=reader, what="exported")
    return buffer.getvalue()
