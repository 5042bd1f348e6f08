"""就业见习·统计分析 for HR departments (county, city, province): tables, inline SVG bar charts, .xlsx."""

import io

import xlsxwriter
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from traineeships.selectors import hr_department
from traineeships.services.roster import percent
from traineeships.services.statistics import bars, statistics_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request) -> int:
    text = request.GET.get("year", "")
    today = timezone.localdate()
    return int(text) if text.isdigit() and 2000 <= int(text) <= today.year + 1 else today.year


@require_GET
@login_required
def statistics(request):
    department = hr_department(request.user)
    if department is None:
        raise PermissionDenied
    result = statistics_for(department.region, _year(request))
    if request.GET.get("format") == "xlsx":
        return _xlsx(result)
    region_bars = bars([row.on_post + row.ended for row in result.rows], width=320)
    subsidy_bars = bars([row.subsidy for row in result.rows])
    month_bars = bars([month.on_post for month in result.months])
    return render(request, "traineeships/statistics/statistics.html", {
        "stats": result, "department": department,
        "region_chart": [{"row": row, "people": people, "money": money, "y": index * 24}
                         for index, (row, people, money) in enumerate(zip(result.rows, region_bars, subsidy_bars))],
        "region_height": 24 * len(result.rows) + 4,
        "month_chart": [{"month": month, "width": width, "y": index * 14}
                        for index, (month, width) in enumerate(zip(result.months, month_bars))],
        "years": range(timezone.localdate().year + 1, 2019, -1),
    })


def _rate(row) -> str:
    return percent(row.retention_rate) if row.retention_rate is not None else "—"


def _xlsx(result) -> HttpResponse:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("按地区")
    headers = ["地区", "见习基地", "岗位", "招募人数", "报名人数", "在岗人数", "离岗（结束）人数", "留用人数", "留用率",
               f"{result.year}年补贴（元）"]
    for col, header in enumerate(headers):
        sheet.write(0, col, header, bold)
    for index, row in enumerate([*result.rows, result.total], start=1):
        values = [row.name, row.bases, row.posts, row.places, row.applicants, row.on_post, row.ended, row.retained,
                  _rate(row), float(row.subsidy)]
        for col, value in enumerate(values):
            sheet.write(index, col, value)
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 9, 12)
    months = book.add_worksheet("按月份")
    for col, header in enumerate(["月份", "新上岗人数", "在岗人数", "离岗人数", "补贴（元）"]):
        months.write(0, col, header, bold)
    for index, month in enumerate(result.months, start=1):
        for col, value in enumerate([f"{month.month:%Y-%m}", month.started, month.on_post, month.departures,
                                     float(month.subsidy)]):
            months.write(index, col, value)
    book.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"就业见习统计-{result.region.name}-{result.year}.xlsx")
    return response
