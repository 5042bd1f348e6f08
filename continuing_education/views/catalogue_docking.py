"""培训对接管理 (manual 004 §3.3): 面授培训点 and 网授平台 of the user's unit, and the forced completion of the
docked platforms' details (§二) that continuing_education.middleware sends the unit's users to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from continuing_education import rules
from continuing_education.forms.catalogue import (
    DockingForm,
    NameFilterForm,
    PlatformForm,
    SiteForm,
    platform_initial,
    site_initial,
)
from continuing_education.selectors import catalogue as selectors
from continuing_education.services import catalogue as services
from continuing_education.views.catalogue import deleted, form_page, list_page, require_manager

MUST_COMPLETE = _("网授平台的对接要求已更新：须由单位管理员（或具有培训管理权限的子管理员）补充完整对接信息后，"
                  "才能使用继续教育的各项功能。请联系本单位管理员。")


# --- 面授培训点 -------------------------------------------------------------------------------------------------


@require_GET
@require_manager
def sites(request):
    return list_page(request, NameFilterForm(request.GET or None), selectors.sites_for_user,
                     "continuing_education/catalogue/sites.html", {"tab": "sites"})


@require_http_methods(["GET", "POST"])
@require_manager
def site_new(request):
    organisation = request.user.organisation
    form = SiteForm(request.POST) if request.method == "POST" else SiteForm(initial={"region": organisation.region_id})
    return form_page(
        request, form=form, template="continuing_education/catalogue/site_form.html",
        save=lambda data: services.create_site(organisation=organisation, actor=request.user, data=data),
        done=_("面授培训点“%(name)s”已新增"), back="continuing_education:sites")


@require_http_methods(["GET", "POST"])
@require_manager
def site_edit(request, pk):
    site = selectors.get_site_for_user(request.user, pk)
    form = SiteForm(request.POST) if request.method == "POST" else SiteForm(initial=site_initial(site))
    return form_page(
        request, form=form, template="continuing_education/catalogue/site_form.html",
        save=lambda data: services.update_site(site=site, actor=request.user, data=data),
        done=_("面授培训点“%(name)s”已保存"), back="continuing_education:sites", thing=site)


@require_POST
@require_manager
def site_delete(request, pk):
    site = selectors.get_site_for_user(request.user, pk)
    return deleted(request, lambda: services.delete_site(site=site, actor=request.user), site, _("面授培训点"),
                   "continuing_education:sites")


# --- 网授平台 -----------------------------------------------------------------------------------------------------


@require_GET
@require_manager
def platforms(request):
    return list_page(request, NameFilterForm(request.GET or None), selectors.platforms_for_user,
                     "continuing_education/catalogue/platforms.html",
                     {"tab": "platforms", "docking_labels": [label for _key, label in rules.DOCKING_FIELDS]})


@require_http_methods(["GET", "POST"])
@require_manager
def platform_new(request):
    form = PlatformForm(request.POST) if request.method == "POST" else PlatformForm()
    return form_page(
        request, form=form, template="continuing_education/catalogue/platform_form.html",
        save=lambda data: services.create_platform(organisation=request.user.organisation, actor=request.user,
                                                   data=data),
        done=_("网授平台“%(name)s”已新增"), back="continuing_education:platforms")


@require_http_methods(["GET", "POST"])
@require_manager
def platform_edit(request, pk):
    platform = selectors.get_platform_for_user(request.user, pk)
    form = (PlatformForm(request.POST) if request.method == "POST"
            else PlatformForm(initial=platform_initial(platform)))
    return form_page(
        request, form=form, template="continuing_education/catalogue/platform_form.html",
        save=lambda data: services.update_platform(platform=platform, actor=request.user, data=data),
        done=_("网授平台“%(name)s”已保存"), back="continuing_education:platforms", thing=platform)


@require_POST
@require_manager
def platform_delete(request, pk):
    platform = selectors.get_platform_for_user(request.user, pk)
    return deleted(request, lambda: services.delete_platform(platform=platform, actor=request.user), platform,
                   _("网授平台"), "continuing_education:platforms")


# --- forced completion (§二) -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def docking_complete(request):
    """The unit's docked platforms whose details predate the current list: the administrator (or a 培训管理
    holder) completes them here; every other member of the unit is told the administrator must do it first."""
    pending = list(selectors.platforms_needing_docking(request.user.organisation_id)) \
        if request.user.organisation_id is not None else []
    if not pending:
        if request.method == "POST":
            return redirect("continuing_education:docking_complete")
        return render(request, "continuing_education/catalogue/docking_complete.html", {"forms": []})
    if not rules.may_manage_training(request.user):
        raise PermissionDenied(MUST_COMPLETE)
    data = request.POST if request.method == "POST" else None
    forms = [DockingForm(data, platform=platform) for platform in pending]
    if data is not None and all([form.is_valid() for form in forms]):
        try:
            services.complete_docking(organisation=request.user.organisation, actor=request.user,
                                      details={form.platform.pk: form.cleaned_data for form in forms})
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, _("网授平台对接信息已补充完整"))
            return redirect("continuing_education:platforms")
    return render(request, "continuing_education/catalogue/docking_complete.html", {"forms": forms})
