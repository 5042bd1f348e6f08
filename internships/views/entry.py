"""Screens of the entry area: the registry records (education), the enterprise's own 实习企业信息 page, an
enterprise's record, the school's recommendations and pool, the regional settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from internships.forms.entry import (
    PoolFilterForm,
    RecommendExistingForm,
    RecommendNewForm,
    RegionSettingForm,
    RegistryFilterForm,
    StaffForm,
    unit_data,
)
from internships.rules import HOST, MANAGE_SETTINGS, REGISTRY, SCHOOL, is_host, is_school
from internships.selectors import enterprises as selectors
from internships.selectors.settings import setting_for_region
from internships.services import enterprises as services
from internships.services.blacklist import may_propose
from internships.services.settings import department_for_settings, save_region_setting
from organisations.view_helpers import add_service_errors, first_message
from reviews.selectors import history_for_subject, latest_review_for


def _filtered(form_class, request):
    """A bound filter form and its cleaned data ({} when the query is malformed: the errors show)."""
    form = form_class(request.GET)
    return form, (form.cleaned_data if form.is_valid() else {})


# ---------------------------------------------------------------- registry records


@require_GET
@permission_required_403(REGISTRY)
def registry(request):
    """企业登记信息库: the market regulator's data, imported by the education department."""
    form, data = _filtered(RegistryFilterForm, request)
    records = selectors.filter_registry(selectors.registry_records(request.user), data)
    context = paginate(request, records)
    context.update(form=form, import_key=services.REGISTRY_IMPORT)
    return render(request, "internships/entry/registry.html", context)


# ---------------------------------------------------------------- the enterprise's own page


def _own_enterprise(request):
    if not is_host(request.user):
        raise PermissionDenied
    return request.user.organisation


def _record_context(enterprise, user) -> dict:
    profile = selectors.profile_of(enterprise)
    review = latest_review_for(profile) if profile is not None else None
    return {
        "enterprise": enterprise, "profile": profile, "review": review,
        "recommendations": selectors.recommenders_of(enterprise),
        "blacklistings": selectors.blacklistings_of(enterprise),
        "positions": selectors.position_counts(enterprise),
        "history": history_for_subject(profile) if profile is not None else [],
    }


@require_GET
@permission_required_403(HOST)
def enterprise(request):
    """实习企业信息: admission, source, recommending schools, staff numbers, blacklist status."""
    organisation = _own_enterprise(request)
    context = _record_context(organisation, request.user)
    profile = context["profile"]
    context.update(
        own=True,
        may_apply=services.may_apply(organisation, profile),
        staff_form=StaffForm(initial={"staff_on_duty": profile.staff_on_duty if profile else None}),
    )
    return render(request, "internships/entry/enterprise.html", context)


@require_POST
@permission_required_403(HOST)
def enterprise_apply(request):
    organisation = _own_enterprise(request)
    try:
        profile = services.apply_for_admission(organisation=organisation, actor=request.user)
    except ValidationError as error:
        messages.error(request, first_message(error))
    else:
        messages.success(request, _("入库核查结果：%(status)s。%(note)s") % {
            "status": profile.get_admission_status_display(), "note": profile.admission_note})
    return redirect("internships:enterprise")


@require_POST
@permission_required_403(HOST)
def enterprise_staff(request):
    organisation = _own_enterprise(request)
    form = StaffForm(request.POST)
    if form.is_valid():
        services.set_staff_on_duty(organisation=organisation, actor=request.user,
                                   staff_on_duty=form.cleaned_data["staff_on_duty"])
        messages.success(request, _("在岗职工总数已保存"))
        return redirect("internships:enterprise")
    context = _record_context(organisation, request.user)
    context.update(own=True, may_apply=services.may_apply(organisation, context["profile"]), staff_form=form)
    return render(request, "internships/entry/enterprise.html", context, status=400)


# ---------------------------------------------------------------- an enterprise's record


@require_GET
@login_required
def enterprise_detail(request, pk):
    """企业档案 for the schools of its pool, the education departments of its region and itself."""
    organisation = selectors.get_enterprise_for_user(request.user, pk)
    context = _record_context(organisation, request.user)
    context.update(own=request.user.organisation_id == organisation.pk,
                   may_propose=may_propose(request.user, organisation) and not (
                       context["profile"] is not None and context["profile"].blacklisted))
    return render(request, "internships/entry/enterprise_detail.html", context)


# ---------------------------------------------------------------- the school's recommendations and pool


def _acting_school(request):
    if not is_school(request.user):
        raise PermissionDenied
    return request.user.organisation


@require_GET
@permission_required_403(SCHOOL)
def recommendations(request):
    """本校推荐的企业: platform code, activation code while not activated, activation status."""
    school = _acting_school(request)
    context = paginate(request, selectors.recommendations_of(school))
    return render(request, "internships/entry/recommendations.html", context)


@require_http_methods(["GET", "POST"])
@permission_required_403(SCHOOL)
def recommend_new(request):
    _acting_school(request)
    form = RecommendNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommend_new_enterprise(actor=request.user, inspection_note=form.cleaned_data["inspection_note"],
                                              **unit_data(form.cleaned_data))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已推荐录入，请将平台代码和激活码告知企业"))
            return redirect("internships:recommendations")
    return render(request, "internships/entry/recommend_form.html", {"form": form, "new": True})


@require_http_methods(["GET", "POST"])
@permission_required_403(SCHOOL)
def recommend_existing(request):
    _acting_school(request)
    form = RecommendExistingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommend_existing_enterprise(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已推荐，该企业已进入本校实习企业库"))
            return redirect("internships:recommendations")
    return render(request, "internships/entry/recommend_form.html", {"form": form, "new": False})


@require_GET
@permission_required_403(SCHOOL)
def pool(request):
    """本校实习企业库: recommended by the school, plus the admitted self- and student-recommended ones."""
    _acting_school(request)
    form, data = _filtered(PoolFilterForm, request)
    enterprises = selectors.filter_pool(selectors.pool_for_user(request.user), data)
    context = paginate(request, enterprises)
    context.update(form=form, export_query=request.GET.urlencode())
    return render(request, "internships/entry/pool.html", context)


# ---------------------------------------------------------------- regional settings


@require_http_methods(["GET", "POST"])
@permission_required_403(MANAGE_SETTINGS)
def region_settings(request):
    department = department_for_settings(request.user)
    current = setting_for_region(department.region)
    form = RegionSettingForm(request.POST or None, initial={
        "position_review_required": current.position_review_required,
        "insurance_warning_days": current.insurance_warning_days})
    if request.method == "POST" and form.is_valid():
        save_region_setting(actor=request.user, data=form.cleaned_data)
        messages.success(request, _("本地区实习设置已保存"))
        return redirect("internships:settings")
    inherited = current.pk is not None and current.region_id != department.region_id
    return render(request, "internships/entry/settings.html", {
        "form": form, "department": department, "current": current, "inherited": inherited})


# ---------------------------------------------------------------- review materials


def admission_materials(profile, user):
    """Beside the decision on an admission: the enterprise's data against the registry record."""
    from internships import registry_check

    organisation = profile.organisation
    answer = registry_check.check(organisation)
    record = answer.matched_record
    rows = [
        (_("统一社会信用代码"), organisation.credit_code, record.credit_code if record else ""),
        (_("企业名称"), organisation.name, record.name if record else ""),
        (_("法定代表人"), organisation.legal_representative, record.legal_representative if record else ""),
    ]
    comparison = [{"label": label, "declared": declared, "registered": registered,
                   "same": bool(record) and "".join(str(declared).split()) == "".join(str(registered).split())}
                  for label, declared, registered in rows]
    return "internships/entry/materials_admission.html", {
        "profile": profile, "organisation": organisation, "record": record, "answer": answer,
        "comparison": comparison}
