"""A page with a region field, for the browser test of the cascading selects (no app page is needed)."""

from django import forms
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from praxis.urls import urlpatterns as site_urlpatterns
from regions.forms import RegionField

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% block content %}
<form method="post" novalidate id="cascade-form">{% csrf_token %}
  {% include "includes/field.html" with field=form.name %}
  {% include "includes/field.html" with field=form.region %}
  <button type="submit" class="btn btn-primary">提交</button>
</form>
{% if chosen %}<p id="chosen">已选择：{{ chosen.full_name }}（{{ chosen.code }}）</p>{% endif %}
{% endblock %}"""
)


class CascadeForm(forms.Form):
    name = forms.CharField(label="单位名称", error_messages={"required": "请填写单位名称"})
    region = RegionField(label="注册地区")


def cascade_page(request):
    form = CascadeForm(request.POST or None)
    chosen = form.cleaned_data["region"] if request.method == "POST" and form.is_valid() else None
    return HttpResponse(PAGE.render({"form": form, "chosen": chosen}, request))


urlpatterns = [path("cascade-demo/", cascade_page)] + site_urlpatterns
