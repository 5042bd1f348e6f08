from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.dashboard import dashboard_context


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "portal/landing.html")
    return render(request, "portal/home.html", dashboard_context(request.user))
