"""The Today briefing's vocabulary: cards that the apps register, their sections and lines.

Each app states its cards in its own ``briefing.py`` and registers them in
``AppConfig.ready()``; the reports app works out whose work the viewer covers (the scope) and
assembles the registered cards in order. A section runs at most two queries and shows its
first ``LIMIT`` lines with the full count (counted only when the lines fill the section).

A card's sections are kept under a key made of who reads and over which scope, with the change
counters (``core.changes``) of the apps the card reads (and of ``FOLLOWED_BY_ALL``) they were
computed under: the reader's own writes to those apps, and the scope's writes to them (their
departments' and the writes that name no department or, for the whole company, the
company's). So:

- the person's own changes show on their next page load (the cards reading that app are
  computed anew);
- while nothing the card reads changes in the scope, it is kept (up to ``QUIET_SECONDS``);
- after such a change by someone else, the kept cards serve until they are
  ``FRESH_SECONDS`` old, so that nothing shown is more than a minute behind a change, and a
  busy department does not recompute its briefing at every click. The page says when its
  figures were computed and offers to compute them anew.
"""

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone, translation

from deptcoord.access import RoleFacts
from deptcoord.core import changes

LIMIT = 10
# The apps every card follows besides those it reads: records of no known app, and the people
# and departments whose names and places every card shows.
FOLLOWED_BY_ALL = ("", "org")
FRESH_SECONDS = 60
QUIET_SECONDS = 300
# Cards served from the cache ("hit") and computed ("miss") since the process started.
STATS: Counter = Counter()


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
    # The section drawn once when it was computed (``assemble(render=...)``), kept with it.
    html: str = ""

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
    """A registered card: ``build`` turns a ``Morning`` into its sections, shown by ``order``;
    ``reads`` names the apps whose records it shows, or the models when it shows those of a few
    models only ("work.Request": every write that changes how they show must be audited on
    them); a reader's own write to one of them computes it anew on their next page load."""

    key: str
    order: int
    build: Callable[[Morning], list[Section]]
    reads: tuple[str, ...] = ()


_cards: dict[str, Card] = {}


def register_card(
    key: str,
    order: int,
    build: Callable[[Morning], list[Section]],
    reads: tuple[str, ...] = (),
) -> None:
    """Register (or replace) a card of the Today briefing; ``reads`` defaults to the app named
    by the key's prefix ("goals.at_risk": goals)."""
    for name in reads:
        if "." in name:  # a model's label: its writes get counters of their own
            changes.follow(name)
    _cards[key] = Card(key=key, order=order, build=build, reads=reads or (key.split(".")[0],))


def registered_cards() -> list[Card]:
    """Every registered card, in the order the briefing shows them."""
    return sorted(_cards.values(), key=lambda card: (card.order, card.key))


@dataclass
class Assembled:
    """The sections of every card, what else was asked to be kept with them, and when the
    oldest of them was computed."""

    sections: list[Section]
    computed_at: datetime
    kept: dict = field(default_factory=dict)


def assemble(
    morning: Morning,
    *,
    refresh: bool = False,
    also: dict[str, tuple[tuple[str, ...], Callable[[], object]]] | None = None,
    render: Callable[[Section], str] | None = None,
) -> Assembled:
    """The sections of every registered card, in order, each from the cache when the rule of
    this module allows it, else computed now; ``refresh`` computes every card anew. ``also``
    names other parts of the page, each with the apps it reads and how to compute it, kept by
    the same rule; ``render`` draws each section when it is computed (its ``html``, kept with
    it). The cards of one briefing are kept together (one read and at most one write of the
    cache)."""
    now = timezone.now()
    parts = [
        (card.key, card.reads, lambda card=card: _drawn(card.build(morning), render))
        for card in registered_cards()
    ]
    parts += [(f"also:{name}", reads, build) for name, (reads, build) in (also or {}).items()]
    reader = morning.facts.person_id
    apps = {app for _name, reads, _build in parts for app in (*FOLLOWED_BY_ALL, *reads)}
    own = {app: changes.written_by(reader, app) for app in apps} if reader else {}
    in_scope = {
        (name, app): changes.of_app(name, app) for name in scope_counters(morning) for app in apps
    }
    counters = changes.read([*in_scope.values(), *own.values()])
    key = f"briefing:{_key_base(morning)}"
    kept = {} if refresh else (cache.get(key) or {})
    values, oldest, computed = {}, None, False
    for name, reads, build in parts:
        follows = (*FOLLOWED_BY_ALL, *reads)
        mine = {own[app]: counters[own[app]] for app in follows if app in own}
        scope = {
            counter: counters[counter]
            for (_scope, app), counter in in_scope.items()
            if app in follows
        }
        found = kept.get(name)
        if found is None or not _usable(found, mine, scope, now):
            STATS["miss"] += 1
            found = kept[name] = (now, build(), mine, scope)
            computed = True
        else:
            STATS["hit"] += 1
        oldest = found[0] if oldest is None else min(oldest, found[0])
        values[name] = found[1]
    if computed:
        cache.set(key, kept, QUIET_SECONDS)
    sections = [section for card in registered_cards() for section in values[card.key]]
    extras = {name: values[f"also:{name}"] for name in also or {}}
    return Assembled(sections, oldest or now, extras)


def _drawn(sections: list[Section], render: Callable[[Section], str] | None) -> list[Section]:
    """The sections as kept: their words in the reader's language (a lazy translation costs
    far more to keep and read back than its text), drawn when ``render`` is given."""
    for section in sections:
        section.label, section.empty = str(section.label), str(section.empty)
        if render:
            section.html = render(section)
    return sections


def _usable(found: tuple, mine: dict, scope: dict, now: datetime) -> bool:
    """Whether a kept result may be served: the reader wrote nothing it reads since, and
    either nothing changed in its scope (and it is not older than ``QUIET_SECONDS``) or it is
    less than ``FRESH_SECONDS`` old."""
    computed_at, _value, seen_mine, seen_scope = found
    if seen_mine != mine:
        return False
    age = (now - computed_at).total_seconds()
    return age < (QUIET_SECONDS if seen_scope == scope else FRESH_SECONDS)


def scope_counters(morning: Morning) -> list[str]:
    """The scopes whose change counters a card over the morning's scope follows (for the apps
    it reads)."""
    scope = morning.scope
    scopes = [changes.person(scope.person_id)] if scope.person_id else []
    if scope.department_ids is None:
        return [*scopes, changes.COMPANY]
    departments = set(scope.department_ids) | set(morning.facts.departments_in())
    return [*scopes, changes.GENERAL, *(changes.department(pk) for pk in sorted(departments))]


def _key_base(morning: Morning) -> str:
    """What every card's key is made of: who reads (their facts decide what they may see),
    over which scope, on which day, in which language and zone."""
    facts, scope = morning.facts, morning.scope
    parts = [
        repr(
            (
                facts.person_id,
                facts.is_admin,
                facts.is_executive,
                facts.is_hr,
                sorted((pk, str(role)) for pk, role in facts.department_roles.items()),
                facts.primary_department_id,
                sorted(facts.invited),
            )
        ),
        repr(scope.person_id),
        repr(sorted(scope.department_ids) if scope.department_ids is not None else None),
        repr(scope.runs),
        morning.today.isoformat(),
        morning.zone_name,
        translation.get_language() or "",
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def section(key, label, icon, empty, queryset, to_line, more_url="") -> Section:
    """A section of the queryset's first ``LIMIT`` rows, counted in full only when they fill it."""
    rows = list(queryset[:LIMIT])
    count = queryset.count() if len(rows) == LIMIT else len(rows)
    return Section(key, label, icon, empty, [to_line(row) for row in rows], count, more_url)
