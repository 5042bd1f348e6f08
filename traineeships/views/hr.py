"""HR departments: 见习基地名录, 报省厅备案 (city), 已备案基地 (province) and 岗位发布 (city)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from traineeships.forms.hr import TAB_LABELS, BaseFilterForm, FiledBaseFilterForm, PublishingFilterForm
from traineeships.forms.posts import PublishingPageForm
from traineeships.models import REVIEWED_STATUSES
from traineeships.selectors import (
    bases_for_government,
    filed_bases_for_province,
    filter_bases,
    filter_filed_bases,
    filter_publishing,
    get_base_for_user,
    publishable_posts_for_city,
)
from traineeships.services import bases as base_services
from traineeships.services import posts as post_services


@require_GET
@permission_required_403("traineeships.review")
def base_list(request):
    bases = bases_for_government(request.user)
    form = BaseFilterForm(request.GET)
    filters = form.filters()
    bases = bases.none() if filters is None else filter_bases(bases, **filters)
    context = paginate(request, bases)
    context.update(form=form, export_query=request.GET.urlencode(),
                   rows=[{"base": base, "can_file": base_services.can_file(request.user, base) and base.is_approved
                          and not base.is_filed} for base in context["object_list"]])
    return render(request, "traineeships/hr/bases.html", context)


@require_GET
@permission_required_403("traineeships.review")
def filed_bases(request):
    form = FiledBaseFilterForm(request.GET)
    filters = form.filters()
    bases = filed_bases_for_province(request.user)
    bases = bases.none() if filters is None else filter_filed_bases(bases, **filters)
    context = paginate(request, bases)
    context.update(form=form, export_query=request.GET.urlencode())
    return render(request, "traineeships/hr/filed_bases.html", context)


@require_POST
@login_required
def file_base(request, pk):
    base = get_base_for_user(request.user, pk)
    try:
        base_services.file_with_province(base=base, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已报省厅备案"))
    return redirect("traineeships:base_detail", pk=base.pk)


@require_http_methods(["GET", "POST"])
@permission_required_403("traineeships.publish_posts")
def publishing(request):
    """岗位发布: the city ticks approved posts and publishes several at once, or unpublishes them."""
    posts = publishable_posts_for_city(request.user)
    if request.method == "POST":
        return _change_publication(request, posts)
    form = PublishingFilterForm(request.GET)
    filters = form.filters()
    tab = form.chosen_tab
    context = paginate(request, posts.none() if filters is None else filter_publishing(posts, **filters))
    context.update(form=form, tab=tab, tabs=list(TAB_LABELS.items()), publish=tab in ("approved", "unpublished"),
                   export_query=request.GET.urlencode())
    return render(request, "traineeships/hr/publishing.html", context)


def _change_publication(request, posts):
    form = PublishingPageForm(request.POST, choices=posts.filter(status__in=REVIEWED_STATUSES).values_list(
        "pk", flat=True))
    valid = form.is_valid()
    target = form.cleaned_data.get("back") or "traineeships:publishing"
    if not valid:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(target)
    publish = form.cleaned_data["action"] == "publish"
    outcome = post_services.change_publication(post_ids=form.cleaned_data["post_ids"], actor=request.user,
                                               publish=publish)
    if outcome.done:
        text = _("已发布 %(count)d 个岗位") if publish else _("已撤销发布 %(count)d 个岗位")
        messages.success(request, text % {"count": len(outcome.done)})
    for post, reason in outcome.failed:
        title = post.title if post is not None else _("岗位")
        messages.error(request, _("「%(title)s」：%(reason)s") % {"title": title, "reason": reason})
    return redirect(target)
