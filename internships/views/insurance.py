"""实习保险 screens: the organisation's policies with the coverage checks and the ending warnings, filing a
policy, its page (insured students, add more, import, the PDF), the printed policy list, and the insurers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.rules import is_platform_staff
from audit.services import record
from core.paging import paginate
from internships.forms.insurance import AddStudentsForm, InsurerForm, PolicyForm
from internships.rules import is_education_reviewer
from internships.selectors.insurance import (
    active_insurers,
    coverages_of,
    ending_policies,
    get_insurer_for_editing,
    get_policy_for_adding,
    get_policy_for_user,
    group_coverage,
    insurers_for_user,
    may_add_to_policy,
    may_file_policies,
    may_manage_insurers,
    policies_for_user,
    uninsured_internships,
)
from internships.services import insurance as services
from printing.pdf import render_pdf

IMPORT_SPEC = "internship_insured_students"


def may_see_insurance(user) -> bool:
    return may_file_policies(user) or is_education_reviewer(user) or is_platform_staff(user)


def _require_insurance(user) -> None:
    if not may_see_insurance(user):
        raise PermissionDenied


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def policy_list(request):
    _require_insurance(request.user)
    policies = policies_for_user(request.user)
    context = paginate(request, policies)
    context.update(
        can_file=may_file_policies(request.user),
        ending=ending_policies(policies_for_user(request.user), timezone.localdate()),
        uninsured=uninsured_internships(request.user),
        groups=group_coverage(request.user),
    )
    return render(request, "internships/insurance/list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def policy_create(request):
    if not may_file_policies(request.user):
        raise PermissionDenied
    organisation = request.user.organisation
    form = PolicyForm(request.POST or None, request.FILES or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            policy = services.file_policy(
                actor=request.user, organisation=organisation, enterprise=data.get("enterprise"),
                policy_number=data["policy_number"].strip(), insurer=data["insurer"].strip(),
                starts_on=data["starts_on"], ends_on=data["ends_on"], document=data["document"],
                is_internship_liability=data["is_internship_liability"],
                internship_ids=[item.pk for item in data["internships"]])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("保单已备案"))
            return redirect("internships:policy_detail", pk=policy.pk)
    return render(request, "internships/insurance/form.html", {"form": form, "insurers": active_insurers()})


@require_GET
@login_required
def policy_detail(request, pk):
    policy = get_policy_for_user(request.user, pk)
    can_add = may_add_to_policy(request.user, policy)
    return render(request, "internships/insurance/detail.html", {
        "policy": policy, "coverages": coverages_of(policy), "can_add": can_add,
        "add_form": AddStudentsForm(policy=policy) if can_add else None, "import_spec": IMPORT_SPEC,
    })


@require_POST
@login_required
def policy_add_students(request, pk):
    policy = get_policy_for_adding(request.user, pk)
    form = AddStudentsForm(request.POST, policy=policy)
    if form.is_valid():
        try:
            chosen = [item.pk for item in form.cleaned_data["internships"]]
            added, _unchanged = services.add_to_policy(actor=request.user, policy=policy, internship_ids=chosen)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已添加 %(count)s 名被保险学生") % {"count": added})
            return redirect("internships:policy_detail", pk=policy.pk)
    return render(request, "internships/insurance/detail.html", {
        "policy": policy, "coverages": coverages_of(policy), "can_add": True, "add_form": form,
        "import_spec": IMPORT_SPEC,
    })


@require_GET
@login_required
def policy_print(request):
    """The organisation's policies with their insured students, printed (masked by permission)."""
    _require_insurance(request.user)
    return pdf_response(print_policies(request.user), _("实习责任保险保单清单.pdf"))


def print_policies(user) -> bytes:
    """The printed policy list (the screen's and the API's), audited as printed."""
    policies = [(policy, list(coverages_of(policy))) for policy in policies_for_user(user)[:500]]
    record(actor=user, action="internships.policies_printed", target=user.organisation,
           after={"policies": len(policies)})
    return render_pdf("internships/insurance/print.html", {
        "policies": policies, "organisation": user.organisation,
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}"}, reader=user)


# --- insurers -------------------------------------------------------------------------------------------------


@require_GET
@login_required
def insurer_list(request):
    return render(request, "internships/insurance/insurers.html", {
        "insurers": insurers_for_user(request.user), "can_manage": may_manage_insurers(request.user)})


def _insurer_form(request, insurer=None):
    form = InsurerForm(request.POST or None, instance=insurer)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_insurer(actor=request.user, data=form.cleaned_data, insurer=insurer)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("已保存"))
            return redirect("internships:insurers")
    return render(request, "internships/insurance/insurer_form.html", {"form": form, "insurer": insurer})


@require_http_methods(["GET", "POST"])
@login_required
def insurer_create(request):
    if not may_manage_insurers(request.user):
        raise PermissionDenied
    return _insurer_form(request)


@require_http_methods(["GET", "POST"])
@login_required
def insurer_edit(request, pk):
    return _insurer_form(request, get_insurer_for_editing(request.user, pk))
