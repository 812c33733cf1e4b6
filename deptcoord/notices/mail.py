"""Writing e-mails to a person: in their language, dates and times in their format and time
zone, and from the person who acted (by name, at the product's own address)."""

from contextlib import contextmanager
from email.utils import formataddr, parseaddr
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation

from deptcoord.notices.notifications import email_language


def zone_of(person):
    """The person's time zone (the installation's when theirs is missing or unknown)."""
    name = getattr(person, "timezone", "") or ""
    try:
        return ZoneInfo(name) if name else timezone.get_default_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


@contextmanager
def as_reader(person, language: str | None = None):
    """Render in the person's language and time zone (``language`` for someone without an
    account, such as a meeting's guest)."""
    chosen = language or (email_language(person) if person is not None else None)
    with (
        translation.override(chosen or settings.LANGUAGE_CODE),
        timezone.override(zone_of(person)),
    ):
        yield


def sender(actor=None) -> str:
    """The From address: the product's own address, shown under the acting person's name."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    shown = (getattr(actor, "full_name", "") or "").strip()
    return formataddr((shown or name or "deptcoord", address))


def reply_to(actor=None) -> list[str]:
    """Replies go to the acting person when they have an address."""
    address = (getattr(actor, "email", "") or "").strip()
    return [address] if address else []


def message(
    *, subject: str, body: str, to: list[str], actor=None, html: str = "", **extra
) -> EmailMultiAlternatives:
    """An e-mail from ``actor`` (by name) with an optional HTML part."""
    built = EmailMultiAlternatives(
        " ".join(str(subject).split())[:150],
        body,
        from_email=sender(actor),
        to=to,
        reply_to=extra.pop("reply_to", None) or reply_to(actor),
        **extra,
    )
    if html:
        built.attach_alternative(html, "text/html")
    return built
