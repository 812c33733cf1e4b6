"""The bell, the person's notifications, their settings, and the unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from deptcoord.access import ANONYMOUS, get_visible_or_404
from deptcoord.core.actor import Actor, actor_from
from deptcoord.notices import messages as texts
from deptcoord.notices import services
from deptcoord.notices.forms import PreferencesForm
from deptcoord.notices.models import Notification
from deptcoord.notices.notifications import mark_read, notification_kinds
from deptcoord.notices.selectors import deliveries_chosen, notifications_visible


@login_required
def notifications(request):
    """The person's notifications, newest first, 50 a page."""
    mine = notifications_visible(request.facts)
    page = Paginator(mine, 50).get_page(request.GET.get("page"))
    context = {"page": page, "unread": mine.filter(read_at__isnull=True).count()}
    return render(request, "notices/notifications.html", context)


@login_required
def notification_bell(request):
    """The bell's unread count and latest notifications (refreshed by htmx)."""
    mine = notifications_visible(request.facts)
    context = {"unread": mine.filter(read_at__isnull=True).count(), "latest": mine[:6]}
    return render(request, "notices/_bell.html", context)


@login_required
@require_POST
def notification_open(request, pk):
    """Mark a notification read and go to what it is about."""
    notification = get_visible_or_404(request.facts, Notification, pk=pk)
    mark_read(recipient=request.person, notification_ids=[notification.pk])
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("notices:notifications")
    return redirect(target or "notices:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    """Mark every notification read."""
    mark_read(recipient=request.person)
    if request.htmx:
        return notification_bell(request)
    return redirect("notices:notifications")


@login_required
def preferences(request):
    """How each kind of notification reaches the signed-in person, and their morning e-mail."""
    person = request.person
    settings = services.email_settings_for(person)
    initial = {
        "morning_briefing": settings.morning_briefing,
        "digest_hour": settings.digest_hour,
        **{f"kind:{kind}": delivery for kind, delivery in deliveries_chosen(person).items()},
    }
    form = PreferencesForm(request.POST or None, initial=initial, kinds=notification_kinds())
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_set(
                actor=actor_from(request),
                person=person,
                deliveries=form.deliveries(),
                morning_briefing=form.cleaned_data["morning_briefing"],
                digest_hour=form.cleaned_data["digest_hour"],
            )
        except ValidationError as error:
            form.apply_service_error(error)
        else:
            messages.success(request, texts.NOTIFICATIONS_PREFERENCES_SAVED)
            return redirect("notices:preferences")
    return render(request, "notices/preferences.html", {"form": form})


def unsubscribe(request, token):
    """The one-click link at the foot of the morning e-mail (works without signing in)."""
    error = None
    try:
        person = services.person_for_unsubscribe(token)
    except ValidationError as refusal:
        error, person = refusal.messages[0], None
    if request.method == "POST" and error is None:
        try:
            actor = Actor(person=person, facts=ANONYMOUS, via="email")
            services.unsubscribe(actor=actor, token=token)
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            return render(request, "notices/unsubscribe.html", {"done": True})
    status = 400 if error else 200
    context = {"error": error, "person": person}
    return render(request, "notices/unsubscribe.html", context, status=status)
