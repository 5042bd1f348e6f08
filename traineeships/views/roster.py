"""补贴经费花名册 for the unit (its own base) and for HR (a base within its jurisdiction): HTML, .xlsx and PDF."""

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from audit.services import record
from batch.writing import CellWriter, open_workbook
from core.masking import can_see_personal_data, mask_id_number
from traineeships.forms.reports import BaseChoiceForm, PeriodForm, RosterFormatForm
from traineeships.models import BaseStatus
from traineeships.rules import is_hr_reviewer
from traineeships.selectors import bases_for_government, get_own_base
from traineeships.services.claims import mark_claimed
from traineeships.services.roster import roster_for_base
from traineeships.views.placements import pdf_response
from traineeships.views.roster_pdf import roster_pdf

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def roster_base(user, base_form: BaseChoiceForm):
    """The unit's own base (None before it has one); for HR, the base chosen (?base=) among the approved bases of
    its jurisdiction, with those bases. A malformed ?base= is the form's message; a base outside the
    jurisdiction is 404, as for any object the user may not see."""
    if user.has_perm("traineeships.manage_base") and user.organisation_id is not None:
        return get_own_base(user), None
    if not is_hr_reviewer(user):
        raise PermissionDenied
    bases = bases_for_government(user).filter(status=BaseStatus.APPROVED).order_by("organisation__name")
    chosen = base_form.cleaned_data["base"] if base_form.is_valid() else None
    base = bases.filter(pk=chosen).first() if chosen else None
    if chosen and base is None:
        raise Http404("见习基地不存在")
    return base, bases


def _period(request):
    today = timezone.localdate()
    data = {"first_month": request.GET.get("first_month") or f"{today.year}-01",
            "last_month": request.GET.get("last_month") or f"{today:%Y-%m}"}
    form = PeriodForm(data)
    if form.is_valid():
        return form, form.cleaned_data["first_month"], form.cleaned_data["last_month"]
    return form, None, None


@require_GET
@login_required
def roster(request):
    base_form = BaseChoiceForm(request.GET)
    base, bases = roster_base(request.user, base_form)
    if base is None and bases is None:  # a unit without a base: say what to do first, not a bare 404
        return render(request, "traineeships/roster/no_base.html")
    form, first, last = _period(request)
    format_form = RosterFormatForm(request.GET)
    fmt = format_form.cleaned_data["format"] if format_form.is_valid() else None
    # A tampered ?format= is the form's message above the page and no roster, as a bad period is.
    result = roster_for_base(base, first, last) if base is not None and first and fmt is not None else None
    if result is not None and fmt:
        content, filename = export_roster(request.user, base, result, fmt)
        return xlsx_response(content, filename) if fmt == "xlsx" else pdf_response(content, filename)
    if result is not None:
        mark_claimed(result)
    return render(request, "traineeships/roster/roster.html", {
        "form": form, "base_form": base_form, "format_form": format_form, "roster": result, "base": base,
        "bases": bases,
        "query": request.GET.urlencode(),
        # The unit files a claim for the period shown (新建申领 takes it as its initial period).
        "claim_query": f"first_month={first:%Y-%m}&last_month={last:%Y-%m}" if first and bases is None else "",
    })


def export_roster(reader, base, result, fmt: str) -> tuple[bytes, str]:
    """The roster as .xlsx or PDF (`fmt`) as `reader` may see it, recorded as exported, and its file name (the
    screen's download and the API's)."""
    first, last = result.first_month, result.last_month
    record(actor=reader, action="traineeships.roster_exported", target=base, after={
        "format": fmt, "first_month": first.isoformat(), "last_month": last.isoformat()})
    name = f"补贴经费花名册-{base.organisation.name}-{first:%Y%m}-{last:%Y%m}"
    if fmt == "xlsx":
        return _xlsx(result, base, reader=reader), f"{name}.xlsx"
    pdf = roster_pdf(result, base, reader=reader, printed_at=f"{timezone.localtime():%Y-%m-%d %H:%M}")
    return pdf, f"{name}.pdf"


def _xlsx(result, base, *, reader) -> bytes:
    buffer = io.BytesIO()
    book = open_workbook(buffer)
    cells = CellWriter(book)
    sheet = book.add_worksheet("补贴经费花名册")
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "0.00"})
    cells.cell(sheet, 0, 0, f"{base.organisation.name} 就业见习补贴经费花名册（{result.first_month:%Y年%m月}至"
                            f"{result.last_month:%Y年%m月}）", bold)
    cells.cell(sheet, 1, 0, result.retention_text)
    headers = ["序号", "姓名", "身份证号", "岗位", "见习开始", "见习结束", "补贴月份数", "是否留用", "补贴合计（元）",
               "计算说明", "其中保险补贴（元）", "其中见习结束一次性补差（元）"]
    for col, header in enumerate(headers):
        cells.cell(sheet, 3, col, header, bold)
    show_id = can_see_personal_data(reader)
    row = 4
    for index, line in enumerate(result.lines, start=1):
        trainee = line.trainee
        values = [index, trainee.name, trainee.id_number if show_id else mask_id_number(trainee.id_number),
                  trainee.post_title, trainee.start_on.isoformat(), trainee.end_on.isoformat(), len(line.paid_months),
                  f"是（{trainee.retained_on.isoformat()}）" if trainee.retained_on else "否"]
        for col, value in enumerate(values):
            cells.cell(sheet, row, col, value)
        cells.cell(sheet, row, 8, float(line.total), money)
        cells.cell(sheet, row, 9, "\n".join(line.explanations))
        cells.cell(sheet, row, 10, float(line.insurance_amount), money)
        cells.cell(sheet, row, 11, float(line.top_up_amount), money)
        row += 1
    cells.cell(sheet, row, 7, "合计", bold)
    cells.cell(sheet, row, 8, float(result.total), money)
    cells.cell(sheet, row, 10, float(result.insurance_total), money)
    cells.cell(sheet, row, 11, float(result.top_up_total), money)
    for col, width in enumerate([6, 10, 22, 18, 12, 12, 10, 16, 14, 70, 14, 16]):
        sheet.set_column(col, col, width)
    book.close()
    return buffer.getvalue()
