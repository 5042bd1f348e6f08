import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import selectors, services
from accounts.forms import (
    LoginForm,
    LoginLogFilterForm,
    LoginNameForm,
    PasswordChangeForm,
    PasswordResetConfirmForm,
    PasswordResetRequestForm,
)
from accounts.models import SmsPurpose
from accounts.rules import login_name_fixed
from core.paging import paginate

RESET_MOBILE_SESSION_KEY = "accounts_reset_mobile"
MOBILE_INPUT_RE = re.compile(r"^[A-Za-z][\w-]{0,63}$")


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _user_agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = _safe_next(request)
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    form = LoginForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            result = services.sign_in(
                identifier=form.cleaned_data["identifier"],
                password=form.cleaned_data["password"],
                client_ip=request.client_ip,
                user_agent=_user_agent(request),
            )
            if result.succeeded:
                login(request, result.user, backend="accounts.backends.IdentifierBackend")
                return redirect(next_url or settings.LOGIN_REDIRECT_URL)
            # Re-rendering shows a new captcha (the widget makes one per render) and no password.
            form.add_error(None, result.message)
        elif "captcha" in form.errors and form.data.get("identifier", "").strip():
            services.record_rejected_attempt(
                identifier=form.data["identifier"],
                client_ip=request.client_ip,
                user_agent=_user_agent(request),
                reason=services.REASON_CAPTCHA,
            )
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("您已安全退出登录"))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    if login_name_fixed(user):
        # An individual's login account never changes: no form, and a posted one is refused.
        if request.method == "POST":
            raise PermissionDenied
        form = None
    else:
        form = LoginNameForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_login_name(actor=user, username=form.cleaned_data["username"])
        except ValidationError as error:
            form.add_error("username", error)
        else:
            messages.success(request, _("登录名已保存"))
            return redirect("accounts:profile")
    roles = [role.name for role in user.roles.all()]
    return render(request, "accounts/profile.html", {"form": form, "account": user, "roles": roles})


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(actor=request.user, new_password=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, request.user)
        messages.success(request, _("密码已修改"))
        return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def password_reset(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mobile = form.cleaned_data["mobile"]
        try:
            message = services.request_sms_code(mobile=mobile, purpose=SmsPurpose.RESET_PASSWORD,
                                                 client_ip=request.client_ip)
        except ValidationError as error:
            form.add_error("mobile", error)
        else:
            request.session[RESET_MOBILE_SESSION_KEY] = mobile
            messages.info(request, message)
            return redirect("accounts:password_reset_confirm")
    return render(request, "accounts/password_reset.html", {"form": form})


@sensitive_post_parameters("new_password1", "new_password2", "sms_code")
@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request):
    initial = {"mobile": request.session.get(RESET_MOBILE_SESSION_KEY, "")}
    form = PasswordResetConfirmForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.reset_password(mobile=form.cleaned_data["mobile"], new_password=form.cleaned_data["new_password1"])
        request.session.pop(RESET_MOBILE_SESSION_KEY, None)
        messages.success(request, _("密码已重置，请使用新密码登录"))
        return redirect("accounts:login")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


@require_POST
def send_sms(request):
    """htmx: send a code to the posted mobile for the posted purpose; answers with the message to show.
    The button (includes/sms_button.html) names the form's mobile input in `mobile_input`."""
    input_name = request.POST.get("mobile_input", "mobile")
    mobile = request.POST.get(input_name, "") if MOBILE_INPUT_RE.match(input_name) else ""
    purpose = request.POST.get("purpose", "")
    try:
        if purpose not in SmsPurpose.values:
            raise ValidationError(_("验证码用途无效"))
        message = services.request_sms_code(mobile=mobile, purpose=purpose, client_ip=request.client_ip)
        succeeded = True
    except ValidationError as error:
        message, succeeded = " ".join(error.messages), False
    return render(request, "accounts/includes/sms_result.html", {"message": message, "succeeded": succeeded})


@require_GET
def sms_outbox(request):
    if not selectors.outbox_visible():
        raise Http404
    context = {"outbox": selectors.latest_outbox_messages(), "limit": selectors.OUTBOX_PAGE_SIZE}
    return render(request, "accounts/sms_outbox.html", context)


@login_required
@require_GET
def login_log(request):
    records = selectors.get_login_records_for_user(request.user)
    filter_form = LoginLogFilterForm(request.GET or None)
    filters = filter_form.filters()
    records = records.none() if filters is None else selectors.filter_login_records(records, **filters)
    context = {"filter_form": filter_form, "show_organisation": request.user.is_staff,
               "reset_url": reverse("accounts:login_log"), **paginate(request, records)}
    return render(request, "accounts/login_log.html", context)
