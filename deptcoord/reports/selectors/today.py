"""Reads for the Today briefing, narrowed by the access policy.

The scope follows the person's standing: executives and admins see the company (or one
department they choose), heads and coordinators the departments they run with their teams, and
everyone their own steps, key results, meetings and warnings. The cards themselves are
registered by the apps (``deptcoord.core.briefing``); this module works out the scope and puts
the registered cards together, in order. Every line comes from ``visible`` so nobody is shown a
record they could not open.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from deptcoord.access import Action, RoleFacts, can, visible
from deptcoord.core.briefing import Assembled, Morning, Scope, Section, assemble
from deptcoord.org import selectors as org
from deptcoord.org.briefing import whereabouts
from deptcoord.org.models import Department
from deptcoord.org.tree import department_and_teams

AWAY_SHOWN = 10  # absences listed on the page, today and later this week each


@dataclass
class Briefing:
    """What the person sees first in the morning."""

    departments: list
    away_today: list
    away_this_week: list
    days_off: dict
    not_invited: int
    headcount: int
    sections: list[Section] = field(default_factory=list)
    department: Department | None = None
    computed_at: datetime | None = None  # when the oldest card was computed

    def section(self, key: str) -> Section:
        """One section by its key."""
        return next(section for section in self.sections if section.key == key)

    @property
    def needing_attention_first(self) -> list[Section]:
        """The sections with something in them first, the most pressing of them first (what is
        late, at risk or waits on the reader, then what is running late, then the rest), the
        calm ones after; the registered order holds within each rank."""
        return sorted(self.sections, key=lambda section: (section.count == 0, urgency(section)))

    @property
    def busy(self) -> list[Section]:
        """The sections with something in them, the most pressing first."""
        return [section for section in self.needing_attention_first if section.count]

    @property
    def calm(self) -> list[Section]:
        """The sections with nothing in them (shown together on one line)."""
        return [section for section in self.sections if not section.count]

    @property
    def away_today_shown(self) -> list:
        return self.away_today[:AWAY_SHOWN]

    @property
    def away_this_week_shown(self) -> list:
        return self.away_this_week[:AWAY_SHOWN]

    @property
    def away_not_shown(self) -> int:
        """Absences beyond those listed."""
        return (
            len(self.away_today)
            + len(self.away_this_week)
            - len(self.away_today_shown)
            - len(self.away_this_week_shown)
        )

    @property
    def attention(self) -> int:
        """How many lines in all ask for attention."""
        return sum(section.count for section in self.sections)


def urgency(section: Section) -> int:
    """How pressing a section is, 0 the most: it says so itself (late, at risk, waiting on the
    reader), one of its lines is in danger, one is a warning, or it only informs."""
    tones = {line.tone for line in section.lines}
    if section.urgent:
        return 0
    if "danger" in tones:
        return 1
    return 2 if "warning" in tones else 3


def oversees_company(facts: RoleFacts) -> bool:
    """Whether the person reads every department's figures (executives and admins)."""
    return can(facts, Action.OVERSEE, org.company())


def scope_for(facts: RoleFacts, department_id: int | None = None, oversees=None) -> Scope:
    """The person's scope, narrowed to one department when an executive chooses one."""
    if oversees_company(facts) if oversees is None else oversees:
        if department_id:
            teams = set(department_and_teams(department_id))
            return Scope(facts.person_id, frozenset(teams), True)
        return Scope(facts.person_id, None, True)
    runs = facts.departments_run()
    if department_id and department_id in runs:
        runs = frozenset(set(department_and_teams(department_id)) & runs)
    return Scope(facts.person_id, runs, bool(runs))


def sections(
    facts: RoleFacts, today: date, department_id=None, zone_name: str = "", oversees=None
) -> list[Section]:
    """Every section of the briefing, in the order the page shows them."""
    return assembled(facts, today, department_id, zone_name, oversees).sections


def assembled(
    facts: RoleFacts,
    today: date,
    department_id=None,
    zone_name: str = "",
    oversees=None,
    refresh: bool = False,
    also=None,
    render=None,
) -> Assembled:
    """Every section of the briefing with when they were computed (kept as
    ``core.briefing`` says, or computed anew when ``refresh``), and the other parts of the
    page named in ``also`` kept by the same rule."""
    morning = Morning(
        facts=facts,
        scope=scope_for(facts, department_id, oversees),
        today=today,
        now=timezone.now(),
        zone_name=zone_name or timezone.get_current_timezone_name(),
    )
    return assemble(morning, refresh=refresh, also=also, render=render)


def briefing(
    facts: RoleFacts,
    today: date,
    department_id: int | None = None,
    zone_name: str = "",
    refresh: bool = False,
    render=None,
) -> Briefing:
    """The briefing over the person's scope: their departments, or the company for executives."""
    scope = None if facts.company_roles() else sorted(facts.departments_in())
    departments = visible(facts, Department.objects.filter(is_active=True))
    chosen = None
    oversees = oversees_company(facts)
    if department_id and oversees:
        chosen = departments.filter(pk=department_id).first()
        if chosen is not None:
            scope = department_and_teams(chosen.pk)
    if scope is not None:
        departments = departments.filter(pk__in=scope)
    cards = assembled(
        facts,
        today,
        chosen.pk if chosen else None,
        zone_name,
        oversees,
        refresh=refresh,
        render=render,
        also={
            "people": (("org",), lambda: whereabouts(facts, today, scope)),
            "departments": (("org",), lambda: list(departments.order_by("code"))),
        },
    )
    people = cards.kept["people"]
    return Briefing(
        departments=cards.kept["departments"],
        away_today=people.away_today,
        away_this_week=people.away_this_week,
        days_off=people.days_off,
        not_invited=people.not_invited,
        headcount=people.headcount,
        sections=cards.sections,
        department=chosen,
        computed_at=cards.computed_at,
    )
