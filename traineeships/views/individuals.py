"""The individual's entry to the programme (sign-in with name and ID number, SMS steps), the 见习意向 form,
and the graduate register kept by HR and education departments."""

import time
from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User, UserKind
from core.paging import paginate
from traineeships import selectors
from traineeships.forms.individuals import (
    BindMobileForm,
    GraduateFilterForm,
    GraduateRecordForm,
    IndividualSignInForm,
    IntentionForm,
    SignInCodeForm,
    intention_initial,
)
from traineeships.models import TraineeKind
from traineeships.register_batch import SPEC_KEY
from traineeships.selectors import profile_of
from traineeships.services import individuals as services
from traineeships.services import register as register_services

PENDING_KEY = "traineeship_pending_sign_in"
PENDING_SECONDS = 15 * 60
BACKEND = "accounts.backends.IdentifierBackend"


def _user_agent(request) -> str:
    return request.META.get("HTTP_USER_AGENT", "")


def _landing(profile) -> str:
    if profile is None or profile.intention_submitted_at is None:
        return reverse("traineeships:intention")
    return reverse("traineeships:my_applications")


def individual_page(view):
    """An individual with a traineeship profile and a bound mobile; others are sent where they must go."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        user = request.user
        if user.kind != UserKind.INDIVIDUAL:
            raise PermissionDenied
        profile = profile_of(user)
        if profile is None:
            messages.info(request, _("请先通过就业见习登录入口核验姓名和身份证号"))
            return redirect("traineeships:individual_sign_in")
        if not user.mobile:
            messages.info(request, _("请先绑定手机号"))
            return redirect("traineeships:individual_bind")
        request.trainee_profile = profile
        return view(request, *args, **kwargs)

    return wrapped


# ---------------------------------------------------------------- sign-in


def _set_pending(request, user: User, step: str) -> None:
    request.session[PENDING_KEY] = {"user": user.pk, "step": step, "until": time.time() + PENDING_SECONDS}


def _pending_user(request, step: str) -> User | None:
    pending = request.session.get(PENDING_KEY)
    if not pending or pending.get("step") != step or pending.get("until", 0) < time.time():
        return None
    return User.objects.filter(pk=pending["user"], is_active=True, kind=UserKind.INDIVIDUAL).first()


def _finish_sign_in(request, user: User):
    request.session.pop(PENDING_KEY, None)
    services.record_sign_in(user=user, client_ip=request.client_ip, user_agent=_user_agent(request))
    login(request, user, backend=BACKEND)
    messages.success(request, _("登录成功"))
    return redirect(_landing(profile_of(user)))


@sensitive_post_parameters("id_number")
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    user = request.user
    if request.method == "GET" and user.is_authenticated and user.kind == UserKind.INDIVIDUAL and user.mobile:
        profile = profile_of(user)
        if profile is not None:
            return redirect(_landing(profile))
    form = IndividualSignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            identity = services.check_identity(
                name=form.cleaned_data["name"], id_number=form.cleaned_data["id_number"],
                client_ip=request.client_ip, user_agent=_user_agent(request),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field, errors)
            else:
                form.add_error(None, error.messages)
        else:
            person = services.enter_programme(identity=identity)
            if not person.mobile:
                _set_pending(request, person, "bind")
                return redirect("traineeships:individual_bind")
            _set_pending(request, person, "verify")
            try:
                messages.info(request, services.send_sign_in_code(user=person))
            except ValidationError as error:
                messages.warning(request, " ".join(error.messages))
            return redirect("traineeships:individual_verify")
    return render(request, "traineeships/individual/sign_in.html", {"form": form})


@sensitive_post_parameters("sms_code")
@never_cache
@require_http_methods(["GET", "POST"])
def verify_code(request):
    """Later sign-ins: the code sent to the bound mobile."""
    person = _pending_user(request, "verify")
    if person is None or not person.mobile:
        messages.error(request, _("请重新输入姓名和身份证号"))
        return redirect("traineeships:individual_sign_in")
    form = SignInCodeForm(request.POST or None, mobile=person.mobile)
    if request.method == "POST" and form.is_valid():
        return _finish_sign_in(request, person)
    return render(request, "traineeships/individual/verify.html", {"form": form, "person": person})


@require_POST
def resend_code(request):
    person = _pending_user(request, "verify")
    if person is None or not person.mobile:
        messages.error(request, _("请重新输入姓名和身份证号"))
        return redirect("traineeships:individual_sign_in")
    try:
        messages.info(request, services.send_sign_in_code(user=person))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("traineeships:individual_verify")


@sensitive_post_parameters("sms_code", "new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
def bind_mobile(request):
    """The first sign-in's required step (pending in the session), or a signed-in individual without one."""
    pending = _pending_user(request, "bind")
    signed_in = request.user.is_authenticated and request.user.kind == UserKind.INDIVIDUAL
    person = pending or (request.user if signed_in and not request.user.mobile else None)
    if person is None:
        if signed_in:
            return redirect(_landing(profile_of(request.user)))
        messages.error(request, _("请重新输入姓名和身份证号"))
        return redirect("traineeships:individual_sign_in")
    form = BindMobileForm(request.POST or None, account=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.bind_mobile(actor=person, mobile=form.cleaned_data["mobile"],
                                 password=form.cleaned_data.get("new_password1") or "")
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                form.add_error(field, errors)
        else:
            messages.success(request, _("手机号已绑定"))
            if pending is not None:
                return _finish_sign_in(request, person)
            return redirect(_landing(profile_of(person)))
    return render(request, "traineeships/individual/bind_mobile.html", {"form": form, "person": person})


# ---------------------------------------------------------------- 见习意向


@individual_page
@require_http_methods(["GET", "POST"])
def intention(request):
    profile = request.trainee_profile
    if request.method == "POST":
        form = IntentionForm(request.POST, kind=profile.kind)
        if form.is_valid():
            services.submit_intention(actor=request.user, data=form.cleaned_data)
            messages.success(request, _("见习意向表已提交，现在可以查询岗位并报名"))
            return redirect("traineeships:individual_posts")
    else:
        form = IntentionForm(initial=intention_initial(profile), kind=profile.kind)
    return render(request, "traineeships/individual/intention.html", {
        "form": form, "profile": profile, "person": request.user, "graduate": profile.graduate_record,
        "is_youth": profile.kind == TraineeKind.YOUTH,
    })


# ---------------------------------------------------------------- 高校毕业生信息库


def _register_keeper(view):
    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not selectors.may_maintain_register(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@_register_keeper
def graduate_list(request):
    form = GraduateFilterForm(request.GET or None)
    records = selectors.filter_graduates(selectors.graduates_for_user(request.user),
                                                 **form.filters())
    context = paginate(request, records)
    context.update(filter_form=form, import_key=SPEC_KEY)
    return render(request, "traineeships/individual/graduates.html", context)


@require_http_methods(["GET", "POST"])
@_register_keeper
def graduate_create(request):
    form = GraduateRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            graduate = register_services.create_graduate(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("已新增：%(name)s") % {"name": graduate.name})
            return redirect("traineeships:graduates")
    return render(request, "traineeships/individual/graduate_form.html", {"form": form, "graduate": None})


@require_http_methods(["GET", "POST"])
@_register_keeper
def graduate_edit(request, pk):
    graduate = selectors.get_graduate_for_user(request.user, pk)
    form = GraduateRecordForm(request.POST or None, instance=graduate)
    if request.method == "POST" and form.is_valid():
        try:
            register_services.update_graduate(actor=request.user, graduate=graduate, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("已保存：%(name)s") % {"name": form.cleaned_data["name"]})
            return redirect("traineeships:graduates")
    return render(request, "traineeships/individual/graduate_form.html", {"form": form, "graduate": graduate})
