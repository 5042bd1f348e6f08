"""培训班申报 (manual 004 §2.1.1, §2.1.2): declare, edit, attachments, submit, withdraw, delete; the read-only
detail with its review history, and the approval form as a PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from continuing_education import rules
from continuing_education.forms.classes import ClassForm, MaterialForm, MaterialPickForm, class_initial
from continuing_education.models import ClassStatus
from continuing_education.selectors.classes import (
    get_class_for_user,
    participants_editable,
    participants_of,
    unit_courses,
    unit_sites,
)
from continuing_education.services import classes as services
from core.decorators import permission_required_403
from printing.pdf import render_pdf
from reviews.selectors import history_for_subject, latest_review_for, reviews_of_subject


def require_declarer(request):
    if not rules.may_declare_class(request.user):
        raise PermissionDenied


def own_class(request, pk):
    """A class of the user's own unit for a 培训班申报 action: 404 if not visible, 403 if not theirs to act on."""
    training_class = get_class_for_user(request.user, pk)
    if training_class.organisation_id != request.user.organisation_id or not rules.may_declare_class(request.user):
        raise PermissionDenied
    return training_class


def _form(request, data=None, training_class=None):
    organisation = request.user.organisation
    initial = class_initial(training_class) if training_class else {"year": timezone.localdate().year}
    return ClassForm(data, initial=initial, sites=unit_sites(organisation), courses=unit_courses(organisation))


def _render_form(request, form, training_class=None):
    organisation = request.user.organisation
    return render(request, "continuing_education/classes/form.html", {
        "form": form, "training_class": training_class, "tab": "info",
        "has_courses": unit_courses(organisation).exists(), "has_sites": unit_sites(organisation).exists()})


@require_http_methods(["GET", "POST"])
@permission_required_403(rules.DECLARE_CLASS)
def class_new(request):
    require_declarer(request)
    if request.method == "GET":
        return _render_form(request, _form(request))
    form = _form(request, request.POST)
    if form.is_valid():
        try:
            training_class = services.create_class(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("培训班“%(name)s”已保存为草稿") % {"name": training_class.name})
            return redirect("continuing_education:class_edit", pk=training_class.pk)
    return _render_form(request, form)


@require_http_methods(["GET", "POST"])
@login_required
def class_edit(request, pk):
    training_class = own_class(request, pk)
    if not training_class.is_editable:
        messages.error(request, _("培训班%(status)s，不能修改") % {"status": training_class.get_status_display()})
        return redirect("continuing_education:class_detail", pk=training_class.pk)
    if request.method == "GET":
        return _render_form(request, _form(request, training_class=training_class), training_class)
    form = _form(request, request.POST, training_class)
    if form.is_valid():
        try:
            training_class = services.update_class(actor=request.user, training_class=training_class,
                                                   data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("培训班“%(name)s”已保存") % {"name": training_class.name})
            return redirect("continuing_education:class_edit", pk=training_class.pk)
    return _render_form(request, form, training_class)


@require_GET
@login_required
def class_detail(request, pk):
    """The class read-only: basic information, courses (as approved, once approved), participants, attachments,
    the review history and, for its unit's declarers, the actions of its state."""
    training_class = get_class_for_user(request.user, pk)
    mine = (training_class.organisation_id == request.user.organisation_id
            and rules.may_declare_class(request.user))
    review = latest_review_for(training_class)
    return render(request, "continuing_education/classes/detail.html", {
        "training_class": training_class, "mine": mine, "review": review,
        "history": history_for_subject(training_class),
        "class_courses": training_class.class_courses.select_related("course").prefetch_related("course__teachers"),
        "participants": participants_of(training_class),
        "materials": training_class.materials.select_related("attachment"),
        "problems": services.submission_problems(training_class) if mine and training_class.is_editable else [],
        "deletable": (mine and training_class.status == ClassStatus.DRAFT
                      and not reviews_of_subject(training_class).exists()),
        "participants_editable": mine and participants_editable(training_class),
        "corrections": training_class.corrections.all()})


def _act(request, pk, action, success):
    training_class = own_class(request, pk)
    try:
        action(actor=request.user, training_class=training_class)
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", None) or [str(error) or _("无权操作")]:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return training_class


@require_POST
@login_required
def class_submit(request, pk):
    training_class = _act(request, pk, services.submit_class, _("培训班申报已提交审核"))
    return redirect("continuing_education:class_detail", pk=training_class.pk)


@require_POST
@login_required
def class_withdraw(request, pk):
    training_class = _act(request, pk, services.withdraw_class, _("培训班申报已撤回，可修改后重新提交"))
    return redirect("continuing_education:class_detail", pk=training_class.pk)


@require_POST
@login_required
def class_delete(request, pk):
    training_class = own_class(request, pk)
    try:
        services.delete_class(actor=request.user, training_class=training_class)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("continuing_education:class_detail", pk=training_class.pk)
    messages.success(request, _("培训班申报已删除"))
    return redirect("continuing_education:declared")


@require_http_methods(["GET", "POST"])
@login_required
def class_materials(request, pk):
    """培训相关附件: upload while the declaration is editable."""
    training_class = own_class(request, pk)
    form = MaterialForm()
    if request.method == "POST":
        if not training_class.is_editable:
            messages.error(request, _("培训班%(status)s，不能修改附件") % {
                "status": training_class.get_status_display()})
            return redirect("continuing_education:class_detail", pk=training_class.pk)
        form = MaterialForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.add_material(actor=request.user, training_class=training_class,
                                      uploaded_file=form.cleaned_data["file"])
            except ValidationError as error:
                form.add_error("file", error.messages)
            else:
                messages.success(request, _("附件已上传"))
                return redirect("continuing_education:class_materials", pk=training_class.pk)
    return render(request, "continuing_education/classes/materials.html", {
        "training_class": training_class, "form": form, "tab": "materials",
        "materials": training_class.materials.select_related("attachment")})


@require_POST
@login_required
def class_material_delete(request, pk):
    training_class = own_class(request, pk)
    form = MaterialPickForm(request.POST, materials=training_class.materials.all())
    if not form.is_valid():
        messages.error(request, _("附件不存在"))
    else:
        try:
            services.remove_material(actor=request.user, training_class=training_class,
                                     material=form.cleaned_data["material"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("附件已删除"))
    return redirect("continuing_education:class_materials", pk=training_class.pk)


@require_GET
@login_required
def class_print(request, pk):
    """The approval form (培训班审核表) as a PDF, once approved."""
    training_class = get_class_for_user(request.user, pk)
    if training_class.status != ClassStatus.APPROVED:
        messages.error(request, _("培训班审核通过后才能打印审核表"))
        return redirect("continuing_education:class_detail", pk=training_class.pk)
    return approval_form_response(training_class, reader=request.user)


def approval_form_response(training_class, *, reader) -> HttpResponse:
    """培训班审核表 as a PDF response (the screen's and the API's download)."""
    review = latest_review_for(training_class)
    pdf = render_pdf("continuing_education/classes/print.html", {
        "training_class": training_class, "snapshot": training_class.approved_snapshot, "review": review,
        "decisions": [event for event in history_for_subject(training_class)
                      if event.review_id == getattr(review, "pk", None)],
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}"}, reader=reader)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"继续教育培训班审核表-{training_class.number}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response
