"""The ways in (manual 000 §2): self-registration, activation, pre-registration, student recommendation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.decorators import permission_required_403
from core.paging import paginate
from organisations import selectors
from organisations.forms_registration import ActivationForm, PreregistrationForm, RecommendationForm, RegistrationForm
from organisations.rules import may_recommend_units
from organisations.services import require_verified
from organisations.services_registration import (
    STUDENT_RECOMMENDATIONS_PER_DAY,
    activate_organisation,
    preregister_organisation,
    recommend_organisation,
    register_organisation,
)
from organisations.view_helpers import add_service_errors, first_message

BACKEND = "accounts.backends.IdentifierBackend"


@require_http_methods(["GET", "POST"])
def register(request):
    """自荐注册: creates the organisation and its administrator, signs them in, and sends them on to
    complete the profile and submit it for real-name verification."""
    if request.user.is_authenticated:
        return redirect("portal:home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            admin = register_organisation(
                name=data["name"], credit_code=data["credit_code"], legal_representative=data["legal_representative"],
                kind=data["kind"], mobile=data["mobile"], password=data["password1"], username=data["username"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, admin, backend=BACKEND)
            messages.success(request, _("注册成功。请完善单位信息并提交实名认证，认证通过后即可办理业务。"))
            return redirect("organisations:profile")
    return render(request, "organisations/register.html", {"form": form})


@require_http_methods(["GET", "POST"])
def activate(request):
    if request.user.is_authenticated:
        return redirect("portal:home")
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            admin = activate_organisation(
                organisation=form.organisation, activation_code=data["activation_code"], mobile=data["mobile"],
                password=data["password1"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, admin, backend=BACKEND)
            messages.success(request, _("账号激活成功。请完善单位信息并提交实名认证。"))
            return redirect("organisations:profile")
    return render(request, "organisations/activate.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.preregister")
def preregister(request):
    """推荐录入单位 (schools and government departments)."""
    recommender = request.user.organisation
    form = PreregistrationForm(request.POST or None)
    try:
        require_verified(recommender)
    except ValidationError as error:
        blocked = first_message(error)
    else:
        blocked = ""
    if request.method == "POST" and not blocked and form.is_valid():
        data = form.cleaned_data
        try:
            organisation = preregister_organisation(actor=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("organisations:preregister_done", pk=organisation.pk)
    return render(request, "organisations/preregister.html", {"form": form, "blocked": blocked})


@permission_required_403("organisations.preregister")
def preregister_done(request, pk):
    organisation = selectors.get_preregistered_for_user(request.user, pk)
    return render(request, "organisations/preregister_done.html", {"unit": organisation})


@permission_required_403("organisations.preregister")
def recommended(request):
    """我推荐的单位: activation codes stay visible until the unit has activated."""
    units = selectors.preregistered_by(request.user.organisation)
    return render(request, "organisations/recommended.html", paginate(request, units))


@require_http_methods(["GET", "POST"])
@login_required
def recommend(request):
    """推荐实习单位 (students): the form and the student's own recommendations."""
    if not may_recommend_units(request.user):
        raise PermissionDenied
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = recommend_organisation(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已推荐“%(name)s”，激活码已通过短信发送至单位联系人。") % {
                "name": organisation.name})
            return redirect("organisations:recommend")
    context = {"form": form, "per_day": STUDENT_RECOMMENDATIONS_PER_DAY}
    context.update(paginate(request, selectors.recommended_by_student(request.user)))
    return render(request, "organisations/recommend.html", context)
