"""Actions taken in place (a line of Today, a card of a list): the same access checks and
services as the forms, answered with a fragment that replaces the action, either a short
confirmation or the refusal with its reason, so the person never leaves the page.

Without htmx (a plain form post), the outcome becomes a message and the person is sent back
to Today.
"""

import re
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from deptcoord.access import Action, report_refusal, require
from deptcoord.core.service_calls import SERVICE_ERRORS, error_messages
from deptcoord.core.versioning import StaleVersionError

SLOT = re.compile(r"^[a-z_]{1,40}$")


def slot_of(request) -> str:
    """Where the action sits (a Today card's key), which keeps its fields' ids unique."""
    text = request.POST.get("slot", "")
    return text if SLOT.match(text) else "line"


def done(request, message: str, url: str = "", link: str = ""):
    """The confirmation that replaces the action (with a link on, when given)."""
    if not request.htmx:
        messages.success(request, message)
        return redirect("today")
    context = {"message": message, "url": url, "link": link}
    return render(request, "partials/in_place_done.html", context)


def refused(request, template: str, context: dict, errors: list[str], status: int):
    """The action again, with the reasons it was refused above it (a plain post refused by the
    policy answers 403, like the forms)."""
    if not request.htmx and status == 403:
        raise PermissionDenied
    if not request.htmx:
        for error in errors:
            messages.error(request, error)
        return redirect("today")
    return render(request, template, {**context, "errors": errors}, status=status)


def attempt(
    request,
    obj,
    action: Action,
    service: Callable[[], object],
    *,
    template: str,
    context: dict,
    denied: str,
):
    """Check the policy, then call the service: None when it was done, otherwise the refusal
    shown in place (403 denied, 409 stale version, 400 bad input). Every refusal by the policy
    is kept in the trail, as for the forms."""
    try:
        require(request.facts, action, obj)
        service()
    except SERVICE_ERRORS as error:
        status = 409 if isinstance(error, StaleVersionError) else 400
        return refused(request, template, context, error_messages(error), status)
    except PermissionDenied as refusal:
        report_refusal(refusal)
        return refused(request, template, context, [denied], 403)
    return None
