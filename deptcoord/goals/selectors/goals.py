"""Reads of goals and key results, already narrowed by the access policy."""

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from deptcoord.access import RoleFacts, visible
from deptcoord.goals.models import CheckIn, Goal, KeyResult
from deptcoord.goals.periods import parse_period, quarter_of
from deptcoord.org.models import Person
from deptcoord.org.tree import department_and_teams
from deptcoord.search.folding import words_match

LEVEL_ORDER = Case(
    When(level=Goal.Level.COMPANY, then=Value(0)),
    When(level=Goal.Level.DEPARTMENT, then=Value(1)),
    When(level=Goal.Level.TEAM, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)
SORTS = {
    "priority": (LEVEL_ORDER, "priority", "title_en", "id"),
    "title": ("title_en", "title_vi", "id"),
    "-title": ("-title_en", "-title_vi", "-id"),
    "period": ("period_end", "title_en", "id"),
    "-period": ("-period_end", "title_en", "id"),
    "department": ("department__code", "title_en", "id"),
    "-department": ("-department__code", "title_en", "id"),
    "owner": ("owner__full_name", "title_en", "id"),
    "-owner": ("-owner__full_name", "title_en", "id"),
    "status": ("status", "title_en", "id"),
    "-status": ("-status", "title_en", "id"),
}
ALL = "all"


@dataclass(frozen=True)
class GoalFilters:
    """What the tree and the list show: a period (key or "all"), a department and its teams,
    a category, an owner (by id, or words of their name), a status ("" hides cancelled goals),
    a level and words in the title."""

    period: str = ""
    department_id: int | None = None
    category: str = ""
    owner_id: int | None = None
    owner_name: str = ""
    status: str = ""
    level: str = ""
    query: str = ""
    sort: str = "priority"

    def is_narrowed(self, today: date) -> bool:
        """Whether anything beyond the default period narrows the goals."""
        default = replace(GoalFilters(), period=quarter_of(today).key, sort=self.sort)
        return self != default

    def as_query(self) -> str:
        """The filters as a query string (for links that keep them)."""
        params = {
            "period": self.period,
            "department": self.department_id or "",
            "category": self.category,
            "owner": self.owner_id or "",
            "who": self.owner_name,
            "status": self.status,
            "level": self.level,
            "q": self.query,
            "sort": "" if self.sort == "priority" else self.sort,
        }
        return urlencode({name: value for name, value in params.items() if value})


def _number(text) -> int | None:
    text = str(text or "").strip()
    return int(text) if text.isdigit() and len(text) < 18 else None


def _choice(text, choices) -> str:
    return text if text in choices else ""


def filters_from(params, today: date) -> GoalFilters:
    """The filters from a query string; anything unknown is ignored rather than refused."""
    period = (params.get("period") or quarter_of(today).key).strip()
    if period != ALL and parse_period(period) is None:
        period = quarter_of(today).key
    status = params.get("status", "")
    return GoalFilters(
        period=period,
        department_id=_number(params.get("department")),
        category=_choice(params.get("category", ""), Goal.Category.values),
        owner_id=_number(params.get("owner")),
        owner_name=(params.get("who") or "").strip()[:100],
        status=status if status in Goal.Status.values or status == ALL else "",
        level=_choice(params.get("level", ""), Goal.Level.values),
        query=(params.get("q") or "").strip()[:100],
        sort=params.get("sort") if params.get("sort") in SORTS else "priority",
    )


def goals(facts: RoleFacts, filters: GoalFilters) -> QuerySet:
    """The goals the person may see that match the filters (unsorted, nothing fetched yet)."""
    result = visible(facts, Goal.objects.all())
    period = parse_period(filters.period) if filters.period != ALL else None
    if period is not None:
        result = result.filter(period_start__lte=period.end, period_end__gte=period.start)
    if filters.department_id:
        result = result.filter(department__in=department_and_teams(filters.department_id))
    for name in ("category", "level"):
        if getattr(filters, name):
            result = result.filter(**{name: getattr(filters, name)})
    if filters.owner_id:
        result = result.filter(owner_id=filters.owner_id)
    for word in filters.owner_name.split():
        result = result.filter(owner__full_name__icontains=word)
    if filters.status == "":
        result = result.exclude(status=Goal.Status.CANCELLED)
    elif filters.status != ALL:
        result = result.filter(status=filters.status)
    if (match := words_match(filters.query, "title_en", "title_vi")) is not None:
        result = result.filter(match)
    return result


def sorted_goals(queryset: QuerySet, sort: str) -> QuerySet:
    """Goals in the chosen order, with what their rows show."""
    return queryset.select_related("owner", "department").order_by(
        *SORTS.get(sort, SORTS["priority"])
    )


def goal_detail_queryset() -> QuerySet:
    """Goals with what their page shows."""
    return Goal.objects.select_related("owner", "department", "parent", "template")


def ancestors(facts: RoleFacts, goal: Goal, limit: int = 5) -> list[Goal]:
    """The goals above this one, top first, as far up as the person may see."""
    chain, seen = [], {goal.pk}
    parent_id = goal.parent_id
    while parent_id and parent_id not in seen and len(chain) < limit:
        parent = visible(facts, Goal.objects.filter(pk=parent_id)).first()
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent.pk)
        parent_id = parent.parent_id
    return list(reversed(chain))


def contributing(facts: RoleFacts, goal: Goal) -> tuple[list[Goal], int]:
    """The goals aligned under this one that the person may see, and how many they may not."""
    children = goal.children.all()
    shown = list(
        visible(facts, children)
        .select_related("owner", "department")
        .order_by(LEVEL_ORDER, "-period_end", "priority", "title_en", "owner__full_name")
    )
    return shown, children.count() - len(shown)


def key_results(facts: RoleFacts, goal: Goal) -> list[KeyResult]:
    """The goal's key results, in the order they were added."""
    return list(
        visible(facts, KeyResult.objects.filter(goal=goal))
        .select_related("owner", "goal")
        .order_by("id")
    )


def check_ins(facts: RoleFacts, key_result: KeyResult) -> list[CheckIn]:
    """The key result's check-ins, oldest first (the chart and the forecast read them so)."""
    return list(
        visible(facts, CheckIn.objects.filter(key_result=key_result))
        .select_related("author")
        .order_by("day", "id")
    )


def chosen_owner(facts: RoleFacts, filters: GoalFilters) -> Person | None:
    """The person the goals are filtered on, when the filter names one the viewer may see."""
    if not filters.owner_id:
        return None
    return visible(facts, Person.objects.filter(pk=filters.owner_id)).first()


def parent_choices(facts: RoleFacts, today: date, current: Goal | None = None) -> QuerySet:
    """Goals a goal may be aligned under: visible, open, not personal, of this year or next."""
    start, end = date(today.year - 1, 1, 1), date(today.year + 1, 12, 31)
    candidates = visible(facts, Goal.objects.all()).filter(
        ~Q(level=Goal.Level.PERSON),
        ~Q(status=Goal.Status.CANCELLED),
        period_start__lte=end,
        period_end__gte=start,
    )
    if current is not None:
        candidates = candidates.exclude(pk=current.pk) | Goal.objects.filter(pk=current.parent_id)
    return candidates.select_related("department").order_by(LEVEL_ORDER, "title_en", "id")
