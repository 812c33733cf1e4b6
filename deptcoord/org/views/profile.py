"""The signed-in person's own page: language, time zone, API tokens, two-factor; and the
invitation link that lets a new person set their password."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.access import get_visible_or_404, visible
from deptcoord.api import services as token_services
from deptcoord.api.models import AccessToken
from deptcoord.core.actor import actor_from
from deptcoord.org import services
from deptcoord.org.forms import ProfileForm
from deptcoord.org.views.common import SERVICE_ERRORS


@login_required
def profile(request):
    """The person's own settings and tokens."""
    person = request.person
    form = ProfileForm(
        request.POST or None,
        initial={
            "language": person.language,
            "timezone": person.timezone,
            "phone": person.phone,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("language", "timezone", "phone")}
        try:
            services.profile_update(actor=actor_from(request), **data)
        except SERVICE_ERRORS as error:
            form.apply_service_error(error)
        else:
            messages.success(request, _("Your settings are saved."))
            response = redirect("profile")
            if data["language"]:
                response.set_cookie("deptcoord_language", data["language"], samesite="Lax")
            return response
    tokens = visible(request.facts, AccessToken.objects.all())
    context = {"form": form, "tokens": tokens, "new_token": request.session.pop("new_token", None)}
    return render(request, "org/profile.html", context)


@login_required
@require_POST
def token_create(request):
    """Create a personal access token and show it once."""
    try:
        _token, raw = token_services.token_create(
            actor=actor_from(request), name=request.POST.get("name", "")
        )
    except SERVICE_ERRORS as error:
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
    token_services.token_revoke(actor=actor_from(request), token_id=token.pk)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("profile")


@require_POST
def set_language(request):
    """Switch the interface language; a signed-in person keeps the choice."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = redirect(next_url)
    if language in ("en", "vi"):
        response.set_cookie("deptcoord_language", language, samesite="Lax", max_age=365 * 86400)
        if getattr(request, "person", None) is not None:
            services.profile_update(actor=actor_from(request), language=language)
    return response


def accept_invitation(request, uidb64, token):
    """A new person sets their password from the invitation link, then is signed in."""
    user_model = get_user_model()
    try:
        user = user_model.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (user_model.DoesNotExist, ValueError, TypeError, UnicodeDecodeError):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "org/invitation_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    for field in form.fields.values():
        field.widget.attrs["class"] = "form-control"
    if request.method == "POST" and form.is_valid():
        form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your password is set."))
        return redirect("today")
    return render(request, "org/invitation_accept.html", {"form": form, "invited": user})
