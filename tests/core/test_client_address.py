"""X-Forwarded-For is believed only from the reverse proxies named in TRUSTED_PROXIES."""

from ipaddress import ip_network

import pytest
from django.test import RequestFactory

from deptcoord.core.client_address import client_address


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.7", "", "203.0.113.7"),
        # Anyone may write the header: from outside the proxies it is ignored.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        ("10.0.0.1", "198.51.100.1", "198.51.100.1"),
        # A client that forges a first hop is still known by the hop our proxy saw.
        ("10.0.0.1", "1.1.1.1, 198.51.100.1", "198.51.100.1"),
        ("10.0.0.1", "198.51.100.1, 10.0.0.2", "198.51.100.1"),
        ("10.0.0.1", "", "10.0.0.1"),
        ("10.0.0.1", "not an address", "10.0.0.1"),
    ],
)
def test_the_client_is_the_nearest_hop_that_is_not_our_proxy(settings, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = [ip_network("10.0.0.0/29")]
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected
