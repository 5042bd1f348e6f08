"""待我审核 (manual 004 §2.2): the unit administrator decides the unit-level step of their people's 学时申报 (the
engine's unit-level rule: only the administrator of the unit), one by one or approving several at once. The
department's step follows on /reviews/<id>/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuing_education.forms.hours import BatchApproveForm, ReasonForm
from continuing_education.rules import is_unit_admin
from continuing_education.selectors.hours import (
    get_declaration_for_user,
    inbox_steps,
    pending_unit_step,
    with_declarations,
)
from continuing_education.views.hours import text_of
from core.paging import paginate
from reviews import services as reviews

INBOX = "continuing_education:inbox"


def _require_admin(request):
    if not is_unit_admin(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def inbox(request):
    _require_admin(request)
    steps = inbox_steps(request.user)
    form = BatchApproveForm(request.POST if request.method == "POST" else None,
                            step_ids=list(steps.values_list("pk", flat=True)))
    if request.method == "POST":
        if form.is_valid():
            outcome = reviews.decide_many(step_ids=form.cleaned_data["steps"], actor=request.user)
            if outcome.succeeded:
                messages.success(request, _("已审核通过 %(n)s 条学时申报") % {"n": len(outcome.succeeded)})
            for _review, reason in outcome.failed:
                messages.error(request, reason)
        else:
            for error in form.errors.get("steps", []):
                messages.error(request, error)
        return redirect(INBOX)
    context = paginate(request, steps)
    context.update(rows=with_declarations(context["object_list"]))
    return render(request, "continuing_education/hours/inbox.html", context)


@login_required
@require_POST
def inbox_decide(request, pk):
    declaration = get_declaration_for_user(request.user, pk)
    _require_admin(request)
    step = pending_unit_step(declaration, request.user)
    if step is None:
        messages.error(request, _("该学时申报不在待我审核中（可能已被处理），请刷新页面"))
        return redirect(INBOX)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("continuing_education:declaration_detail", declaration.pk)
    try:
        reviews.decide(review_id=step.review_id, actor=request.user, decision=form.cleaned_data["decision"],
                       reason=form.cleaned_data["reason"], step_id=step.pk)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, text_of(error))
    else:
        messages.success(request, _("已审核：%(title)s") % {"title": declaration.title})
    return redirect(INBOX)
