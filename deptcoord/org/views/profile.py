"""The signed-in person's own page: language, time zone, two-factor, and the panels other apps
add (API tokens); and the invitation link that lets a new person set their password."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deptcoord.core.actor import actor_from
from deptcoord.org import services
from deptcoord.org.forms import ProfileForm
from deptcoord.org.settings_panels import settings_panels
from deptcoord.org.views.common import SERVICE_ERRORS


@login_required
def profile(request):
    """The person's own settings, and the panels other apps add to them."""
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
    context = {"form": form, "panels": settings_panels(request)}
    return render(request, "org/profile.html", context)


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
