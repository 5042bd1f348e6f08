"""培训档案 (a unit with 培训档案, departments over their units), 查看培训历程, 我的培训档案 (a professional),
学时证明 (PDF) and its public verification."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.views.decorators.http import require_GET, require_POST

from continuing_education.forms.archive import ArchiveFilterForm, VerifyForm
from continuing_education.models import HoursCertificate
from continuing_education.rules import department, is_professional, may_see_archive
from continuing_education.selectors.archive import (
    NO_RULE_TEXT,
    Result,
    archive_rows,
    assess,
    attach_missing,
    get_archive_year_for_user,
    may_open_archive,
    missing_hours,
    rule_of,
    years_of_person,
)
from continuing_education.selectors.hours_rules import rule_for
from continuing_education.services.certificates import issue_certificate
from core.masking import mask_id_number
from core.paging import paginate
from printing.pdf import render_pdf

EXPORT_KEY = "ce_archive"


@require_GET
@login_required
def archive(request):
    if not may_open_archive(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    # The year box shows the year the list is of when the query names none.
    data = request.GET.copy()
    data.setdefault("year", str(today.year))
    form = ArchiveFilterForm(data)
    filters = form.filters()
    context = paginate(request, archive_rows(request.user, today=today, **filters) if filters is not None else [])
    rows = list(context["object_list"])
    is_unit_view = may_see_archive(request.user)
    rule = None
    if filters is not None:
        attach_missing(rows, year=filters["year"], today=today)
        rule = rule_for(request.user.organisation.region, filters["year"]) if is_unit_view else None
    params = {key: value for key, value in request.GET.items() if key != "page"}
    context.update(object_list=rows, form=form,
                   filters=filters, is_unit_view=is_unit_view, rule=rule, no_rule_text=NO_RULE_TEXT,
                   current_year=filters is not None and filters["year"] == today.year, export_query=urlencode(params),
                   export_key=EXPORT_KEY, results=dict(Result.choices))
    return render(request, "continuing_education/archive/list.html", context)


@require_GET
@login_required
def archive_detail(request, pk):
    """查看培训历程: every credit of the person's year."""
    item = get_archive_year_for_user(request.user, pk)
    rule = rule_of(item)
    today = timezone.localdate()
    entries = item.entries.select_related("organisation").order_by("occurred_on", "id")
    return render(request, "continuing_education/archive/detail.html", {
        "item": item, "entries": entries, "rule": rule, "no_rule_text": NO_RULE_TEXT,
        "result": Result(assess(item, rule, today)).label,
        "missing": (missing_hours(item.public_hours, item.professional_hours, item.online_hours, rule)
                    if item.year == today.year else None),
        "is_own": request.user.id_number_hash == item.id_number_hash,
    })


@require_GET
@login_required
def my_archive(request):
    if not is_professional(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    return render(request, "continuing_education/archive/mine.html", {
        "years": years_of_person(request.user, today), "today": today, "no_rule_text": NO_RULE_TEXT})


@require_POST
@login_required
def certificate(request, pk):
    """学时证明: a PDF with a new verification code (each printing is a certificate of its own)."""
    item = get_archive_year_for_user(request.user, pk)
    if not may_print_certificate(request.user, item):
        raise PermissionDenied
    return certificate_response(request, item)


def may_print_certificate(user, item) -> bool:
    """学时证明: departments, the unit with 培训档案, and the person themselves."""
    return department(user) is not None or may_see_archive(user) or user.id_number_hash == item.id_number_hash


def certificate_response(request, item) -> HttpResponse:
    """Issue a certificate (a new verification code) and return it as a PDF (the screen's and the API's)."""
    issued = issue_certificate(actor=request.user, archive_year=item)
    verify_url = request.build_absolute_uri(reverse("continuing_education:certificate_verify"))
    pdf = render_pdf("continuing_education/archive/certificate.html", {
        "certificate": issued, "item": item, "snapshot": issued.snapshot, "masked_id": mask_id_number(item.id_number),
        "verify_url": f"{verify_url}?{urlencode({'code': issued.code})}",
        "issued_at": f"{timezone.localtime(issued.issued_at):%Y-%m-%d %H:%M}"}, reader=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"继续教育学时证明-{item.year}-{issued.code}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def certificate_verify(request):
    """Public: the certificate a code names, as printed (masked name). No rate limit beyond the code's 32^10
    space: the page tells nothing but the printed snapshot, whose name is masked."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    found, not_found = None, False
    if form.is_bound and form.is_valid():
        found = HoursCertificate.objects.filter(code=form.cleaned_data["code"]).first()
        not_found = found is None
    return render(request, "continuing_education/archive/verify.html", {
        "form": form, "certificate": found, "not_found": not_found})
