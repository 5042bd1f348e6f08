from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.paging import paginate
from notifications import services
from notifications.forms import FILTERS, ListFilterForm
from notifications.selectors import get_notification_for_user, notifications_for, safe_local_url, unread_count


@require_GET
@login_required
def notification_list(request):
    form = ListFilterForm(request.GET)
    current = form.current
    queryset = notifications_for(request.user)
    if current is None:
        queryset = queryset.none()
    elif current == "unread":
        queryset = queryset.filter(read_at__isnull=True)
    context = paginate(request, queryset)
    context.update(
        {
            "filters": [{"key": key, "label": label, "active": key == current} for key, label in FILTERS.items()],
            "current_filter": current,
            "form": form,
            "unread_total": unread_count(request.user),
        }
    )
    return render(request, "notifications/notification_list.html", context)


@require_GET
@login_required
def open_notification(request, notification_id):
    """Mark the message read and follow its link (only a link within this site)."""
    notification = get_notification_for_user(request.user, notification_id)
    if notification.read_at is None:
        services.mark_read(user=request.user, notification_ids=[notification.pk])
    target = safe_local_url(notification.url)
    if target is None:
        return redirect(f"{reverse('notifications:list')}#message-{notification.pk}")
    return redirect(target)


@require_POST
@login_required
def mark_all_read(request):
    count = services.mark_read(user=request.user)
    if count:
        messages.success(request, _("已将 %(count)d 条消息标记为已读") % {"count": count})
    else:
        messages.info(request, _("没有未读消息"))
    return redirect("notifications:list")
