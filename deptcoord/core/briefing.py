"""The Today briefing's vocabulary: cards that the apps register, their sections and lines.

Each app states its cards in its own ``briefing.py`` and registers them in
``AppConfig.ready()``; the reports app works out whose work the viewer covers (the scope) and
assembles the registered cards in order. A section runs at most two queries and shows its
first ``LIMIT`` lines with the full count (counted only when the lines fill the section).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q

from deptcoord.access import RoleFacts

LIMIT = 10


@dataclass
class Line:
    """One thing to look at, linked to the page where it is handled."""

    title: str
    url: str
    note: str = ""
    badge: str = ""
    tone: str = "secondary"
    day: date | None = None
    details: list[str] = field(default_factory=list)
    # What can be done in place, without leaving Today: the template that draws it and the
    # plain values it needs (a record's id and version...). Empty: the line only links.
    action: str = ""
    action_data: dict = field(default_factory=dict)


@dataclass
class Section:
    """A card of the briefing: its first lines and how many there are in all."""

    key: str
    label: str
    icon: str
    empty: str
    lines: list[Line]
    count: int
    more_url: str = ""
    # Something here is late, at risk or waits on the reader (shown before informational cards).
    urgent: bool = False

    @property
    def more(self) -> int:
        """Lines not shown."""
        return max(self.count - len(self.lines), 0)


@dataclass(frozen=True)
class Scope:
    """Whose work the briefing covers."""

    person_id: int | None
    department_ids: frozenset[int] | None  # None: the whole company
    runs: bool  # whether the person runs the departments (or the company)

    def q(self, department: str, person: str) -> Q:
        """Records of the scope's departments, or the person's own ones."""
        own = Q(**{person: self.person_id})
        if self.department_ids is None:
            return Q()
        if not self.runs or not self.department_ids:
            return own
        return Q(**{f"{department}__in": sorted(self.department_ids)}) | own


@dataclass(frozen=True)
class Morning:
    """What every card's builder is given: who reads, over which scope, on which day."""

    facts: RoleFacts
    scope: Scope
    today: date
    now: datetime
    zone_name: str


@dataclass(frozen=True)
class Card:
    """A registered card: ``build`` turns a ``Morning`` into its sections, shown by ``order``."""

    key: str
    order: int
    build: Callable[[Morning], list[Section]]


_cards: dict[str, Card] = {}


def register_card(key: str, order: int, build: Callable[[Morning], list[Section]]) -> None:
    """Register (or replace) a card of the Today briefing."""
    _cards[key] = Card(key=key, order=order, build=build)


def registered_cards() -> list[Card]:
    """Every registered card, in the order the briefing shows them."""
    return sorted(_cards.values(), key=lambda card: (card.order, card.key))


def assemble(morning: Morning) -> list[Section]:
    """The sections of every registered card, in order."""
    return [section for card in registered_cards() for section in card.build(morning)]


def section(key, label, icon, empty, queryset, to_line, more_url="") -> Section:
    """A section of the queryset's first ``LIMIT`` rows, counted in full only when they fill it."""
    rows = list(queryset[:LIMIT])
    count = queryset.count() if len(rows) == LIMIT else len(rows)
    return Section(key, label, icon, empty, [to_line(row) for row in rows], count, more_url)
