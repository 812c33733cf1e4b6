"""The API of notifications and notification settings (each person's own)."""

from datetime import datetime

from ninja import Field, Query, Router
from ninja.pagination import paginate

from deptcoord.core.actor import actor_from
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey
from deptcoord.core.pagination import ListPagination
from deptcoord.notices import selectors, services
from deptcoord.notices.models import Delivery
from deptcoord.notices.notifications import mark_read, notification_kinds

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    """A notification, in the reader's language."""

    id: int
    kind: str
    message: str
    url: str
    created_at: datetime
    read_at: datetime | None


class NotificationFilter(Schema):
    """Narrow the list."""

    unread: bool | None = Field(None, description="Only unread (true) or only read (false).")


class ReadIn(Schema):
    """Which notifications to mark read; all of them when `ids` is left out."""

    ids: list[PrimaryKey] | None = None


class ReadOut(Schema):
    """How many notifications were marked read."""

    marked: int


class KindSetting(Schema):
    """How one kind of notification reaches the person."""

    kind: str
    label: str
    delivery: Delivery


class SettingsOut(Schema):
    """The person's notification settings."""

    morning_briefing: bool
    digest_hour: int
    kinds: list[KindSetting]


class SettingsIn(Schema):
    """New settings; kinds left out keep their delivery."""

    morning_briefing: bool | None = None
    digest_hour: int | None = Field(None, description="Hour of the morning e-mail (0–23).")
    deliveries: dict[str, str] = Field(
        default_factory=dict, description="Kind → immediately, digest or off."
    )


@router.get("/notifications", response=list[NotificationOut], summary="List my notifications")
@paginate(ListPagination)
def list_notifications(request, filters: Query[NotificationFilter]):
    mine = selectors.notifications_visible(request.facts)
    if filters.unread is not None:
        mine = mine.filter(read_at__isnull=filters.unread)
    return mine


@router.post("/notifications/read", response=ReadOut, summary="Mark my notifications read")
def read_notifications(request, payload: ReadIn):
    return {"marked": mark_read(recipient=request.person, notification_ids=payload.ids)}


def _settings(person) -> dict:
    chosen = selectors.deliveries_chosen(person)
    row = services.email_settings_for(person)
    return {
        "morning_briefing": row.morning_briefing,
        "digest_hour": row.digest_hour,
        "kinds": [
            {"kind": kind, "label": str(label), "delivery": chosen[kind]}
            for kind, label in notification_kinds().items()
        ],
    }


@router.get(
    "/notifications/settings", response=SettingsOut, summary="Read my notification settings"
)
def read_settings(request):
    return _settings(request.person)


@router.put(
    "/notifications/settings", response=SettingsOut, summary="Change my notification settings"
)
def update_settings(request, payload: SettingsIn):
    current = services.email_settings_for(request.person)
    services.preferences_set(
        actor=actor_from(request, via="api"),
        person=request.person,
        deliveries=payload.deliveries,
        morning_briefing=(
            current.morning_briefing
            if payload.morning_briefing is None
            else payload.morning_briefing
        ),
        digest_hour=current.digest_hour if payload.digest_hour is None else payload.digest_hour,
    )
    return _settings(request.person)
