"""The 2026 working-day calendar, published, from the State Council General Office's notice
《国务院办公厅关于2026年部分节假日安排的通知》 of 4 November 2025 (新华社, e.g.
https://politics.gmw.cn/2025-11/04/content_38391083.htm):

一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。

Every day of each 放假 span is a row (weekend days included, as the notice counts them).
"""

import datetime

from django.db import migrations

SOURCE = "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）"
HOLIDAYS = [  # (name, first day, last day)
    ("元旦", (1, 1), (1, 3)),
    ("春节", (2, 15), (2, 23)),
    ("清明节", (4, 4), (4, 6)),
    ("劳动节", (5, 1), (5, 5)),
    ("端午节", (6, 19), (6, 21)),
    ("中秋节", (9, 25), (9, 27)),
    ("国庆节", (10, 1), (10, 7)),
]
MAKEUP_WORKDAYS = [("元旦", (1, 4)), ("春节", (2, 14)), ("春节", (2, 28)), ("劳动节", (5, 9)), ("国庆节", (9, 20)),
                   ("国庆节", (10, 10))]


def rows_2026():
    for name, first, last in HOLIDAYS:
        day, end = datetime.date(2026, *first), datetime.date(2026, *last)
        while day <= end:
            yield day, "holiday", name
            day += datetime.timedelta(days=1)
    for name, (month, day) in MAKEUP_WORKDAYS:
        yield datetime.date(2026, month, day), "makeup_workday", name


def ship_2026(apps, schema_editor):
    CalendarYear = apps.get_model("calendars", "CalendarYear")
    SpecialDay = apps.get_model("calendars", "SpecialDay")
    year, created = CalendarYear.objects.get_or_create(
        year=2026, defaults={"status": "published", "source": SOURCE,
                             "published_at": datetime.datetime(2025, 11, 4, tzinfo=datetime.UTC)})
    if not created:
        return  # maintained by hand already: leave it as it is
    SpecialDay.objects.bulk_create(
        [SpecialDay(calendar_year=year, date=date, kind=kind, name=name) for date, kind, name in rows_2026()])


def remove_2026(apps, schema_editor):
    apps.get_model("calendars", "CalendarYear").objects.filter(year=2026, source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("calendars", "0001_working_day_calendar")]

    operations = [migrations.RunPython(ship_2026, remove_2026)]
