"""The CSRF failure page in the site's layout (the 400/403/404/500 pages are templates/<code>.html, which
Django's own handlers render)."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    # The reason is Django's English text for developers; the person gets the Chinese page only.
    return render(request, "403_csrf.html", status=403)
