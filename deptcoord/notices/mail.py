"""Writing e-mails to a person: in their language, dates and times in their format and time
zone, and from the person who acted (by name, at the product's own address)."""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from deptcoord.core.language import as_reader, zone_of

__all__ = ["as_reader", "message", "reply_to", "sender", "zone_of"]


def sender(actor=None) -> str:
    """The From address: the product's own address, shown under the acting person's name."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    shown = " ".join((getattr(actor, "full_name", "") or "").split())
    # Kept readable here; the mail backend encodes a Vietnamese name as the standard asks.
    return str(Address(display_name=shown or name or "deptcoord", addr_spec=address))


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
