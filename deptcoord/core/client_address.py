"""The address a request comes from: X-Forwarded-For is believed only from the reverse proxies
named in TRUSTED_PROXIES, since anyone else can write whatever they like in it."""

from ipaddress import ip_address

from django.conf import settings


def _parsed(address: str):
    try:
        return ip_address(address)
    except ValueError:
        return None


def _trusted(address) -> bool:
    return address is not None and any(address in net for net in settings.TRUSTED_PROXIES)


def client_address(request) -> str:
    """The client's address: the nearest hop that is not one of our own proxies."""
    if request is None:
        return ""
    remote = request.META.get("REMOTE_ADDR", "")
    if not _trusted(_parsed(remote)):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        address = _parsed(hop)
        if address is None:
            return remote  # a malformed header: keep to what the proxy itself is
        if not _trusted(address):
            return str(address)
    return remote
