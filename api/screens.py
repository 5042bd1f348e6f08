"""开放接口密钥: the organisation's keys, issuing, rotating and revoking them. A new token is shown once: the
service hands it back, the page that issued it puts it in the session, and the next page takes it out again (so a
reload or the back button cannot show it a second time; only its hash is stored)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from api import scopes as scope_registry
from api import services
from api.rules import MANAGE_KEYS
from api.screen_forms import IssueKeyForm
from api.selectors import get_key_for_user, keys_for_user
from core.decorators import permission_required_403
from core.paging import paginate

SESSION_KEY = "api_keys.new_token"


def _require_organisation(request):
    # Platform staff hold every permission but belong to no organisation: there is nothing to issue for.
    if request.user.organisation_id is None:
        raise PermissionDenied


def _show_once(request, issued) -> None:
    request.session[SESSION_KEY] = {"key": issued.key.pk, "token": issued.token}


def _scope_labels():
    return dict(scope_registry.scope_choices())


@require_GET
@permission_required_403(MANAGE_KEYS)
def key_list(request):
    _require_organisation(request)
    labels = _scope_labels()
    page = paginate(request, keys_for_user(request.user))
    page["object_list"] = list(page["object_list"])
    for key in page["object_list"]:
        key.scope_labels = [labels.get(scope, scope) for scope in key.scopes]
    return render(request, "api/key_list.html", page)


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE_KEYS)
def key_issue(request):
    _require_organisation(request)
    form = IssueKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.issue_key(
                actor=request.user, organisation=request.user.organisation, name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"], allowed_ips=form.cleaned_data["allowed_ips"],
                expires_at=form.expires_at(), rate_per_minute=form.cleaned_data["rate_per_minute"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _show_once(request, issued)
            return redirect("api_keys:issued")
    return render(request, "api/key_form.html", {"form": form})


@never_cache
@require_GET
@permission_required_403(MANAGE_KEYS)
def key_issued(request):
    _require_organisation(request)
    shown = request.session.pop(SESSION_KEY, None)
    if shown is None:
        messages.info(request, _("密钥只在签发或轮换后显示一次；如已遗失，请轮换该密钥"))
        return redirect("api_keys:list")
    key = get_key_for_user(request.user, shown["key"])
    return render(request, "api/key_issued.html", {
        "key": key, "token": shown["token"], "me_url": request.build_absolute_uri(reverse("api:me")),
    })


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE_KEYS)
def key_rotate(request, pk):
    key = get_key_for_user(request.user, pk)
    if request.method == "POST":
        try:
            issued = services.rotate_key(actor=request.user, key=key)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("api_keys:list")
        _show_once(request, issued)
        return redirect("api_keys:issued")
    return render(request, "api/key_confirm.html", {"key": key, "action": "rotate"})


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE_KEYS)
def key_revoke(request, pk):
    key = get_key_for_user(request.user, pk)
    if request.method == "POST":
        try:
            services.revoke_key(actor=request.user, key=key)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("已停用密钥：%(key)s") % {"key": key})
        return redirect("api_keys:list")
    return render(request, "api/key_confirm.html", {"key": key, "action": "revoke"})
