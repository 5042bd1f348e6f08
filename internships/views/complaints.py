"""实习投诉 and 申诉 screens: the student's complaints, the enterprise's 实习投诉管理 with its 申诉 form, the school's
handling lists and pages, the education department's read-only list with counts per enterprise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.paging import paginate
from internships.forms.complaints import (
    AppealDecisionForm,
    AppealFilterForm,
    AppealForm,
    AppealSelectionForm,
    ComplaintFilterForm,
    ComplaintForm,
    ConcludeForm,
)
from internships.models import CONCLUDED_STATUSES, ComplaintStatus
from internships.rules import BLACKLIST, HOST, REVIEW, SCHOOL, is_education, is_host, is_school
from internships.selectors import complaints as selectors
from internships.selectors.access import student_of
from internships.services import appeals as appeal_services
from internships.services import complaints as services
from reviews.selectors import history_for_subject
from timeline.selectors import events_for

TEMPLATES = "internships/complaints"


def may_see_region(user) -> bool:
    return is_education(user) and (user.has_perm(REVIEW) or user.has_perm(BLACKLIST))


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied


def _rows(complaints):
    """Each complaint with its latest appeal (申诉记录) and whether it may be appealed now."""
    rows = []
    for complaint in complaints:
        appeals = getattr(complaint, "appeal_list", [])
        latest = appeals[0] if appeals else None
        rows.append({"complaint": complaint, "appeal": latest,
                     "appealable": complaint.status in CONCLUDED_STATUSES
                     and selectors.pending_appeal_of(complaint) is None})
    return rows


# ---------------------------------------------------------------- the student


@require_GET
@login_required
def student_complaints(request):
    _require(student_of(request.user) is not None)
    context = paginate(request, selectors.complaints_of_student(request.user))
    context.update(rows=_rows(context["object_list"]),
                   can_complain=selectors.complainable_internships(request.user).exists())
    return render(request, f"{TEMPLATES}/student_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def complaint_create(request):
    _require(student_of(request.user) is not None)
    internships = selectors.complainable_internships(request.user)
    form = ComplaintForm(request.POST or None, internships=internships)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_complaint(internship=form.cleaned_data["internship"], actor=request.user,
                                    categories=form.cleaned_data["categories"], details=form.cleaned_data["details"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("投诉已提交，学校将进行调查处理"))
            return redirect("internships:student_complaints")
    return render(request, f"{TEMPLATES}/student_form.html",
                  {"form": form, "has_internship": internships.exists()})


# ---------------------------------------------------------------- the enterprise


def _require_host(user) -> None:
    _require(is_host(user) and user.has_perm(HOST))


@require_GET
@login_required
def enterprise_complaints(request):
    """实习投诉管理 (manual 000 §4.6): tick concluded complaints of one school, then 申诉."""
    _require_host(request.user)
    form = ComplaintFilterForm(request.GET)
    context = paginate(request, form.apply(selectors.complaints_for_enterprise(request.user)))
    context.update(form=form, rows=_rows(context["object_list"]))
    return render(request, f"{TEMPLATES}/enterprise_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def appeal_create(request):
    _require_host(request.user)
    appealable = [row["complaint"] for row in _rows(selectors.complaints_for_enterprise(request.user))
                  if row["appealable"]]
    data = request.POST if request.method == "POST" else request.GET
    selection = AppealSelectionForm(data, complaints=appealable)
    if not selection.is_valid():
        for error in selection.errors.get("complaints", []):
            messages.error(request, error)
        return redirect("internships:enterprise_complaints")
    chosen = selectors.selected_complaints(request.user, selection.cleaned_data["complaints"])
    if len({complaint.school_id for complaint in chosen}) > 1:
        messages.error(request, _("一次申诉只能选择同一学校处理的投诉"))
        return redirect("internships:enterprise_complaints")
    form = AppealForm(request.POST or None, complaints=appealable,
                      initial={"complaints": [complaint.pk for complaint in chosen]})
    if request.method == "POST" and form.is_valid():
        try:
            appeal = appeal_services.file_appeal(enterprise=request.user.organisation, complaints=chosen,
                                          text=form.cleaned_data["text"], actor=request.user)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("申诉已提交，等待学校处理"))
            return redirect("internships:appeal_detail", appeal.pk)
    return render(request, f"{TEMPLATES}/appeal_form.html", {"form": form, "chosen": chosen})


@require_GET
@login_required
def enterprise_appeals(request):
    _require_host(request.user)
    form = AppealFilterForm(request.GET)
    context = paginate(request, form.apply(selectors.appeals_for_enterprise(request.user)))
    context.update(form=form, side="enterprise")
    return render(request, f"{TEMPLATES}/appeal_list.html", context)


# ---------------------------------------------------------------- the school


def _require_school(user) -> None:
    _require(is_school(user) and user.has_perm(SCHOOL))


@require_GET
@login_required
def school_complaints(request):
    _require_school(request.user)
    form = ComplaintFilterForm(request.GET)
    context = paginate(request, form.apply(selectors.complaints_for_school(request.user)))
    context.update(form=form, rows=_rows(context["object_list"]))
    return render(request, f"{TEMPLATES}/school_list.html", context)


@require_GET
@login_required
def school_appeals(request):
    _require_school(request.user)
    form = AppealFilterForm(request.GET)
    context = paginate(request, form.apply(selectors.appeals_for_school(request.user)))
    context.update(form=form, side="school")
    return render(request, f"{TEMPLATES}/appeal_list.html", context)


# ---------------------------------------------------------------- the education department


@require_GET
@login_required
def education_complaints(request):
    _require(may_see_region(request.user))
    form = ComplaintFilterForm(request.GET)
    complaints = form.apply(selectors.complaints_for_region(request.user))
    context = paginate(request, complaints)
    context.update(form=form, rows=_rows(context["object_list"]),
                   counts=list(selectors.counts_per_enterprise(complaints)[:selectors.COUNTED_ENTERPRISES]))
    return render(request, f"{TEMPLATES}/education_list.html", context)


# ---------------------------------------------------------------- one complaint, one appeal


def _complaint_page(request, complaint, conclude_form=None, status=200):
    may_handle = services.may_handle_complaint(request.user, complaint)
    context = {
        "complaint": complaint,
        "appeals": getattr(complaint, "appeal_list", []),
        "may_handle": may_handle,
        "may_investigate": may_handle and complaint.status == ComplaintStatus.SUBMITTED,
        "conclude_form": conclude_form or (ConcludeForm() if may_handle else None),
        "history": events_for(complaint).order_by("created_at", "id"),
        "review_history": history_for_subject(complaint),
        "is_student": complaint.student.person_id == request.user.pk,
    }
    return render(request, f"{TEMPLATES}/complaint_detail.html", context, status=status)


@require_GET
@login_required
def complaint_detail(request, pk):
    return _complaint_page(request, selectors.get_complaint_for_user(request.user, pk))


@require_POST
@login_required
def complaint_investigate(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    _require(services.may_handle_complaint(request.user, complaint))
    try:
        services.start_investigation(complaint=complaint, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("已标记为调查中"))
    return redirect("internships:complaint_detail", complaint.pk)


@require_POST
@login_required
def complaint_conclude(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    _require(services.may_handle_complaint(request.user, complaint))
    form = ConcludeForm(request.POST)
    if form.is_valid():
        try:
            services.conclude_complaint(complaint=complaint, actor=request.user,
                                        substantiated=form.cleaned_data["result"],
                                        conclusion=form.cleaned_data["conclusion"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("处理结论已提交，已通知企业和学生"))
            return redirect("internships:complaint_detail", complaint.pk)
    return _complaint_page(request, complaint, conclude_form=form)


def _appeal_page(request, appeal, decision_form=None):
    may_decide = appeal_services.may_decide_appeal(request.user, appeal)
    return render(request, f"{TEMPLATES}/appeal_detail.html", {
        "appeal": appeal,
        "complaints": list(appeal.complaints.all()),
        "may_decide": may_decide,
        "decision_form": decision_form or (AppealDecisionForm() if may_decide else None),
        "history": events_for(appeal).order_by("created_at", "id"),
    })


@require_GET
@login_required
def appeal_detail(request, pk):
    return _appeal_page(request, selectors.get_appeal_for_user(request.user, pk))


@require_POST
@login_required
def appeal_decide(request, pk):
    appeal = selectors.get_appeal_for_user(request.user, pk)
    _require(appeal_services.may_decide_appeal(request.user, appeal))
    form = AppealDecisionForm(request.POST)
    if form.is_valid():
        try:
            appeal_services.decide_appeal(appeal=appeal, actor=request.user, uphold=form.cleaned_data["result"],
                                   decision=form.cleaned_data["decision"])
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("申诉处理结论已提交"))
            return redirect("internships:appeal_detail", appeal.pk)
    return _appeal_page(request, appeal, decision_form=form)
