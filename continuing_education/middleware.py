"""Forced completion (manual 004 §二): when the docking fields a docked 网授平台 must carry change
(rules.DOCKING_FIELDS_VERSION), every user of a unit with such a platform is sent to the completion page before
any other screen of the programme opens. Only the programme's pages are held: sign-out, static files, the task
centre and the rest of the site stay open, and so does the completion page itself."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from continuing_education.selectors.catalogue import must_complete_docking

PREFIX = "/continuing-education/"


class DockingCompletionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PREFIX):
            target = reverse("continuing_education:docking_complete")
            if request.path != target and must_complete_docking(request.user):
                if request.headers.get("HX-Request"):  # (HtmxMiddleware runs later)
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = target
                    return response
                return redirect(target)
        return self.get_response(request)
