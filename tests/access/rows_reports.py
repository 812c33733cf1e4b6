"""Access-matrix rows for notifications: each is its recipient's alone."""

from deptcoord.reports.models import Notification
from tests.access.matrix import EVERYONE, page, rows

POLICY = [
    *rows("notification", "notification_self", {"view": EVERYONE, "change": EVERYONE}),
    *rows("notification", "notification_peer", {"view": set(), "change": set()}),
]

PAGES = [
    page("reports:notifications"),
    page("reports:notification_bell"),
    page("reports:notifications_read_all", method="POST"),
    page("reports:notification_open", "notification_self", method="POST"),
    page(
        "reports:notification_open", "notification_peer", method="POST", ok=set(), hidden=EVERYONE
    ),
    page("reports:preferences"),
    page("reports:preferences", method="POST", data={"digest_hour": "8"}),
]

# Each person reads and changes only their own notifications and settings.
API = [
    ("GET", "/api/v1/notifications", "", EVERYONE, (), None),
    ("POST", "/api/v1/notifications/read", "", EVERYONE, (), {}),
    ("GET", "/api/v1/notifications/settings", "", EVERYONE, (), None),
    ("PUT", "/api/v1/notifications/settings", "", EVERYONE, (), {"digest_hour": 8}),
    ("GET", "/api/v1/today", "", EVERYONE, (), None),
]


def target(world, role, name):
    """The notifications the rows are about."""
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
