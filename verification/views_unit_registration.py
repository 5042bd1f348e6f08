"""注册用人单位 (organisations:register_unit): search, then the form; the done page offers 前往单位管理 and 实名认证."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from verification.forms_unit_registration import UnitRegistrationForm, UnitSearchForm
from verification.unit_registration import find_registered, may_register_unit, register_unit


@login_required
@require_http_methods(["GET", "POST"])
def register_unit_view(request):
    if not may_register_unit(request.user):
        raise PermissionDenied
    search = UnitSearchForm(request.GET or None)
    found = list(find_registered(search.cleaned_data["q"])) if search.is_valid() else []
    form = None
    if request.method == "POST":
        form = UnitRegistrationForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                register_unit(actor=request.user, name=data["name"], credit_code=data["credit_code"],
                              credit_code_image=data["credit_code_image"], region=data["region"],
                              hr_department=data["hr_department"],
                              supervising_department=data["supervising_department"], nature=data["nature"],
                              unit_level=data["unit_level"], legal_representative=data["legal_representative"],
                              contact_phone=data["contact_phone"], address=data["address"])
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("用人单位注册成功，您已成为该单位的管理员。"))
                return redirect("organisations:register_unit_done")
    elif search.is_valid() and not found:
        # Nothing registered under that name or code: the form, started with what was searched.
        text = search.cleaned_data["q"]
        initial = {"credit_code": text.upper()} if len(text) == 18 and text.isalnum() else {"name": text}
        form = UnitRegistrationForm(initial=initial)
    return render(request, "verification/register_unit.html", {"search": search, "found": found, "form": form})


@login_required
@require_GET
def register_unit_done(request):
    user = request.user
    # Only the administrator who registered the unit themselves (others have nothing to be told here).
    if user.organisation_id is None or not user.is_org_admin or user.organisation.created_by_id != user.pk:
        raise PermissionDenied
    return render(request, "verification/register_unit_done.html", {"organisation": user.organisation})
