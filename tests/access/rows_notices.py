"""Access-matrix rows for notifications: each is its recipient's alone, and each person reads
and changes only their own settings."""

from deptcoord.notices.models import Notification
from tests.access.matrix import EVERYONE, page, rows

POLICY = [
    *rows("notification", "notification_self", {"view": EVERYONE, "change": EVERYONE}),
    *rows("notification", "notification_peer", {"view": set(), "change": set()}),
]

PAGES = [
    page("notices:notifications"),
    page("notices:notification_bell"),
    page("notices:notifications_read_all", method="POST"),
    page("notices:notification_open", "notification_self", method="POST"),
    page(
        "notices:notification_open", "notification_peer", method="POST", ok=set(), hidden=EVERYONE
    ),
    page("notices:preferences"),
    page("notices:preferences", method="POST", data={"digest_hour": "8"}),
]

API = [
    ("GET", "/api/v1/notifications", "", EVERYONE, (), None),
    ("POST", "/api/v1/notifications/read", "", EVERYONE, (), {}),
    ("GET", "/api/v1/notifications/settings", "", EVERYONE, (), None),
    ("PUT", "/api/v1/notifications/settings", "", EVERYONE, (), {"digest_hour": 8}),
]


def target(world, role, name):
    """A notification to the person in ``role`` or to their peer."""
    owners = {"notification_self": world.person(role), "notification_peer": world.peer}
    if name not in owners:
        return None
    return Notification.objects.create(
        recipient=owners[name],
        kind="test",
        message_en="Check in",
        message_vi="Cập nhật",
        url="/",
    )
