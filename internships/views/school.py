"""The internship's page (host enterprise, school, education department, the student) and the school's
actions on it: the tripartite agreement (terms, the student's confirmation, consent form, signature, the PDF,
the signed copy) and the early end."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.services import record
from internships.forms.school import AgreementTermsForm, ConfirmForm, EndEarlyForm, UploadForm, terms_initial
from internships.models import InternshipStatus, Lodging, PayMethod, PayPeriod
from internships.selectors.access import student_of
from internships.selectors.school import (
    complaints_count,
    coverages_of,
    evaluations_of,
    get_internship_for_user,
    get_school_internship,
    get_student_internship,
    internships_of_student,
    is_covered,
    is_own_student,
    may_act_for_school,
)
from internships.services import school as services
from printing.pdf import render_pdf
from timeline.selectors import events_for


def _error_text(error: ValidationError) -> str:
    return "；".join(error.messages)


def _form_errors(form) -> str:
    return "；".join(message for errors in form.errors.values() for message in errors)


def _actions(user, internship) -> dict:
    status = internship.status
    school = may_act_for_school(user) and internship.school_id == user.organisation_id
    student = is_own_student(user, internship)
    has_terms = bool(internship.agreement_terms)
    return {
        "may_edit_terms": school and status == InternshipStatus.SIGNED,
        "may_upload_consent": school and status == InternshipStatus.SIGNED,
        "may_sign": school and status == InternshipStatus.SIGNED,
        "may_upload_copy": school and has_terms and status in services.COPY_STATUSES,
        "may_end": school and status in services.ENDABLE_STATUSES,
        "may_confirm": student and status == InternshipStatus.SIGNED and has_terms
        and internship.student_confirmed_at is None,
        "may_print": has_terms,
        "is_school": school,
        "is_student": student,
    }


def _terms_display(terms: dict) -> list[tuple[str, str]]:
    labels = dict(PayPeriod.choices) | dict(PayMethod.choices) | dict(Lodging.choices)
    rows = []
    for name, field in AgreementTermsForm.base_fields.items():
        if name in terms and terms[name] not in ("", None):
            value = terms[name]
            if name in ("pay_period", "pay_method", "lodging"):
                value = labels.get(value, value)
            rows.append((str(field.label), str(value)))
    return rows


@require_GET
@login_required
def my_internships(request):
    """我的实习: the student's internships, each leading to its page (the agreement to confirm is there)."""
    student = student_of(request.user)
    if student is None:
        raise PermissionDenied
    return render(request, "internships/school/my_internships.html", {
        "internships": internships_of_student(student)})


@require_GET
@login_required
def internship_detail(request, pk):
    internship = get_internship_for_user(request.user, pk)
    coverages = list(coverages_of(internship))
    actions = _actions(request.user, internship)
    context = {
        "internship": internship, "student": internship.student, "position": internship.position,
        "group": internship.group, "coverages": coverages, "insured": is_covered(internship, coverages),
        "evaluations": evaluations_of(internship), "complaints_count": complaints_count(internship),
        "terms": _terms_display(internship.agreement_terms),
        "events": events_for(internship),
        # The student is shown their own data whole; the parties see it as lists do (masked by permission).
        "own": actions["is_student"],
        **actions,
    }
    if actions["may_confirm"]:
        context["confirm_form"] = ConfirmForm(initial={"digest": services.terms_digest(internship.agreement_terms)})
    if actions["may_upload_consent"]:
        context["consent_form"] = UploadForm(purpose=services.CONSENT_PURPOSE, prefix="consent")
    if actions["may_upload_copy"]:
        context["copy_form"] = UploadForm(purpose=services.AGREEMENT_PURPOSE, prefix="copy")
    return render(request, "internships/school/internship_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def agreement_terms(request, pk):
    """填写三方协议: the school fills the terms while the internship waits for its agreement."""
    internship = get_school_internship(request.user, pk)
    if internship.status != InternshipStatus.SIGNED:
        messages.error(request, _("实习当前状态为“%(status)s”，不能修改协议条款") % {
            "status": internship.get_status_display()})
        return redirect("internships:internship_detail", pk=internship.pk)
    if request.method == "POST":
        form = AgreementTermsForm(request.POST, position=internship.position)
        if form.is_valid():
            try:
                services.save_agreement_terms(internship=internship, actor=request.user, terms=form.cleaned_data)
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("协议条款已保存，已通知学生在线确认"))
                return redirect("internships:internship_detail", pk=internship.pk)
    else:
        form = AgreementTermsForm(initial=terms_initial(internship), position=internship.position)
    return render(request, "internships/school/agreement_form.html", {"internship": internship, "form": form})


@require_POST
@login_required
def agreement_confirm(request, pk):
    """确认协议: the student confirms the terms online."""
    internship = get_student_internship(request.user, pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
    else:
        try:
            services.confirm_agreement(internship=internship, actor=request.user, digest=form.cleaned_data["digest"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("您已确认实习协议"))
    return redirect("internships:internship_detail", pk=internship.pk)


def _upload(request, pk, *, purpose, prefix, service, done):
    internship = get_school_internship(request.user, pk)
    form = UploadForm(request.POST, request.FILES, purpose=purpose, prefix=prefix)
    if form.is_valid():
        try:
            service(internship=internship, actor=request.user, uploaded_file=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, done)
    else:
        messages.error(request, _form_errors(form))
    return redirect("internships:internship_detail", pk=internship.pk)


@require_POST
@login_required
def consent_upload(request, pk):
    return _upload(request, pk, purpose=services.CONSENT_PURPOSE, prefix="consent", service=services.attach_consent,
                   done=_("知情同意书已上传"))


@require_POST
@login_required
def agreement_copy_upload(request, pk):
    return _upload(request, pk, purpose=services.AGREEMENT_PURPOSE, prefix="copy",
                   service=services.attach_agreement_copy, done=_("已签署的实习协议已上传"))


@require_POST
@login_required
def agreement_sign(request, pk):
    internship = get_school_internship(request.user, pk)
    try:
        services.sign_agreement(internship=internship, actor=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("三方协议已签署"))
    return redirect("internships:internship_detail", pk=internship.pk)


def print_agreement(user, internship) -> bytes:
    """The 实习协议 PDF of an internship with terms, as `user` reads it (the screen and the API print this)."""
    own = is_own_student(user, internship)
    pdf = render_pdf("internships/school/print/agreement.html", {
        "internship": internship, "student": internship.student, "terms": _terms_display(internship.agreement_terms),
        "printed_at": f"{timezone.localtime():%Y-%m-%d %H:%M}",
    }, reader=user, personal_data_visible=True if own else None)
    record(actor=user, action="internships.agreement_printed", target=internship)
    return pdf


@require_GET
@login_required
def agreement_pdf(request, pk):
    """实习协议 printed from the terms, with the three parties' signature boxes."""
    internship = get_internship_for_user(request.user, pk)
    if not internship.agreement_terms:
        messages.error(request, _("学校尚未填写实习协议条款"))
        return redirect("internships:internship_detail", pk=internship.pk)
    response = HttpResponse(print_agreement(request.user, internship), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"实习协议-{internship.student.name}.pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def end_early(request, pk):
    """提前终止实习: the school, with a date and a reason."""
    internship = get_school_internship(request.user, pk)
    if internship.status not in services.ENDABLE_STATUSES:
        messages.error(request, _("实习当前状态为“%(status)s”，不能提前终止") % {
            "status": internship.get_status_display()})
        return redirect("internships:internship_detail", pk=internship.pk)
    if request.method == "POST":
        form = EndEarlyForm(request.POST)
        if form.is_valid():
            try:
                services.end_early(internship=internship, actor=request.user, ended_on=form.cleaned_data["ended_on"],
                                   reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("实习已提前终止，已通知企业和学生"))
                return redirect("internships:internship_detail", pk=internship.pk)
    else:
        form = EndEarlyForm()
    return render(request, "internships/school/end_early.html", {"internship": internship, "form": form})

