"""实习分组: the school's groups (per enterprise, with the supervising teacher and the interns) and the
enterprise's 实习分组管理 (the mentor of each group of its interns)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.paging import paginate
from internships.forms.school import GroupForm, MembersForm, MentorForm, NewGroupForm
from internships.selectors.school import (
    enterprises_with_interns,
    get_host_group,
    get_school_group,
    group_members,
    groups_for_enterprise,
    groups_for_school,
    may_act_for_host,
    may_act_for_school,
)
from internships.services import school_groups as services


def _require(check, user) -> None:
    if not check(user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
@login_required
def school_groups(request):
    """The school's groups, and a new one."""
    _require(may_act_for_school, request.user)
    enterprises = enterprises_with_interns(request.user)
    if request.method == "POST":
        form = NewGroupForm(request.POST, enterprises=enterprises)
        if form.is_valid():
            data = form.cleaned_data
            try:
                group = services.create_group(school=request.user.organisation, actor=request.user,
                                              enterprise=data["enterprise"], data=data)
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("已创建实习分组，请选择组内学生"))
                return redirect("internships:school_group_detail", pk=group.pk)
    else:
        form = NewGroupForm(enterprises=enterprises)
    context = paginate(request, groups_for_school(request.user).order_by("enterprise__name", "name", "pk"))
    context["form"] = form
    return render(request, "internships/school/groups.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def school_group_detail(request, pk):
    """One group: its teacher (editable) and its interns (chosen among the school's signed internships at the
    group's enterprise)."""
    group = get_school_group(request.user, pk)
    candidates = list(services.groupable_internships(group.school, group.enterprise)
                      .select_related("student", "position", "group")
                      .order_by("student__class_name", "student__name", "pk"))
    form = GroupForm(initial={name: getattr(group, name) for name in services.GROUP_FIELDS})
    members_form = MembersForm(candidates=candidates, group=group,
                               initial={"internships": [item.pk for item in candidates if item.group_id == group.pk]})
    if request.method == "POST":
        if request.POST.get("action") == "members":
            members_form = MembersForm(request.POST, candidates=candidates, group=group)
            if members_form.is_valid():
                try:
                    added, removed = services.set_members(group=group, actor=request.user,
                                                          internship_ids=members_form.cleaned_data["internships"])
                except ValidationError as error:
                    members_form.bind_errors(error)
                else:
                    messages.success(request, _("组内学生已保存：新增 %(added)s 人，移出 %(removed)s 人") % {
                        "added": added, "removed": removed})
                    return redirect("internships:school_group_detail", pk=group.pk)
        else:
            form = GroupForm(request.POST)
            if form.is_valid():
                try:
                    services.update_group(group=group, actor=request.user, data=form.cleaned_data)
                except ValidationError as error:
                    form.bind_errors(error)
                else:
                    messages.success(request, _("分组信息已保存"))
                    return redirect("internships:school_group_detail", pk=group.pk)
    return render(request, "internships/school/group_detail.html", {
        "group": group, "form": form, "members_form": members_form, "members": group_members(group),
    })


@require_GET
@login_required
def host_groups(request):
    """实习分组管理: the groups of the enterprise's interns, each with its mentor."""
    _require(may_act_for_host, request.user)
    context = paginate(request, groups_for_enterprise(request.user).order_by("school__name", "name", "pk"))
    return render(request, "internships/school/host_groups.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def host_group_mentor(request, pk):
    """指定指导师傅 for one group of the enterprise's interns."""
    group = get_host_group(request.user, pk)
    if request.method == "POST":
        form = MentorForm(request.POST)
        if form.is_valid():
            try:
                services.assign_mentor(group=group, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("已指定指导师傅"))
                return redirect("internships:host_groups")
    else:
        form = MentorForm(initial={"mentor_name": group.mentor_name, "mentor_phone": group.mentor_phone})
    return render(request, "internships/school/host_group_mentor.html", {
        "group": group, "form": form, "members": group_members(group)})
