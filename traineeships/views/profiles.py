"""The unit's and the trainee's profiles, opened from a placement, a departure, a roster line or the review
materials (manual 001 §3.4). Read-only; personal identifiers are masked by permission as everywhere."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from traineeships.models import TraineeKind
from traineeships.selectors import get_trainee_for_user, get_unit_profile_for_user, unit_figures


@require_GET
@login_required
def unit_profile(request, pk):
    """单位基本信息: the organisation record and its traineeship base."""
    base = get_unit_profile_for_user(request.user, pk)
    return render(request, "traineeships/profiles/unit.html", {
        "base": base, "organisation": base.organisation, "figures": unit_figures(base),
    })


@require_GET
@login_required
def trainee_profile(request, pk):
    """见习人员基本信息: who the trainee of placement `pk` is, their register record, contacts and intentions."""
    placement = get_trainee_for_user(request.user, pk)
    person = placement.person
    profile = getattr(person, "trainee_profile", None)
    return render(request, "traineeships/profiles/trainee.html", {
        "placement": placement, "person": person, "profile": profile,
        "graduate": profile.graduate_record if profile is not None else None,
        "is_youth": profile is not None and profile.kind == TraineeKind.YOUTH,
    })
