from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from audit.forms import AuditFilterForm
from audit.labels import label_for
from audit.selectors import (
    audit_entries_for_user,
    diff_rows,
    filter_choices_for_user,
    filter_entries,
    scope_organisation_id,
    target_type_label,
)
from core.masking import can_see_personal_data
from core.paging import COUNT_CAP, paginate


def filtered_entries(user, params):
    """(filter form, entries) the log lists for these query parameters; batch.audit_log_export uses it too."""
    scope = audit_entries_for_user(user)
    actions, target_types = filter_choices_for_user(user)
    form = AuditFilterForm(params or None, action_choices=actions, target_type_choices=target_types)
    entries = scope
    if form.is_bound:
        # Invalid filters show their errors and an empty list rather than silently ignoring them.
        entries = (filter_entries(scope, form.cleaned_data, organisation_id=scope_organisation_id(user))
                   if form.is_valid() else scope.none())
    return form, entries


@require_GET
@login_required
def entry_list(request):
    form, entries = filtered_entries(request.user, request.GET)
    context = paginate(request, entries, cap=COUNT_CAP, by_keys=True)  # a log of millions of entries
    type_labels = {}
    masked = not can_see_personal_data(request.user)
    context["rows"] = [
        {
            "entry": entry,
            "action_label": label_for(entry.action),
            "target_type_label": type_labels.setdefault(entry.target_type, target_type_label(entry.target_type)),
            "diff": diff_rows(entry, masked=masked),
        }
        for entry in context["object_list"]
    ]
    context["form"] = form
    context["show_org"] = request.user.is_staff or request.user.is_superuser
    return render(request, "audit/entry_list.html", context)
