"""Screens of the review engine: 待我审核 (inbox with batch approval), 我的申报, and one review's page with
its chain, the history of every round and the actions the user may take now.

The review page is served whole, or as its panel alone to htmx (the action forms post with hx-post and
swap the panel); without JavaScript the same forms post normally and are redirected back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.rules import is_individual
from core import search
from core.paging import COUNT_CAP, paginate
from reviews import rules, services
from reviews.forms import BatchApproveForm, DecisionForm, InboxFilterForm, InboxTab, MineFilterForm, ReasonForm
from reviews.materials import materials_for
from reviews.models import Decision, ReviewerLevel, ReviewStatus, ReviewStep, StepStatus
from reviews.registry import all_kinds, get_kind
from reviews.selectors import (
    decided_by_office,
    filed_with_office,
    get_review_for_user,
    history_for_subject,
    inbox_for,
    reviewer_step_filter,
    reviews_of_subject,
    submissions_for,
)

INBOX_TABS = {
    InboxTab.PENDING: inbox_for,
    InboxTab.DECIDED: decided_by_office,
    InboxTab.FILED: filed_with_office,
}


def _kind_labels() -> dict[str, str]:
    return {kind.key: kind.label for kind in all_kinds()}


def step_label(step: ReviewStep) -> str:
    """Who decides a step, as the user reads it: "金水区 区县", "郑州市 市级（备案）", "甲公司 单位管理员"."""
    if step.level == ReviewerLevel.UNIT:
        place = str(step.reviewer_org) if step.reviewer_org_id else ""
    elif step.reviewer_org_id:
        label = str(step.reviewer_org)
        return label + _("（备案）") if step.is_filing else label
    else:
        place = step.region.name if step.region_id else ""
    label = f"{place} {ReviewerLevel(step.level).label}".strip()
    return label + _("（备案）") if step.is_filing else label


# ---------------------------------------------------------------- 待我审核


@require_GET
@login_required
def index(request):
    """/reviews/ itself: reviewers to their inbox, everyone else to their submissions."""
    return redirect("reviews:inbox" if rules.may_review(request.user) else "reviews:mine")


@require_http_methods(["GET", "POST"])
@login_required
def inbox(request):
    if not rules.may_review(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _batch_approve(request)
    form, tab, steps = filtered_inbox(request.user, request.GET)
    # Ordered by the review's submission time (a joined column): page by keys, count up to the cap.
    context = paginate(request, steps, cap=COUNT_CAP, by_keys=True)
    labels = _kind_labels()
    context.update(
        form=form,
        tab=tab,
        tabs=InboxTab.CHOICES,
        rows=[
            {"step": step, "review": step.review, "kind_label": labels.get(step.review.kind, step.review.kind),
             "step_label": step_label(step)}
            for step in context["object_list"]
        ],
    )
    return render(request, "reviews/inbox.html", context)


def filtered_inbox(user, params):
    """The inbox tab and filters of `params` applied to the user's steps: (form, tab, steps).
    The export uses this too, so it holds exactly what the page lists."""
    form = InboxFilterForm(params)
    valid = form.is_valid()
    tab = form.cleaned_data.get("status") if valid else InboxTab.PENDING
    steps = INBOX_TABS[tab](user).select_related(
        "review__submitted_by", "review__submitter_org", "region", "reviewer_org", "decided_by"
    )
    if not valid:
        # A bad filter shows its error and nothing else, rather than silently listing everything.
        return form, tab, steps.none()
    steps = form.filter_reviews(steps, prefix="review__")
    # A substring of the title, the unit's name or the submitter's name, found through the review's search text.
    steps = search.matching(steps, form.cleaned_data.get("q", ""), whole=True, through="review")
    return form, tab, steps


def filtered_submissions(user, params):
    """我的申报 with the filters of `params` (shared by the page and its export)."""
    form = MineFilterForm(params)
    reviews = submissions_for(user)
    return form, (form.filter_reviews(reviews) if form.is_valid() else reviews.none())


def _batch_approve(request):
    back = request.get_full_path()
    form = BatchApproveForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("step_ids", []):
            messages.error(request, error)
        return redirect(back)
    step_ids = form.cleaned_data["step_ids"]
    outcome = services.decide_many(step_ids=step_ids, actor=request.user)
    condition = reviewer_step_filter(request.user)
    titles = {}
    if condition is not None:
        titles = dict(
            ReviewStep.objects.filter(condition, pk__in=step_ids).values_list("review_id", "review__title")
        )
    if outcome.succeeded:
        messages.success(request, _("批量通过完成：成功 %(count)d 项") % {"count": len(outcome.succeeded)})
    for item_id, reason in outcome.failed:
        title = titles.get(item_id) or _("编号 %(id)s") % {"id": item_id}
        messages.error(request, _("「%(title)s」未能通过：%(reason)s") % {"title": title, "reason": reason})
    return redirect(back)


# ---------------------------------------------------------------- 我的申报


@require_GET
@login_required
def mine(request):
    user = request.user
    if not (user.organisation_id or is_individual(user)):
        raise PermissionDenied
    form, reviews = filtered_submissions(user, request.GET)
    reviews = reviews.prefetch_related(
        Prefetch("steps", queryset=ReviewStep.objects.select_related("region", "reviewer_org").order_by("position"))
    )
    context = paginate(request, reviews)
    labels = _kind_labels()
    rows = []
    for review in context["object_list"]:
        steps = list(review.steps.all())
        current = next((step for step in steps if step.status == StepStatus.PENDING), None)
        last_decided = [step for step in steps if step.decided_at and not step.is_filing]
        rows.append({
            "review": review,
            "kind_label": labels.get(review.kind, review.kind),
            "current": step_label(current) if current and review.status == ReviewStatus.PENDING else "",
            "reason": last_decided[-1].reason if last_decided and review.status in (
                ReviewStatus.REJECTED, ReviewStatus.RETURNED) else "",
        })
    context.update(form=form, rows=rows)
    return render(request, "reviews/mine.html", context)


# ---------------------------------------------------------------- one review


def _allowed_actions(user, review, steps, rounds) -> dict:
    """The buttons of the panel, from the same answer the engine checks (reviews.rules.available_actions)."""
    answer = rules.available_actions(review, user, steps=steps, rounds=rounds)
    actions = answer["actions"]
    return {
        "current_step": answer["current_step"],
        "can_decide": answer["can_decide"],
        "waiting_for_lower": answer["waiting_for_lower"],
        "can_withdraw": rules.WITHDRAW in actions,
        "can_revoke": rules.REVOKE in actions,
        "revocable_step": answer["revocable_step"],
        "actions": actions,
        "revoke_hint": _revoke_hint(review, answer["revocable_step"]) if rules.REVOKE in actions else "",
    }


def _revoke_hint(review, step) -> str:
    """Why the decision can still be taken back, as it is: another level still to act, or a finished review."""
    conclusion = step.get_status_display()
    if review.status == ReviewStatus.PENDING:
        return _("本级已作出“%(step)s”的结论，上级尚未审核，可以撤销后重新审核。") % {"step": conclusion}
    return _("本级已作出“%(step)s”的结论，事项已办结（%(status)s）；撤销后事项重新回到本级待审核。") % {
        "step": conclusion, "status": review.get_status_display()}


def _panel_context(request, review, *, decision_form=None, reason_form=None, reason_form_action=None,
                   notice=None) -> dict:
    try:
        kind = get_kind(review.kind)
    except LookupError:
        kind = None
    subject = review.subject
    steps = list(review.steps.select_related("region", "reviewer_org", "decided_by", "decided_org"))
    if subject is not None:
        rounds = list(reviews_of_subject(subject))
        history = history_for_subject(subject).select_related("step__region", "step__reviewer_org")
    else:
        rounds, history = [review], review.events.select_related("review", "actor", "actor_org", "step__region")
    actions = _allowed_actions(request.user, review, steps, rounds)
    if decision_form is None and actions["can_decide"]:
        # No conclusion is preselected: the reviewer chooses one explicitly.
        decision_form = DecisionForm(initial={"step_id": actions["current_step"].pk})
    return {
        "review": review,
        "kind_label": kind.label if kind else review.kind,
        "subject_url": kind.subject_url(subject) if kind and subject is not None else "",
        "steps": [{"step": step, "label": step_label(step)} for step in steps],
        "rounds": rounds,
        "history": [
            {"event": event, "step_label": step_label(event.step) if event.step_id else ""} for event in history
        ],
        "decision_form": decision_form,
        "withdraw_form": reason_form if reason_form_action == "withdraw" else ReasonForm(prefix="withdraw"),
        "revoke_form": reason_form if reason_form_action == "revoke" else ReasonForm(prefix="revoke"),
        "notice": notice,
        **actions,
    }


def _render_review(request, review, status=200, **kwargs):
    context = _panel_context(request, review, **kwargs)
    if request.htmx:
        return render(request, "reviews/_panel.html", context, status=status)
    # The whole page also shows the subject's materials beside the panel (htmx swaps the panel alone).
    materials = materials_for(review.kind, review.subject, request.user)
    if materials is not None:
        context["materials_html"] = render_to_string(materials["template"], materials["context"], request=request)
    return render(request, "reviews/detail.html", context, status=status)


def _after_action(request, review_id, level: str, text: str):
    """Success or a conflict: htmx gets the fresh panel with the notice; a plain POST is redirected."""
    if request.htmx:
        review = get_review_for_user(request.user, review_id)
        return _render_review(request, review, notice={"level": level, "text": text})
    getattr(messages, "success" if level == "success" else "error")(request, text)
    return redirect("reviews:detail", pk=review_id)


def _forbidden(request, review, error: PermissionDenied):
    text = str(error) or _("您无权进行此操作")
    if request.htmx:
        # htmx does not swap 4xx answers; the refusal is shown in the panel instead.
        return _render_review(request, review, notice={"level": "danger", "text": text})
    return render(request, "reviews/forbidden.html", {"message": text, "review": review}, status=403)


@require_GET
@login_required
def detail(request, pk):
    review = get_review_for_user(request.user, pk)
    return _render_review(request, review)


@require_POST
@login_required
def decide(request, pk):
    review = get_review_for_user(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _render_review(request, review, decision_form=form)
    decision = form.cleaned_data["decision"]
    try:
        services.decide(
            review_id=review.pk,
            actor=request.user,
            decision=decision,
            reason=form.cleaned_data["reason"],
            step_id=form.cleaned_data["step_id"],
        )
    except services.ReviewConflict as error:
        return _after_action(request, review.pk, "danger", "；".join(error.messages))
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return _render_review(request, review, decision_form=form)
        return _after_action(request, review.pk, "danger", "；".join(error.messages))
    except PermissionDenied as error:
        return _forbidden(request, review, error)
    return _after_action(request, review.pk, "success", _("已提交审核结论：%(decision)s") % {
        "decision": Decision(decision).label})


def _reason_action(request, pk, action: str):
    review = get_review_for_user(request.user, pk)
    form = ReasonForm(request.POST, prefix=action)
    if not form.is_valid():
        return _render_review(request, review, reason_form=form, reason_form_action=action)
    service = services.withdraw if action == "withdraw" else services.revoke
    try:
        service(review_id=review.pk, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        return _after_action(request, review.pk, "danger", "；".join(error.messages))
    except PermissionDenied as error:
        return _forbidden(request, review, error)
    text = _("已撤回申报") if action == "withdraw" else _("已撤销审核结论，事项重新回到本级待审核")
    return _after_action(request, review.pk, "success", text)


@require_POST
@login_required
def withdraw(request, pk):
    return _reason_action(request, pk, "withdraw")


@require_POST
@login_required
def revoke(request, pk):
    return _reason_action(request, pk, "revoke")
