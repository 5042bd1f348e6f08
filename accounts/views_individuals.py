"""The name + ID number entry for people (accounts.identity), one set of pages for every programme
registered in accounts.eligibility: /accounts/individual/<programme>/sign-in/ and the SMS steps after it.
A programme may also mount sign_in at its own address with the `programme` keyword."""

import time

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from accounts import identity
from accounts.eligibility import get_programme
from accounts.forms_individuals import BindMobileForm, IndividualSignInForm, SignInCodeForm
from accounts.models import User, UserKind

PENDING_KEY = "individual_pending_sign_in"
PENDING_SECONDS = 15 * 60
BACKEND = "accounts.backends.IdentifierBackend"


def step_url(step: str, programme_key: str) -> str:
    return reverse(f"accounts:individual_{step}", kwargs={"programme": programme_key})


def entry_url(programme) -> str:
    if programme.entry_url_name:
        return reverse(programme.entry_url_name)
    return step_url("sign_in", programme.key)


def _user_agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")


def _set_pending(request, user: User, step: str, programme_key: str) -> None:
    request.session[PENDING_KEY] = {"user": user.pk, "step": step, "programme": programme_key,
                                    "until": time.time() + PENDING_SECONDS}


def _pending_user(request, step: str, programme_key: str) -> User | None:
    pending = request.session.get(PENDING_KEY)
    if (not pending or pending.get("step") != step or pending.get("programme") != programme_key
            or pending.get("until", 0) < time.time()):
        return None
    return User.objects.filter(pk=pending["user"], is_active=True, kind=UserKind.INDIVIDUAL).first()


def _start_again(request, programme):
    messages.error(request, _("请重新输入姓名和身份证号"))
    return redirect(entry_url(programme))


def _finish(request, user: User, programme):
    request.session.pop(PENDING_KEY, None)
    identity.finish_sign_in(user=user, programme=programme, client_ip=request.client_ip,
                            user_agent=_user_agent(request))
    login(request, user, backend=BACKEND)
    messages.success(request, _("登录成功"))
    return redirect(programme.landing(user))


def _signed_in_individual(request) -> User | None:
    user = request.user
    return user if user.is_authenticated and user.kind == UserKind.INDIVIDUAL else None


@sensitive_post_parameters("id_number")
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request, programme):
    programme = get_programme(programme)
    person = _signed_in_individual(request)
    if request.method == "GET" and person is not None and person.mobile and person.identity_verified_at:
        # Verified before (here or in another programme): no need to type name and ID number again.
        try:
            identity.admit_verified(user=person, programme=programme)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect(programme.landing(person))
    form = IndividualSignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            checked = identity.check_identity(
                programme=programme, name=form.cleaned_data["name"], id_number=form.cleaned_data["id_number"],
                client_ip=request.client_ip, user_agent=_user_agent(request),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            else:
                form.add_error(None, error.messages)
        else:
            person = identity.enter(identity=checked)
            if not person.mobile:
                _set_pending(request, person, "bind", programme.key)
                return redirect(step_url("bind", programme.key))
            _set_pending(request, person, "verify", programme.key)
            try:
                messages.info(request, identity.send_sign_in_code(user=person, client_ip=request.client_ip))
            except ValidationError as error:
                messages.warning(request, " ".join(error.messages))
            return redirect(step_url("verify", programme.key))
    return render(request, "accounts/individual/sign_in.html", {"form": form, "programme": programme})


@sensitive_post_parameters("sms_code")
@never_cache
@require_http_methods(["GET", "POST"])
def verify_code(request, programme):
    """Later sign-ins: the code sent to the bound mobile."""
    programme = get_programme(programme)
    person = _pending_user(request, "verify", programme.key)
    if person is None or not person.mobile:
        return _start_again(request, programme)
    form = SignInCodeForm(request.POST or None, mobile=person.mobile)
    if request.method == "POST" and form.is_valid():
        return _finish(request, person, programme)
    return render(request, "accounts/individual/verify.html",
                  {"form": form, "person": person, "programme": programme})


@require_POST
def resend_code(request, programme):
    programme = get_programme(programme)
    person = _pending_user(request, "verify", programme.key)
    if person is None or not person.mobile:
        return _start_again(request, programme)
    try:
        messages.info(request, identity.send_sign_in_code(user=person, client_ip=request.client_ip))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(step_url("verify", programme.key))


@sensitive_post_parameters("sms_code", "new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
def bind_mobile(request, programme):
    """The first sign-in's required step (pending in the session), or a signed-in individual without one."""
    programme = get_programme(programme)
    pending = _pending_user(request, "bind", programme.key)
    signed_in = _signed_in_individual(request)
    person = pending or (signed_in if signed_in is not None and not signed_in.mobile else None)
    if person is None:
        if signed_in is not None:
            return redirect(programme.landing(signed_in))
        return _start_again(request, programme)
    form = BindMobileForm(request.POST or None, account=person)
    if request.method == "POST" and form.is_valid():
        try:
            identity.bind_mobile(actor=person, mobile=form.cleaned_data["mobile"],
                                 password=form.cleaned_data.get("new_password1") or "")
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                form.add_error(field, errors)
        else:
            if programme.mobile_bound is not None:
                programme.mobile_bound(person)
            messages.success(request, _("手机号已绑定"))
            if pending is not None:
                return _finish(request, person, programme)
            return redirect(programme.landing(person))
    return render(request, "accounts/individual/bind_mobile.html",
                  {"form": form, "person": person, "programme": programme})
