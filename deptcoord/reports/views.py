"""The Today page and the person's notifications."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from deptcoord.access import Action, can, get_visible_or_404, visible
from deptcoord.org.selectors import company
from deptcoord.reports.models import Notification
from deptcoord.reports.notifications import mark_read
from deptcoord.reports.selectors import briefing


@login_required
def today(request):
    """The morning briefing for the signed-in person."""
    today_date = timezone.localdate()
    context = {
        "today": today_date,
        "briefing": briefing(request.facts, today_date),
        "can_invite_people": can(request.facts, Action.ADD_PERSON, company()),
    }
    return render(request, "reports/today.html", context)


@login_required
def notifications(request):
    """The person's notifications, newest first, 50 a page."""
    mine = visible(request.facts, Notification.objects.all())
    page = Paginator(mine, 50).get_page(request.GET.get("page"))
    context = {"page": page, "unread": mine.filter(read_at__isnull=True).count()}
    return render(request, "reports/notifications.html", context)


@login_required
def notification_bell(request):
    """The bell's unread count and latest notifications (refreshed by htmx)."""
    mine = visible(request.facts, Notification.objects.all())
    context = {"unread": mine.filter(read_at__isnull=True).count(), "latest": mine[:6]}
    return render(request, "reports/_bell.html", context)


@login_required
@require_POST
def notification_open(request, pk):
    """Mark a notification read and go to what it is about."""
    notification = get_visible_or_404(request.facts, Notification, pk=pk)
    mark_read(recipient=request.person, notification_ids=[notification.pk])
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("reports:notifications")
    return redirect(target or "reports:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    """Mark every notification read."""
    mark_read(recipient=request.person)
    if request.htmx:
        return notification_bell(request)
    return redirect("reports:notifications")
