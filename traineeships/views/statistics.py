"""就业见习·统计分析 for HR departments (county, city, province): tables and inline SVG bar charts, or a sentence
when there is nothing to draw; the .xlsx is the batch engine's export "traineeship_statistics"
(traineeships.exports)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from traineeships.forms.statistics import statistics_filter
from traineeships.rules import hr_department, is_hr_reviewer
from traineeships.services.statistics import bars, statistics_for


@require_GET
@login_required
def statistics(request):
    department = hr_department(request.user)
    # As the navigation entry: the department's reviewers, not every member of it.
    if department is None or not is_hr_reviewer(request.user):
        raise PermissionDenied
    form = statistics_filter(department.region, request.GET)
    year = form.chosen_year()
    if year is None:  # a year not offered: the message beside the field, and no figures
        return render(request, "traineeships/statistics/statistics.html", {
            "stats": None, "department": department, "form": form})
    result = statistics_for(department.region, year)
    region_bars = bars([row.people for row in result.rows], width=320)
    money_bars = bars([row.claimed for row in result.rows])
    month_bars = bars([month.on_post for month in result.months])
    return render(request, "traineeships/statistics/statistics.html", {
        "stats": result, "department": department, "form": form,
        "region_chart": [{"row": row, "people": people, "money": money, "y": index * 24}
                         for index, (row, people, money) in enumerate(zip(result.rows, region_bars, money_bars))],
        "region_height": 24 * len(result.rows) + 4,
        "month_chart": [{"month": month, "width": width, "y": index * 14}
                        for index, (month, width) in enumerate(zip(result.months, month_bars))],
    })
