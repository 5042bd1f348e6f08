"""见习匹配结果 after the import (manual 002 §八–§十): the registrations waiting for their agreement scan and
review (批量上传扫描件, 逐条上传, 批量提交审核), and 上报记录 of the imports' registrations with their 审核状态."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from traineeships.forms.matches import (
    NOT_APPROVED,
    BulkSubmitForm,
    DraftFilterForm,
    MatchRecordFilterForm,
    ScanArchiveForm,
)
from traineeships.forms.placements import UploadForm
from traineeships.rules import MANAGE_BASE as PERMISSION
from traineeships.selectors import imported_placements_for_unit, placements_for_unit
from traineeships.services import matches as services
from traineeships.services.placements import AGREEMENT_PURPOSE, EDITABLE_PLACEMENT_STATUSES

DRAFTS_PER_PAGE = 50


def _drafts(user):
    return placements_for_unit(user).filter(status__in=EDITABLE_PLACEMENT_STATUSES).select_related("import_job")


def _render_drafts(request, *, archive_form=None, submit_form=None, scan_outcome=None, submit_outcome=None,
                   status=200):
    filter_form = DraftFilterForm(request.GET)
    drafts = _drafts(request.user)
    context = paginate(request, filter_form.apply(drafts).order_by("id"), per_page=DRAFTS_PER_PAGE)
    context.update(
        filter_form=filter_form,
        archive_form=archive_form or ScanArchiveForm(),
        submit_form=submit_form or BulkSubmitForm(placements=drafts),
        upload_form=UploadForm(purpose=AGREEMENT_PURPOSE, initial={"return_to": "drafts"}),
        ready_count=services.ready_placements(request.user.organisation_id).count(),
        scan_outcome=scan_outcome, submit_outcome=submit_outcome, max_submit=services.MAX_BULK_SUBMIT,
    )
    return render(request, "traineeships/matches/drafts.html", context, status=status)


@require_GET
@permission_required_403(PERMISSION)
def match_drafts(request):
    """待提交协议的匹配结果: the zip of scans, a scan per row, and 批量提交审核."""
    return _render_drafts(request)


@require_POST
@permission_required_403(PERMISSION)
def match_scans(request):
    """批量上传协议扫描件: the result (attached and refused files, each with its reason) is shown at once."""
    form = ScanArchiveForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_drafts(request, archive_form=form, status=400)
    try:
        outcome = services.attach_scans_from_archive(actor=request.user, archive=form.cleaned_data["archive"])
    except ValidationError as error:
        form.bind_error(error)
        return _render_drafts(request, archive_form=form, status=400)
    return _render_drafts(request, scan_outcome=outcome)


@require_POST
@permission_required_403(PERMISSION)
def match_submit(request):
    """批量提交审核: the ticked registrations, or every one with a scan; each through the single submit service."""
    form = BulkSubmitForm(request.POST, placements=placements_for_unit(request.user))
    if not form.is_valid():
        return _render_drafts(request, submit_form=form, status=400)
    if form.cleaned_data["action"] == BulkSubmitForm.READY:
        chosen = list(services.ready_placements(request.user.organisation_id).order_by("id")
                      [:services.MAX_BULK_SUBMIT])
        if not chosen:
            form.add_error(None, _("没有已上传协议扫描件、可提交审核的上岗登记"))
            return _render_drafts(request, submit_form=form, status=400)
    else:
        chosen = list(form.cleaned_data["placements"])
    outcome = services.submit_agreements(actor=request.user, placements=chosen)
    remaining = services.ready_placements(request.user.organisation_id).count()
    if outcome.submitted:
        messages.success(request, _("已提交审核 %(count)d 条") % {"count": len(outcome.submitted)})
    if remaining and form.cleaned_data["action"] == BulkSubmitForm.READY:
        messages.info(request, _("还有 %(count)d 条可提交，请再次提交") % {"count": remaining})
    return _render_drafts(request, submit_outcome=outcome)


@require_GET
@permission_required_403(PERMISSION)
def match_records(request):
    """上报记录·匹配结果: the registrations the unit's 见习匹配结果 imports created, and what became of them."""
    form = MatchRecordFilterForm(request.GET)
    imported = imported_placements_for_unit(request.user)
    placements = form.apply(imported)
    context = paginate(request, placements)
    context.update(form=form, approved_count=imported.exclude(status__in=NOT_APPROVED).count(),
                   total_count=imported.count())
    return render(request, "traineeships/matches/records.html", context)
