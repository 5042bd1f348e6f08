"""学时申报 (manual 004 §2.1.3, §7): a professional's own declarations (我的学时申报), and the declaration pages the
unit's 学时申报管理 shares for those it made on a person's behalf. Departments decide on /reviews/<id>/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from continuing_education.forms.hours import DeclarationForm, ReasonForm
from continuing_education.selectors.access import linked_staff
from continuing_education.selectors.hours import get_declaration_for_user, own_declarations, pending_unit_step
from continuing_education.services import hours as services
from core.paging import paginate
from organisations.rules import SUBMIT
from reviews.rules import available_actions
from reviews.selectors import history_for_subject, latest_review_for

LIST = "continuing_education:declarations"


def text_of(error) -> str:
    return "；".join(error.messages) if isinstance(error, ValidationError) else (str(error) or _("您无权进行此操作"))


def _require_person(request):
    """我的学时申报 is a person's page: members of organisations use 学时申报管理."""
    if request.user.organisation_id is not None:
        raise PermissionDenied


def detail_url(declaration):
    return redirect("continuing_education:declaration_detail", declaration.pk)


@login_required
def declaration_list(request):
    _require_person(request)
    context = paginate(request, own_declarations(request.user))
    context["member"] = linked_staff(request.user)
    return render(request, "continuing_education/hours/declarations.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def declaration_new(request):
    _require_person(request)
    member = linked_staff(request.user)
    if member is None:
        return render(request, "continuing_education/hours/join_first.html")
    form = DeclarationForm(request.POST or None, request.FILES or None, region=member.organisation.region)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            declaration = services.create_declaration(actor=request.user, data=data, proof=data.pop("proof"))
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("学时申报已保存，请核对后提交审核"))
            return detail_url(declaration)
    return render(request, "continuing_education/hours/declaration_form.html",
                  {"form": form, "member": member, "heading": _("新增学时申报")})


@login_required
@require_http_methods(["GET", "POST"])
def declaration_edit(request, pk):
    declaration = get_declaration_for_user(request.user, pk)
    if not services.may_edit(request.user, declaration):
        raise PermissionDenied
    if not declaration.is_editable:
        messages.error(request, _("学时申报%(status)s，不能修改") % {"status": declaration.get_status_display()})
        return detail_url(declaration)
    initial = {key: getattr(declaration, key) for key in services.FIELDS}
    form = DeclarationForm(request.POST or None, request.FILES or None, initial=initial,
                           region=declaration.organisation.region, proof_required=declaration.proof_id is None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_declaration(actor=request.user, declaration=declaration, data=data,
                                        proof=data.pop("proof"))
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("学时申报已保存"))
            return detail_url(declaration)
    return render(request, "continuing_education/hours/declaration_form.html",
                  {"form": form, "declaration": declaration, "member": declaration.staff,
                   "heading": _("修改学时申报")})


@login_required
def declaration_detail(request, pk):
    declaration = get_declaration_for_user(request.user, pk)
    review = latest_review_for(declaration)
    actions = available_actions(review, request.user)["actions"] if review is not None else frozenset()
    unit_step = pending_unit_step(declaration, request.user)
    return render(request, "continuing_education/hours/declaration_detail.html", {
        "declaration": declaration, "review": review, "history": history_for_subject(declaration),
        "may_edit": services.may_edit(request.user, declaration), "may_withdraw": "withdraw" in actions,
        # On a person's behalf the unit submits: the engine asks for 提交审核 (reviews.submit) besides 学时申报管理.
        "may_submit": not declaration.on_behalf or request.user.has_perm(SUBMIT),
        "unit_step": unit_step, "decision_form": ReasonForm() if unit_step is not None else None,
        "is_reviewer": review is not None and bool(actions & {"approve", "reject", "return", "revoke"}),
    })


def _act(request, pk, action, done):
    declaration = get_declaration_for_user(request.user, pk)
    if not services.may_edit(request.user, declaration):
        raise PermissionDenied
    try:
        action(actor=request.user, declaration=declaration)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, text_of(error))
    else:
        messages.success(request, done)
        if action is services.delete_declaration:
            return redirect("continuing_education:hours_manage" if declaration.on_behalf else LIST)
    return detail_url(declaration)


@login_required
@require_POST
def declaration_submit(request, pk):
    return _act(request, pk, services.submit_declaration, _("学时申报已提交审核"))


@login_required
@require_POST
def declaration_withdraw(request, pk):
    return _act(request, pk, services.withdraw_declaration, _("学时申报已撤回，可修改后重新提交"))


@login_required
@require_POST
def declaration_delete(request, pk):
    return _act(request, pk, services.delete_declaration, _("学时申报已删除"))


