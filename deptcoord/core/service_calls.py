"""How a page calls a service: a refusal (bad input, a stale version) lands on the form's
fields, or becomes error messages for a button without a form, with the status that fits.

A denial (``PermissionDenied``) stays a 403 for the whole request, unless the page says what
to tell the person (``denied``): a form whose choice the policy refused is shown again with
what was typed and that sentence (the outcome's status is 403), and the refusal goes to the
trail. ``show_denial`` does the same for a page that catches the denial itself.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from deptcoord.access import report_refusal
from deptcoord.core.versioning import StaleVersionError

SERVICE_ERRORS = (ValidationError, StaleVersionError)


@dataclass(frozen=True)
class ServiceOutcome:
    """What a service call gave: its value, or the refusal that was shown to the person."""

    value: Any = None
    error: Exception | None = None

    def __bool__(self) -> bool:
        return self.error is None

    @property
    def status(self) -> int:
        """The page's status: 200 when done, 409 for a stale version, 403 for a refused choice,
        400 for bad input."""
        if self.error is None:
            return 200
        if isinstance(self.error, PermissionDenied):
            return 403
        return 409 if isinstance(self.error, StaleVersionError) else 400


def error_messages(error: Exception) -> list[str]:
    """The sentences of a service's refusal."""
    if isinstance(error, StaleVersionError):
        return [str(error.message)]
    return [str(message) for message in getattr(error, "messages", [error])]


def report(request, error: Exception) -> None:
    """Show a service's refusal as error messages (for buttons without a form)."""
    for message in error_messages(error):
        messages.error(request, message)


def show_on_form(form, error: Exception) -> None:
    """Show a service's refusal on the fields it names (or at the top of the form)."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, problems in error.error_dict.items():
            target = name if name in form.fields and name != NON_FIELD_ERRORS else None
            for problem in problems:
                form.add_error(target, problem)
    else:
        for message in error_messages(error):
            form.add_error(None, message)


def show_denial(form, refusal: PermissionDenied, message, field: str | None = None) -> None:
    """Show a policy's refusal of what the form chose (a person, a department) as ``message``
    on ``field`` (or at the top), keeping what was typed; the refusal is kept in the trail."""
    report_refusal(refusal)
    form.add_error(field if field in form.fields else None, message)


def run_service(request, call, *, form=None, denied=None, denied_field=None) -> ServiceOutcome:
    """Call ``call()``; on a refusal show it on ``form`` (or as messages) and say so. With
    ``denied`` (a sentence), a denial is shown on the form too, on ``denied_field``.

    ``if outcome := run_service(...)`` reads as "if the service did it".
    """
    try:
        return ServiceOutcome(value=call())
    except SERVICE_ERRORS as error:
        if form is not None:
            show_on_form(form, error)
        else:
            report(request, error)
        return ServiceOutcome(error=error)
    except PermissionDenied as refusal:
        if form is None or denied is None:
            raise
        show_denial(form, refusal, denied, denied_field)
        return ServiceOutcome(error=refusal)
