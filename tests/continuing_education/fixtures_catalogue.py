"""What the catalogue tests (test_catalogue_*.py) share: the messages of a response and the form data of each
screen."""

from django.contrib.messages import get_messages
from django.urls import reverse


def url(name, thing=None):
    return reverse(f"continuing_education:{name}", args=[thing.pk] if thing is not None else [])


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def course_data(chosen, **changes):
    data = {"name": "人工智能导论", "subject_type": "professional", "hours": "6.5",
            "teachers": [teacher.pk for teacher in chosen], "outline": "一、概述；二、应用"}
    data.update(changes)
    return data


def teacher_data(**changes):
    data = {"name": "陈教授", "title": "教授", "employer": "郑州大学", "specialty": "人工智能",
            "mobile": "13912345678", "introduction": "从事人工智能研究二十年"}
    data.update(changes)
    return data


def site_data(**changes):
    data = {"name": "金水培训中心", "region__province": "410000", "region__city": "410100", "region": "410105",
            "address": "郑州市金水区花园路8号", "capacity": "80"}
    data.update(changes)
    return data


def platform_data(docked=False, **changes):
    data = {"name": "中原专技学习网", "operator": "某科技有限公司", "url": "https://learn.example.cn/",
            "contact_name": "陈联系", "contact_phone": "0371-88886666"}
    if docked:
        data.update({"is_docked": "on", "interface_url": "https://learn.example.cn/api/",
                     "security_officer": "王安全", "security_officer_phone": "13800001111",
                     "mlps_record": "41010543001-00001"})
    data.update(changes)
    return data
