"""学时要求 (HoursRule): departments read their province's rules; HR holding 学时要求维护 keeps its own region's and
those below (a province its cities; a city its own; a county none)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from continuing_education.forms.hours_rules import HoursRuleForm, rule_initial
from continuing_education.models import LearningForm
from continuing_education.selectors.hours_rules import (
    get_rule_for_user,
    keeping_regions,
    may_keep_rule,
    reading_department,
    rules_for_user,
)
from continuing_education.services import hours_rules as services
from core.paging import paginate


@require_GET
@login_required
def rules(request):
    office = reading_department(request.user)
    if office is None:
        raise PermissionDenied
    context = paginate(request, rules_for_user(request.user).order_by("-year", "region_id"))
    rows = list(context["object_list"])
    keepable = set(keeping_regions(request.user).values_list("code", flat=True))
    forms_ = dict(LearningForm.choices)
    for row in rows:
        row.may_edit = row.region_id in keepable
        row.caps = [(forms_.get(key, key), value) for key, value in (row.daily_caps or {}).items()]
    context.update(object_list=rows, department=office, may_create=bool(keepable))
    return render(request, "continuing_education/archive/rules.html", context)


def _form_page(request, rule=None):
    regions = keeping_regions(request.user)
    if not regions.exists():
        raise PermissionDenied
    form = HoursRuleForm(request.POST or None, regions=regions.order_by("code"),
                         initial=rule_initial(rule) if rule is not None else None)
    if request.method == "POST" and form.is_valid():
        try:
            if rule is None:
                services.create_rule(actor=request.user, data=form.cleaned_data)
            else:
                services.update_rule(actor=request.user, rule=rule, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("学时要求已保存"))
            for warning in form.warnings:
                messages.warning(request, _("%(warning)s，请核实依据文件") % {"warning": warning})
            return redirect("continuing_education:rules")
    return render(request, "continuing_education/archive/rule_form.html", {"form": form, "rule": rule})


@require_http_methods(["GET", "POST"])
@login_required
def rule_new(request):
    return _form_page(request)


@require_http_methods(["GET", "POST"])
@login_required
def rule_edit(request, pk):
    rule = get_rule_for_user(request.user, pk)
    if not may_keep_rule(request.user, rule):
        raise PermissionDenied
    return _form_page(request, rule)
