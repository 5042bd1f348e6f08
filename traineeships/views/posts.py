"""The unit's 见习岗位: list, add, edit, delete, resubmit, revoke publication; 岗位查询 with the people who
applied or showed interest; and the post's record page that reviewers open."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from reviews.models import ReviewStatus
from reviews.selectors import history_for_subject, latest_review_for
from traineeships.forms.posts import PostFilterForm, PostForm, PostQueryForm, post_initial
from traineeships.models import EDITABLE_POST_STATUSES, RESUBMITTABLE_POST_STATUSES, BaseStatus, PostStatus
from traineeships.rules import MANAGE_BASE as PERMISSION
from traineeships.selectors import (
    get_own_base,
    get_post_for_user,
    get_unit_post,
    latest_reviews_for_posts,
    people_for_post,
    posts_for_unit,
    reviewed_posts_for_unit,
)
from traineeships.services import posts as services


def _decided(post, review) -> bool:
    return (
        post.status == PostStatus.PENDING and review is not None and review.status == ReviewStatus.PENDING
        and (review.has_decision if hasattr(review, "has_decision")
             else review.steps.exclude(decided_at__isnull=True).exists())
    )


def _actions(user, post, review) -> dict:
    own = user.organisation_id == post.base.organisation_id and user.has_perm(PERMISSION)
    editable = own and post.status in EDITABLE_POST_STATUSES and not _decided(post, review)
    return {
        "can_edit": editable,
        "can_delete": editable,
        "can_resubmit": editable and post.status in RESUBMITTABLE_POST_STATUSES,
        "can_unpublish": own and post.status == PostStatus.PUBLISHED,
    }


@require_GET
@permission_required_403(PERMISSION)
def post_list(request):
    base = get_own_base(request.user)
    form = PostFilterForm(request.GET)
    posts = posts_for_unit(request.user)
    if form.is_valid() and form.cleaned_data["status"]:
        posts = posts.filter(status=form.cleaned_data["status"])
    context = paginate(request, posts)
    reviews = latest_reviews_for_posts(context["object_list"])
    rows = [{"post": post, "review": reviews.get(post.pk), **_actions(request.user, post, reviews.get(post.pk))}
            for post in context["object_list"]]
    context.update(form=form, rows=rows, base=base,
                   can_add=base is not None and base.status == BaseStatus.APPROVED,
                   export_query=request.GET.urlencode())
    return render(request, "traineeships/posts/list.html", context)


def _render_form(request, form, post=None, status=200):
    base = post.base if post is not None else get_own_base(request.user)
    return render(request, "traineeships/posts/form.html", {"form": form, "post": post, "base": base,
                  "resubmittable": post is not None and post.status in RESUBMITTABLE_POST_STATUSES}, status=status)


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def post_create(request):
    base = get_own_base(request.user)
    if base is None or base.status != BaseStatus.APPROVED:
        messages.error(request, _("见习基地申请审核通过后才能发布见习岗位"))
        return redirect("traineeships:posts")
    if request.method == "GET":
        organisation = base.organisation
        return _render_form(request, PostForm(initial={
            "work_region": organisation.region_id, "address": organisation.address,
            "contact_person": organisation.contact_person, "contact_phone": organisation.contact_phone,
        }))
    form = PostForm(request.POST)
    if form.is_valid():
        try:
            post = services.create_post(organisation=base.organisation, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("申报成功，岗位已提交审核"))
            return redirect("traineeships:post_detail", pk=post.pk)
    return _render_form(request, form)


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def post_edit(request, pk):
    post = get_unit_post(request.user, pk)
    try:
        services.check_editable(post)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("traineeships:post_detail", pk=post.pk)
    if request.method == "GET":
        return _render_form(request, PostForm(initial=post_initial(post)), post)
    form = PostForm(request.POST)
    if form.is_valid():
        resubmit = "resubmit" in request.POST
        try:
            post = services.update_post(post=post, actor=request.user, data=form.cleaned_data, resubmit=resubmit)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已重新提交审核") if resubmit and post.status == PostStatus.PENDING
                             else _("已保存"))
            return redirect("traineeships:post_detail", pk=post.pk)
    return _render_form(request, form, post)


@require_POST
@permission_required_403(PERMISSION)
def post_delete(request, pk):
    post = get_unit_post(request.user, pk)
    try:
        services.delete_post(post=post, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("traineeships:post_detail", pk=post.pk)
    messages.success(request, _("岗位“%(title)s”已删除") % {"title": post.title})
    return redirect("traineeships:posts")


@require_POST
@permission_required_403(PERMISSION)
def post_unpublish(request, pk):
    post = get_unit_post(request.user, pk)
    try:
        services.unpublish_by_unit(post=post, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已撤销发布"))
    return redirect("traineeships:post_detail", pk=post.pk)


@require_GET
@login_required
def post_detail(request, pk):
    """The post's record: the unit's page and the page reviewers open from their inbox."""
    post = get_post_for_user(request.user, pk)
    review = latest_review_for(post)
    own = request.user.organisation_id == post.base.organisation_id
    return render(request, "traineeships/posts/detail.html", {
        "post": post, "review": review, "own": own, "history": history_for_subject(post),
        **_actions(request.user, post, review),
    })


@require_GET
@permission_required_403(PERMISSION)
def post_query(request):
    """就业见习岗位查询 (manual 002 §六–七): approved posts and, for the one opened, who applied or is interested."""
    posts = reviewed_posts_for_unit(request.user)
    context = paginate(request, posts)
    selected = None
    people = None
    form = PostQueryForm(request.GET)
    if form.is_valid() and form.cleaned_data["post"]:
        selected = posts.filter(pk=form.cleaned_data["post"]).first()
        if selected is not None:
            people = people_for_post(selected)
    context.update(selected=selected, people=people, form=form)
    return render(request, "traineeships/posts/query.html", context)
