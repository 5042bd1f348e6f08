from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from audit.services import record
from core.masking import can_see_personal_data, mask_mobile
from printing.pdf import render_pdf
from printing.selectors import get_printable_organisation, verification_history


def registration_fields(organisation, *, full_phone: bool) -> dict:
    """The values printed on the 单位注册登记表, already as text."""
    recommended = organisation.recommended_by.name if organisation.recommended_by else ""
    note = organisation.recommender_note
    if note:
        recommended = f"{recommended}（{note}）" if recommended else note
    verified_at = organisation.verified_at
    return {
        "name": organisation.name,
        "credit_code": organisation.credit_code,
        "kind": organisation.get_kind_display(),
        "legal_representative": organisation.legal_representative,
        "region": organisation.region.full_name if organisation.region else "",
        "address": organisation.address,
        "contact_person": organisation.contact_person,
        "contact_phone": organisation.contact_phone if full_phone else mask_mobile(organisation.contact_phone),
        "website": organisation.website,
        "introduction": organisation.introduction,
        "origin": organisation.get_origin_display(),
        "recommended_by": recommended or "无",
        "verification_status": organisation.get_verification_status_display(),
        "verified_at": f"{timezone.localtime(verified_at):%Y-%m-%d %H:%M}" if verified_at else "",
        "platform_code": organisation.platform_code,
    }


@require_GET
@login_required
def organisation_registration(request, pk):
    """单位注册登记表 as a PDF, for the organisation itself and those who oversee it."""
    organisation = get_printable_organisation(request.user, pk)
    # The organisation's own people see their own phone number whole; others only with the role.
    full_phone = request.user.organisation_id == organisation.pk or can_see_personal_data(request.user)
    printed_at = timezone.localtime()
    context = {
        "f": registration_fields(organisation, full_phone=full_phone),
        "history": verification_history(organisation),
        "printed_at": f"{printed_at:%Y-%m-%d %H:%M}",
    }
    pdf = render_pdf("printing/organisation_registration.html", context, reader=request.user)
    record(actor=request.user, action="printing.organisation_registration", target=organisation)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"单位注册登记表-{organisation.name}.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
