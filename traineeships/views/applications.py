"""见习岗位报名 for individuals (search, 报名, 感兴趣, 已报岗位管理) and 报名审核 for the unit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from traineeships import selectors
from traineeships.forms.applications import ApplicationFilterForm, DecisionForm, ReleaseForm
from traineeships.forms.public import PublicPostFilterForm
from traineeships.models import Application, ApplicationStatus
from traineeships.selectors import filter_public_posts, get_public_post, posts_for_unit, public_posts
from traineeships.services import applications as services
from traineeships.services.individuals import eligibility_problem
from traineeships.views.individuals import individual_page

UNIT_PERMISSION = services.UNIT_PERMISSION
PAGE_SIZE = 20
# Part 2b's trainee actions on a placement (e.g. 申请终止见习), shown on the application page when present.
PERSON_ACTIONS_TEMPLATE = "traineeships/placements/_person_actions.html"


def _messages_of(error: ValidationError) -> str:
    return "；".join(error.messages)


# ---------------------------------------------------------------- the individual


@require_GET
@individual_page
def post_search(request):
    """岗位报名: the published posts, searched by city/county, unit name and post title as on the public page."""
    form = PublicPostFilterForm(request.GET)
    filters = form.filters()
    posts = public_posts().select_related("work_region")
    posts = posts.none() if filters is None else filter_public_posts(posts, **filters)
    page_obj = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    querystring = form.querystring()
    return render(request, "traineeships/applications/search.html", {
        "form": form, "page_obj": page_obj, "posts": page_obj.object_list,
        "querystring_without_page": f"{querystring}&" if querystring else "",
        "interested": selectors.interested_post_ids(request.user),
        "blocked": services.why_cannot_apply(request.user, request.trainee_profile),
    })


@require_GET
@individual_page
def post_detail(request, pk):
    post = get_public_post(pk)
    mine = Application.objects.filter(person=request.user, post=post).order_by("-applied_at", "-id").first()
    return render(request, "traineeships/applications/post_detail.html", {
        "post": post, "mine": mine,
        "interested": post.pk in selectors.interested_post_ids(request.user),
        "blocked": (services.why_cannot_apply(request.user, request.trainee_profile)
                    or eligibility_problem(request.user, region=post.work_region)),
        "full": selectors.places_taken(post) >= post.places,
    })


@require_POST
@individual_page
def apply(request, pk):
    post = get_public_post(pk)
    try:
        application = services.apply(actor=request.user, post=post)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
        return redirect("traineeships:individual_post", pk=post.pk)
    messages.success(request, _("报名成功，请等待单位审核"))
    return redirect("traineeships:my_application", pk=application.pk)


@require_POST
@individual_page
def interest(request, pk):
    post = get_public_post(pk)
    wanted = request.POST.get("interested") == "1"
    try:
        now = services.set_interest(actor=request.user, post=post, interested=wanted)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("已标记为感兴趣") if now else _("已取消感兴趣"))
    return redirect("traineeships:individual_post", pk=post.pk)


@require_GET
@individual_page
def my_applications(request):
    """已报岗位管理: every application with its status and, once onboarded, the on-post status."""
    applications = selectors.applications_for_person(request.user)
    context = paginate(request, applications)
    placements = selectors.placements_by_application(context["object_list"])  # one query, not one per row
    rows = [{"application": application, "placement": placements.get(application.pk)}
            for application in context["object_list"]]
    context.update(rows=rows, blocked=services.why_cannot_apply(request.user, request.trainee_profile))
    return render(request, "traineeships/applications/mine.html", context)


@require_GET
@individual_page
def my_application(request, pk):
    application = selectors.get_own_application(request.user, pk)
    placement = selectors.placement_of(application)
    return render(request, "traineeships/applications/my_detail.html", {
        "application": application, "placement": placement, "history": selectors.history_of(application),
        "can_withdraw": application.status == ApplicationStatus.PENDING,
        "onboard_by": services.onboard_by(application),
        "person_actions": placement is not None,
        "person_actions_template": PERSON_ACTIONS_TEMPLATE,
    })


@require_POST
@individual_page
def withdraw(request, pk):
    application = selectors.get_own_application(request.user, pk)
    try:
        services.withdraw(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("已撤销报名，可以重新选择岗位报名"))
    return redirect("traineeships:my_application", pk=application.pk)


# ---------------------------------------------------------------- the unit: 报名审核


@require_GET
@permission_required_403(UNIT_PERMISSION)
def review_list(request):
    applications = selectors.applications_for_unit(request.user)
    form = ApplicationFilterForm(request.GET or None, posts=posts_for_unit(request.user))
    filters = form.filters()
    if filters is None:
        applications = applications.none()
    else:
        if filters.get("post"):
            applications = applications.filter(post_id=filters["post"])
        if filters.get("status"):
            applications = applications.filter(status=filters["status"])
    context = paginate(request, applications)
    context.update(filter_form=form)
    return render(request, "traineeships/applications/review_list.html", context)


def _review_context(request, application, form=None, release_form=None) -> dict:
    profile = getattr(application.person, "trainee_profile", None)
    return {
        "application": application, "profile": profile, "person": application.person,
        "placement": selectors.placement_of(application), "history": selectors.history_of(application),
        "form": form or DecisionForm(), "can_decide": application.status == ApplicationStatus.PENDING,
        "release_form": release_form or ReleaseForm(), "can_release": not services.releasable(application),
        "onboard_by": services.onboard_by(application),
    }


@require_GET
@permission_required_403(UNIT_PERMISSION)
def review_detail(request, pk):
    application = selectors.get_unit_application(request.user, pk)
    return render(request, "traineeships/applications/review_detail.html", _review_context(request, application))


@require_http_methods(["POST"])
@permission_required_403(UNIT_PERMISSION)
def decide(request, pk):
    application = selectors.get_unit_application(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return render(request, "traineeships/applications/review_detail.html",
                      _review_context(request, application, form), status=400)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        services.decide(actor=request.user, application=application, approve=approve,
                        reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("已审核通过") if approve else _("已审核不通过"))
    return redirect("traineeships:application_review", pk=application.pk)


@require_http_methods(["POST"])
@permission_required_403(UNIT_PERMISSION)
def release(request, pk):
    """释放报名: an approved applicant the unit cannot onboard is let go, with a reason the person reads."""
    application = selectors.get_unit_application(request.user, pk)
    form = ReleaseForm(request.POST)
    if not form.is_valid():
        return render(request, "traineeships/applications/review_detail.html",
                      _review_context(request, application, release_form=form), status=400)
    try:
        services.release(actor=request.user, application=application, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, _messages_of(error))
    else:
        messages.success(request, _("已释放该报名，报名人已收到通知，可报名其他岗位"))
    return redirect("traineeships:application_review", pk=application.pk)
