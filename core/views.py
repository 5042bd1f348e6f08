from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def home(request):
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    from core.dashboard import dashboard_context

    return render(request, "core/home.html", dashboard_context(request.user))


@require_GET
def healthz(request):
    from django.http import JsonResponse

    return JsonResponse({"status": "ok"})
