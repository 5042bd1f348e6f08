"""工作日历: provincial HR (or platform staff) register the 放假 / 调休上班 dates of a year and publish it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from calendars import services
from calendars.forms import DayForm
from calendars.selectors import get_day_for_user, get_year_for_user, years_for_user


@login_required
def year_list(request):
    return render(request, "calendars/year_list.html", {"years": years_for_user(request.user)})


@login_required
def year_detail(request, year):
    calendar = get_year_for_user(request.user, year)
    return render(request, "calendars/year_detail.html", {"calendar": calendar, "days": calendar.days.all()})


def _save(form, write) -> bool:
    if not form.is_valid():
        return False
    try:
        write(**form.cleaned_data)
    except ValidationError as error:
        # A concurrent change (another user published the year, registered the date) after the form's checks.
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            form.add_error(None, error)
        return False
    return True


@require_http_methods(["GET", "POST"])
@login_required
def day_create(request):
    years_for_user(request.user)  # 403 for anyone who may not maintain the calendar
    form = DayForm(request.POST or None, actor=request.user)
    if request.method == "POST" and _save(form, lambda **data: services.add_day(actor=request.user, **data)):
        messages.success(request, _("已登记 %(date)s") % {"date": f"{form.cleaned_data['date']:%Y-%m-%d}"})
        return redirect("calendars:year", year=form.cleaned_data["date"].year)
    return render(request, "calendars/day_form.html", {"form": form, "day": None})


def _editable(day):
    if day.calendar_year.is_published:
        raise PermissionDenied  # a published year is final: the page offers no edit, the URL answers 403


@require_http_methods(["GET", "POST"])
@login_required
def day_edit(request, pk):
    day = get_day_for_user(request.user, pk)
    _editable(day)
    initial = {"date": day.date, "kind": day.kind, "name": day.name}
    form = DayForm(request.POST or None, initial=initial, actor=request.user, day=day)
    if request.method == "POST" and _save(form, lambda **data: services.change_day(actor=request.user, day=day,
                                                                                   **data)):
        messages.success(request, _("已保存 %(date)s") % {"date": f"{form.cleaned_data['date']:%Y-%m-%d}"})
        return redirect("calendars:year", year=form.cleaned_data["date"].year)
    return render(request, "calendars/day_form.html", {"form": form, "day": day})


@require_http_methods(["GET", "POST"])
@login_required
def day_delete(request, pk):
    day = get_day_for_user(request.user, pk)
    _editable(day)
    if request.method == "POST":
        try:
            services.delete_day(actor=request.user, day=day)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, _("已删除 %(date)s") % {"date": f"{day.date:%Y-%m-%d}"})
        return redirect("calendars:year", year=day.date.year)
    return render(request, "calendars/day_confirm_delete.html", {"day": day})


@require_POST
@login_required
def year_publish(request, year):
    calendar = get_year_for_user(request.user, year)
    try:
        services.publish_year(actor=request.user, year=calendar)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("%(year)s年工作日历已发布") % {"year": year})
    return redirect("calendars:year", year=year)
