"""The goal tree, its branches opened with htmx, and the flat goal list."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from deptcoord.access import Action, can, get_visible_or_404
from deptcoord.core.imports import may_import
from deptcoord.goals import selectors
from deptcoord.goals.access import may_add_goal_records
from deptcoord.goals.models import Goal
from deptcoord.goals.periods import period_choices
from deptcoord.goals.selectors.tree import PAGE_SIZE
from deptcoord.org import selectors as org


def _filter_context(request, filters, today) -> dict:
    facts = request.facts
    company = org.company()
    return {
        "filters": filters,
        "narrowed": filters.is_narrowed(today),
        "periods": period_choices(today),
        "departments": org.department_choices(facts),
        "owner": selectors.chosen_owner(facts, filters),
        "categories": Goal.Category.choices,
        "statuses": Goal.Status.choices,
        "levels": Goal.Level.choices,
        "can_create": may_add_goal_records(facts),
        "can_export": can(facts, Action.EXPORT, company),
        "can_import": may_import(facts, "goals.actuals"),
        "query": filters.as_query(),
    }


@login_required
def goal_tree(request):
    """Goals from company to person with progress, status, confidence and forecast."""
    today = timezone.localdate()
    filters = selectors.filters_from(request.GET, today)
    context = _filter_context(request, filters, today)
    context["page"] = selectors.tree_page(request.facts, filters, request.GET.get("page"))
    template = "goals/tree.html#tree-results" if request.htmx else "goals/tree.html"
    return render(request, template, context)


@login_required
def goal_children(request, pk):
    """The contributing goals of one goal in the tree (opened with htmx)."""
    facts = request.facts
    goal = get_visible_or_404(facts, Goal, pk=pk)
    filters = selectors.filters_from(request.GET, timezone.localdate())
    depth = request.GET.get("depth", "")
    depth = min(int(depth), 10) if depth.isdigit() else 1
    rows = selectors.child_rows(facts, filters, goal, depth)
    context = {"rows": rows, "query": filters.as_query(), "parent": goal}
    return render(request, "goals/_goal_nodes.html", context)


@login_required
def goal_list(request):
    """Every goal in a table: filter, sort and page through them, 50 a page."""
    today = timezone.localdate()
    filters = selectors.filters_from(request.GET, today)
    context = _filter_context(request, filters, today)
    matching = selectors.sorted_goals(selectors.goals(request.facts, filters), filters.sort)
    context["page"] = Paginator(matching, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "goals/list.html#list-results" if request.htmx else "goals/list.html"
    return render(request, template, context)
