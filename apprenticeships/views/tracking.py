"""培训情况跟踪 (manual 003 §3.2.1.5): the classes of approved and cancelled filings, 【注销培训班】, and the
institution's list of the filings naming it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apprenticeships.forms.tracking import CancelForm, TrackingFilterForm
from apprenticeships.models import FilingStatus
from apprenticeships.rules import may_file, may_record_attendance
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.attendance import flags_for, may_record_for
from apprenticeships.selectors.tracking import (
    ClassState,
    advance_owed,
    class_state,
    institution_filings,
    may_track,
    tracked_filings,
)
from apprenticeships.services.tracking import cancel_class
from core.paging import paginate


def may_cancel(user, filing) -> bool:
    return may_file(user) and user.organisation_id == filing.organisation_id


def _rows(user, filings, today):
    rows = []
    flags = flags_for(list(filings), today)
    for filing in filings:
        state = class_state(filing, today)
        rows.append({"filing": filing, "state": state, "state_label": ClassState.LABELS[state],
                     "flags": flags[filing.pk],
                     "can_cancel": may_cancel(user, filing) and filing.status == FilingStatus.APPROVED})
    return rows


@require_GET
@login_required
def tracking(request):
    if not may_track(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    form = TrackingFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        if not form.is_valid():
            messages.error(request, _("查询条件有误，已忽略有误的条件：%(errors)s") % {
                "errors": "；".join(str(error) for errors in form.errors.values() for error in errors)})
        filters = form.cleaned_data
    context = paginate(request, tracked_filings(request.user, filters, today))
    context.update(form=form, rows=_rows(request.user, context["object_list"], today))
    return render(request, "apprenticeships/tracking/list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def filing_cancel(request, pk):
    filing = get_filing_for_user(request.user, pk)
    if not may_cancel(request.user, filing):
        raise PermissionDenied
    if filing.status != FilingStatus.APPROVED:
        messages.error(request, _("只有审核通过的培训班可以注销（当前状态：%(status)s）")
                       % {"status": filing.get_status_display()})
        return redirect("apprenticeships:tracking")
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_class(filing=filing, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            owed = advance_owed(filing)
            messages.success(request, _("培训班已注销，培训人员的在训名额已释放"))
            if owed:
                messages.warning(request, _("已预支 %(amount)s 元，应退回") % {"amount": owed})
            return redirect("apprenticeships:tracking")
    return render(request, "apprenticeships/tracking/cancel.html", {
        "filing": filing, "form": form, "owed": advance_owed(filing),
        "trainees": filing.trainees.filter(holds_place=True).count()})


@require_GET
@login_required
def institution_filings_view(request):
    if not may_record_attendance(request.user):
        raise PermissionDenied
    context = paginate(request, institution_filings(request.user))
    today = timezone.localdate()
    context["rows"] = [{"filing": filing, "state_label": ClassState.LABELS[class_state(filing, today)]
                        if filing.status in (FilingStatus.APPROVED, FilingStatus.CANCELLED) else "",
                        "can_record": may_record_for(request.user, filing)}
                       for filing in context["object_list"]]
    return render(request, "apprenticeships/tracking/institution_filings.html", context)
