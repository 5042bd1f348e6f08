"""The programme's printed documents, one function each, used by the screens and the API alike: 备案表 of an
approved filing, the claim's 申请表 and 花名册. Personal data is masked for the reader as on screen."""

from django.utils import timezone

from apprenticeships.models import ClaimDetails
from apprenticeships.selectors.filing import filing_summary
from claims.models import ClaimLine
from printing.pdf import render_pdf
from reviews.selectors import history_for_subject, latest_review_for


def filing_form_pdf(filing, *, reader) -> bytes:
    """【打印备案表】: the filing's data and the decisions of its latest review."""
    review = latest_review_for(filing)
    return render_pdf("apprenticeships/filing/print.html", {
        **filing_summary(filing), "review": review,
        "decisions": [event for event in history_for_subject(filing) if event.review_id == getattr(review, "pk", None)],
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}"}, reader=reader)


def _claim_context(claim) -> dict:
    return {"claim": claim, "details": ClaimDetails.objects.filter(claim=claim).first(),
            "claim_lines": ClaimLine.objects.filter(claim=claim).select_related("person").order_by("position", "id"),
            "people": claim.apprenticeship_people.count(),
            "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}"}


def claim_form_pdf(claim, *, reader) -> bytes:
    """【下载申请表】."""
    return render_pdf("apprenticeships/claims/print_form.html", _claim_context(claim), reader=reader)


def claim_roster_pdf(claim, *, reader) -> bytes:
    """【下载花名册】: the frozen lines with their explanations."""
    return render_pdf("apprenticeships/claims/print_roster.html", _claim_context(claim), reader=reader)
