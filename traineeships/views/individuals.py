"""The individual's pages of the programme (the 见习意向 form), and the graduate register kept by HR and
education departments. The sign-in with name and ID number is accounts.views_individuals, mounted at this
programme's entry address too (traineeships.urls)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts import identity
from accounts.eligibility import get_programme
from accounts.models import UserKind
from accounts.views_individuals import step_url
from core.paging import paginate
from traineeships import selectors
from traineeships.forms.individuals import (
    GraduateFilterForm,
    GraduateRecordForm,
    IntentionForm,
    intention_initial,
)
from traineeships.imports import GRADUATES
from traineeships.models import TraineeKind
from traineeships.selectors import profile_of
from traineeships.services import individuals as services
from traineeships.services import register as register_services

PROGRAMME = "traineeships"


def _admit(request, user):
    """The traineeship profile of an individual without one: created at once when the account's name and
    ID number were verified before (by SMS, here or in another programme); None sends them to the entry."""
    if user.identity_verified_at is None:
        messages.info(request, _("请先通过就业见习登录入口核验姓名和身份证号"))
        return None
    try:
        identity.admit_verified(user=user, programme=get_programme(PROGRAMME))
    except ValidationError as error:
        raise PermissionDenied(" ".join(error.messages)) from None
    return profile_of(user)


def individual_page(view):
    """An individual with a traineeship profile and a bound mobile; others are sent where they must go."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        user = request.user
        if user.kind != UserKind.INDIVIDUAL:
            raise PermissionDenied
        profile = profile_of(user) or _admit(request, user)
        if profile is None:
            return redirect("traineeships:individual_sign_in")
        if not user.mobile:
            messages.info(request, _("请先绑定手机号"))
            return redirect(step_url("bind", PROGRAMME))
        request.trainee_profile = profile
        return view(request, *args, **kwargs)

    return wrapped


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
    filters, records = form.filters(), selectors.graduates_for_user(request.user)
    records = records.none() if filters is None else selectors.filter_graduates(records, **filters)
    context = paginate(request, records)
    context.update(filter_form=form, import_key=GRADUATES)
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
