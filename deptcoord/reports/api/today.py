"""The API of the Today briefing over the person's scope."""

from datetime import date, datetime

from django.utils import timezone
from ninja import Field, Query, Router

from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.http import PrimaryKey
from deptcoord.reports.selectors import briefing

router = Router(tags=["today"])


class LineOut(Schema):
    """One thing to look at, with the page where it is handled."""

    title: str
    url: str
    note: str
    badge: str
    day: date | None
    details: list[str]


class SectionOut(Schema):
    """A card of the briefing: its first lines and the full count."""

    key: str
    label: str
    count: int
    items: list[LineOut]


class AwayOut(Schema):
    """Someone away."""

    person_id: int
    name: str
    start_date: date
    end_date: date
    kind: str


class TodayOut(Schema):
    """The briefing over the person's scope."""

    day: date
    department_id: int | None
    computed_at: datetime = Field(
        description="When the oldest of the cards was computed: the reader's own changes show "
        "at once, anyone else's within a minute"
    )
    sections: list[SectionOut]
    away_today: list[AwayOut]
    away_this_week: list[AwayOut]


class TodayFilter(Schema):
    """Narrow an executive's briefing to one department (and its teams)."""

    department: PrimaryKey | None = None
    refresh: bool = Field(False, description="Compute every card anew")


def _away(entry) -> dict:
    return {
        "person_id": entry.person_id,
        "name": entry.person.full_name,
        "start_date": entry.start_date,
        "end_date": entry.end_date,
        "kind": entry.kind,
    }


@router.get("/today", response=TodayOut, tags=["today"], summary="Read my Today briefing")
def read_today(request, filters: Query[TodayFilter]):
    day = timezone.localdate()
    found = briefing(request.facts, day, filters.department, refresh=filters.refresh)
    return {
        "day": day,
        "department_id": found.department.pk if found.department else None,
        "computed_at": found.computed_at or timezone.now(),
        "sections": [
            {
                "key": section.key,
                "label": str(section.label),
                "count": section.count,
                "items": [vars(line) for line in section.lines],
            }
            for section in found.sections
        ],
        "away_today": [_away(entry) for entry in found.away_today],
        "away_this_week": [_away(entry) for entry in found.away_this_week],
    }
