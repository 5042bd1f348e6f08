"""单位信息与认证 (the profile page), withdrawing a submission, and an organisation's record with its history.

Their URLs keep the organisations:* names and /org/ paths: praxis/urls.py includes verification.urls into
the organisations namespace."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.decorators import permission_required_403
from organisations import selectors
from organisations.models import VerificationStatus
from organisations.view_helpers import add_service_errors, first_message
from reviews.forms import WithdrawReasonForm
from reviews.models import ReviewStatus
from reviews.selectors import history_for_subject, latest_review_for
from verification.forms import ProfileForm
from verification.services import profile_is_editable, save_profile, withdraw_verification


def _verification_context(organisation) -> dict:
    review = latest_review_for(organisation)
    return {
        "latest_review": review,
        "history": history_for_subject(organisation),
        "can_withdraw": bool(
            review is not None
            and review.status == ReviewStatus.PENDING
            and not review.steps.exclude(decided_at__isnull=True).exists()
        ),
    }


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_profile")
def profile(request):
    """单位信息与认证: 保存, or 保存并提交认证 (manual 000 §2.4)."""
    organisation = selectors.get_own_organisation(request.user)
    form = ProfileForm(request.POST or None, request.FILES or None, organisation=organisation)
    if request.method == "POST":
        submit = "submit" in request.POST
        if not profile_is_editable(organisation):
            messages.error(request, _("实名认证审核中，不能修改单位信息；如需修改请先撤回认证申请"))
            return redirect("organisations:profile")
        if form.is_valid():
            try:
                save_profile(
                    organisation=organisation, actor=request.user, changes=form.changes(),
                    licence_file=form.cleaned_data.get("business_licence"), submit=submit,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                form.add_error(None, _("您没有提交申报的权限，请联系单位管理员提交实名认证"))
            else:
                if submit:
                    messages.success(request, _("已提交实名认证，请等待属地人社部门审核。"))
                else:
                    messages.success(request, _("单位信息已保存。"))
                return redirect("organisations:profile")
    context = {
        "form": form,
        "organisation": organisation,
        "editable": profile_is_editable(organisation),
        "can_submit": (
            not organisation.is_government and organisation.verification_status != VerificationStatus.VERIFIED
        ),
    }
    context.update(_verification_context(organisation))
    return render(request, "verification/profile.html", context)


@require_POST
@permission_required_403("organisations.manage_profile")
def withdraw(request):
    organisation = selectors.get_own_organisation(request.user)
    form = WithdrawReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.first_error())
        return redirect("organisations:profile")
    try:
        withdraw_verification(organisation=organisation, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, first_message(error))
    except PermissionDenied:
        messages.error(request, _("您没有撤回实名认证申请的权限"))
    else:
        messages.success(request, _("已撤回实名认证申请，可修改单位信息后重新提交。"))
    return redirect("organisations:profile")


@require_http_methods(["GET"])
@login_required
def detail(request, pk):
    organisation = selectors.get_organisation_for_user(request.user, pk)
    context = {"organisation": organisation}
    context.update(_verification_context(organisation))
    return render(request, "verification/detail.html", context)
