"""Personal access tokens on the settings page: the panel that lists them, creating one and
revoking one; the API's answer to an address that names no operation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from deptcoord.access import get_visible_or_404, visible
from deptcoord.api import services
from deptcoord.api.models import AccessToken
from deptcoord.api.router import NOT_FOUND
from deptcoord.core.actor import actor_from


def tokens_panel(request) -> str:
    """The person's tokens, with a token just created shown this once."""
    context = {
        "tokens": visible(request.facts, AccessToken.objects.all()),
        "new_token": request.session.pop("new_token", None),
        "expiry_choices": [(key, label) for key, (label, _days) in services.EXPIRY_CHOICES.items()],
        "default_expiry": services.DEFAULT_EXPIRY,
    }
    return render_to_string("api/_tokens_panel.html", context, request=request)


@login_required
@require_POST
def token_create(request):
    """Create a personal access token and show it once."""
    try:
        _token, raw = services.token_create(
            actor=actor_from(request),
            name=request.POST.get("name", ""),
            expiry=request.POST.get("expiry", services.DEFAULT_EXPIRY),
            read_only=request.POST.get("access") == "read",
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        request.session["new_token"] = raw
    return redirect("profile")


@login_required
@require_POST
def token_revoke(request, pk):
    """Revoke one of the person's tokens."""
    token = get_visible_or_404(request.facts, AccessToken, pk=pk)
    services.token_revoke(actor=actor_from(request), token_id=token.pk)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("profile")


@csrf_exempt  # it changes nothing; API clients send no CSRF token
def api_not_found(request, rest=""):
    """An address under /api/ that names no operation, such as /api/v1/goals/abc: the API's
    JSON 404 (its documented error body), not the site's HTML page."""
    return JsonResponse({"detail": str(NOT_FOUND)}, status=404)
