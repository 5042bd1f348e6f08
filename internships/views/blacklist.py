"""Screens of the blacklist: the list (education departments; a school's own proposals), a proposal, an
entry's page (withdraw, resubmit, remove), and the public page of the enterprises listed now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.paging import paginate
from internships.forms.blacklist import BlacklistFilterForm, ProposalForm, RemovalForm
from internships.models import BlacklistStatus
from internships.selectors import enterprises as selectors
from internships.services import blacklist as services
from organisations.view_helpers import add_service_errors, first_message
from reviews import services as review_services
from reviews.rules import WITHDRAW, available_actions
from reviews.selectors import history_for_subject, latest_review_for


@require_GET
@login_required
def blacklist(request):
    """黑名单管理: every entry of the region's enterprises with its history (education); a school's proposals."""
    entries = selectors.blacklist_for_user(request.user)
    form = BlacklistFilterForm(request.GET)
    entries = selectors.filter_blacklist(entries, form.cleaned_data if form.is_valid() else {})
    context = paginate(request, entries)
    context.update(form=form)
    return render(request, "internships/blacklist/list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def propose(request, pk):
    """提出列入黑名单 for one enterprise (from its record page)."""
    enterprise = selectors.get_enterprise_for_user(request.user, pk)
    if not services.may_propose(request.user, enterprise):
        raise PermissionDenied
    form = ProposalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.propose_blacklisting(enterprise=enterprise, actor=request.user, reason=data["reason"],
                                                  details=data["details"], evidence_file=data["evidence"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已提出，待市级教育部门审核"))
            return redirect("internships:blacklisting", pk=entry.pk)
    return render(request, "internships/blacklist/propose.html", {"form": form, "enterprise": enterprise})


def _entry_actions(user, entry, review) -> dict:
    own = user.organisation_id == entry.proposing_organisation_id
    can_withdraw = (review is not None and review.status == "pending"
                    and WITHDRAW in available_actions(review, user)["actions"])
    return {
        "own": own,
        "can_withdraw": can_withdraw,
        "can_resubmit": (own and entry.status == BlacklistStatus.RETURNED
                         and services.may_propose(user, entry.enterprise)),
        "can_remove": entry.status == BlacklistStatus.LISTED and services.may_remove(user, entry),
    }


@require_GET
@login_required
def blacklisting(request, pk):
    entry = selectors.get_blacklisting_for_user(request.user, pk)
    review = latest_review_for(entry)
    context = {"entry": entry, "review": review, "history": history_for_subject(entry),
               "removal_form": RemovalForm(),
               "resubmit_form": ProposalForm(initial={"reason": entry.reason, "details": entry.details}),
               **_entry_actions(request.user, entry, review)}
    return render(request, "internships/blacklist/detail.html", context)


@require_POST
@login_required
def remove(request, pk):
    entry = selectors.get_blacklisting_for_user(request.user, pk)
    if not services.may_remove(request.user, entry):
        raise PermissionDenied
    form = RemovalForm(request.POST)
    if form.is_valid():
        try:
            services.remove_from_blacklist(entry=entry, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, first_message(error))
        else:
            messages.success(request, _("已移出黑名单"))
        return redirect("internships:blacklisting", pk=entry.pk)
    review = latest_review_for(entry)
    return render(request, "internships/blacklist/detail.html", {
        "entry": entry, "review": review, "history": history_for_subject(entry), "removal_form": form,
        "resubmit_form": ProposalForm(), **_entry_actions(request.user, entry, review)}, status=400)


@require_POST
@login_required
def resubmit(request, pk):
    entry = selectors.get_blacklisting_for_user(request.user, pk)
    if entry.proposing_organisation_id != request.user.organisation_id:
        raise PermissionDenied
    form = ProposalForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.resubmit_blacklisting(entry=entry, actor=request.user, reason=data["reason"],
                                           details=data["details"], evidence_file=data["evidence"])
        except ValidationError as error:
            messages.error(request, first_message(error))
        else:
            messages.success(request, _("已重新提交审核"))
        return redirect("internships:blacklisting", pk=entry.pk)
    review = latest_review_for(entry)
    return render(request, "internships/blacklist/detail.html", {
        "entry": entry, "review": review, "history": history_for_subject(entry), "removal_form": RemovalForm(),
        "resubmit_form": form, **_entry_actions(request.user, entry, review)}, status=400)


@require_POST
@login_required
def withdraw(request, pk):
    entry = selectors.get_blacklisting_for_user(request.user, pk)
    review = latest_review_for(entry)
    if not _entry_actions(request.user, entry, review)["can_withdraw"]:
        raise PermissionDenied
    try:
        review_services.withdraw(review_id=review.pk, actor=request.user, reason=_("提出单位撤回"))
    except ValidationError as error:
        messages.error(request, first_message(error))
    else:
        messages.success(request, _("已撤回"))
    return redirect("internships:blacklisting", pk=entry.pk)


@require_GET
def public(request):
    """实习企业黑名单公示 (no sign-in): name, credit code, reason, listed date."""
    context = paginate(request, selectors.public_blacklist())
    return render(request, "internships/blacklist/public.html", context)


def blacklist_materials(entry, user):
    """Beside the decision on a blacklisting: the proposal, its evidence, the enterprise's record."""
    from internships.selectors.enterprises import position_counts, recommenders_of

    return "internships/blacklist/materials.html", {
        "entry": entry, "enterprise": entry.enterprise, "recommendations": recommenders_of(entry.enterprise),
        "positions": position_counts(entry.enterprise),
        "earlier": entry.enterprise.internship_blacklistings.exclude(pk=entry.pk)}
