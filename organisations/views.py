"""The government's directory of organisations (the profile page and an organisation's record: verification.views)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from core.paging import paginate
from organisations import selectors
from organisations.forms import DirectoryFilterForm


@require_http_methods(["GET"])
@login_required
def directory(request):
    if not selectors.can_use_directory(request.user):
        raise PermissionDenied
    form = DirectoryFilterForm(request.GET or None)
    filters, organisations = form.filters(), selectors.get_directory_for_user(request.user)
    organisations = organisations.none() if filters is None else selectors.filter_directory(organisations, **filters)
    context = {"form": form}
    context.update(paginate(request, organisations))
    return render(request, "organisations/directory.html", context)
