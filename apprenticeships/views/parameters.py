"""学徒制参数 (补贴标准, 紧缺急需职业目录, 规则参数) for a city or province HR department holding
MANAGE_PARAMETERS: its own region's rows, editable; a city sees the province's rows read-only beside them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apprenticeships.forms.parameters import RuleSetForm, ShortageForm, StandardForm, initial_of
from apprenticeships.models.parameters import NATIONAL_FLOOR_PER_YEAR
from apprenticeships.selectors.hr import get_parameter_for_user, parameter_department, parameters_for_user
from apprenticeships.services import parameters as services
from core.forms import TabForm

KINDS = {
    "standards": (StandardForm, services.STANDARD_FIELDS, _("补贴标准")),
    "shortage": (ShortageForm, services.SHORTAGE_FIELDS, _("紧缺急需职业目录")),
    "rules": (RuleSetForm, services.RULE_FIELDS, _("规则参数")),
}


def _department(user):
    department = parameter_department(user)
    if department is None:
        raise PermissionDenied
    return department


@require_GET
@login_required
def parameters(request):
    department = _department(request.user)
    form = TabForm(request.GET, tabs=KINDS, default="standards", message=_("没有该参数类别，请从页签中选择"))
    tab = form.chosen
    rows = parameters_for_user(request.user, tab, include_parents=True) if tab is not None else []
    return render(request, "apprenticeships/hr/parameters.html", {
        "department": department, "form": form, "tab": tab, "rows": rows, "floor": NATIONAL_FLOOR_PER_YEAR,
        "tabs": [(key, label) for key, (_form, _fields, label) in KINDS.items()],
    })


def _form_page(request, kind: str, row=None):
    if kind not in KINDS:
        raise Http404
    department = _department(request.user)
    form_class, fields, label = KINDS[kind]
    form = form_class(request.POST or None, initial=initial_of(row, fields) if row is not None else None)
    if request.method == "POST" and form.is_valid():
        try:
            if row is None:
                saved = services.create_parameter(kind=kind, actor=request.user, data=form.cleaned_data)
            else:
                saved = services.update_parameter(kind=kind, row=row, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("%(label)s已保存") % {"label": label})
            if kind == "standards" and saved.amount_per_year < NATIONAL_FLOOR_PER_YEAR:
                messages.warning(request, _("补贴标准 %(amount)s 元低于国家规定的每人每年 %(floor)s 元，请核实依据文件")
                                 % {"amount": saved.amount_per_year, "floor": NATIONAL_FLOOR_PER_YEAR})
            return redirect(f"{reverse('apprenticeships:parameters')}?tab={kind}")
    return render(request, "apprenticeships/hr/parameter_form.html", {
        "form": form, "row": row, "kind": kind, "label": label, "department": department,
    })


@require_http_methods(["GET", "POST"])
@login_required
def parameter_new(request, kind):
    return _form_page(request, kind)


@require_http_methods(["GET", "POST"])
@login_required
def parameter_edit(request, kind, pk):
    if kind not in KINDS:
        raise Http404
    _department(request.user)
    return _form_page(request, kind, get_parameter_for_user(request.user, kind, pk))
