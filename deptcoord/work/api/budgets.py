"""A project's budget over the API: spend against budget, and its expenses."""

from ninja import Router, Status
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.http import PrimaryKey, expected_version
from deptcoord.core.pagination import ListPagination
from deptcoord.work import selectors, services
from deptcoord.work.api.common import api_actor, project_or_404
from deptcoord.work.api.schemas import BudgetOut, ExpenseIn, ExpenseOut
from deptcoord.work.models import Expense

router = Router(tags=["work"])


@router.get("/projects/{int:pk}/budget", response=BudgetOut, summary="Spend against budget")
def project_budget(request, pk: PrimaryKey):
    """Spend against budget by month."""
    project = project_or_404(request, pk)
    require(request.facts, Action.VIEW_BUDGET, project)
    return selectors.budget(project).__dict__


@router.get("/projects/{int:pk}/expenses", response=list[ExpenseOut], summary="List expenses")
@paginate(ListPagination)
def list_expenses(request, pk: PrimaryKey):
    """The project's expenses, latest first."""
    project = project_or_404(request, pk)
    require(request.facts, Action.VIEW_BUDGET, project)
    return selectors.expenses(request.facts, project)


@router.post("/projects/{int:pk}/expenses", response={201: ExpenseOut}, summary="Record an expense")
def create_expense(request, payload: ExpenseIn, pk: PrimaryKey):
    """Record money spent; an alert goes out at the project's share of its budget."""
    project = project_or_404(request, pk)
    expense = services.expense_create(actor=api_actor(request), project=project, **payload.dict())
    return Status(201, expense)


@router.delete("/expenses/{int:pk}", response={204: None}, summary="Remove an expense")
def delete_expense(request, pk: PrimaryKey):
    """Remove an expense."""
    expense = get_visible_or_404(request.facts, Expense, pk=pk)
    services.expense_delete(
        actor=api_actor(request),
        expense_id=expense.pk,
        expected_version=expected_version(request, None, expense.version),
    )
    return Status(204, None)
