"""Time spent on steps and money spent on projects, with the budget alert."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from deptcoord.access import Action
from deptcoord.audit.changes import snapshot
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.money import format_money
from deptcoord.core.versioning import check_version, lock
from deptcoord.notices.notifications import notify, translated
from deptcoord.org.models import Membership
from deptcoord.work import messages
from deptcoord.work.models import Expense, Project, Step, TimeEntry
from deptcoord.work.services.common import record_created, record_deleted, save_with_audit, today
from deptcoord.work.validation import (
    LARGEST_MONEY,
    add,
    check_choice,
    check_decimal,
    raise_if,
    to_date,
)

TIME_FIELDS = ["step", "person", "date", "hours", "note"]
EXPENSE_FIELDS = ["project", "date", "amount", "category", "note"]


def _check_time(data: dict) -> dict:
    errors: dict = {}
    cleaned = dict(data)
    cleaned["date"] = to_date(errors, "date", data.get("date"), required=True)
    if cleaned["date"] is not None and cleaned["date"] > today():
        add(errors, "date", messages.TIME_IN_FUTURE)
    cleaned["hours"] = check_decimal(
        errors, "hours", data.get("hours"), Decimal("0.25"), Decimal(24), messages.HOURS_RANGE
    )
    cleaned["note"] = (data.get("note") or "").strip()
    if len(cleaned["note"]) > 300:
        add(errors, "note", messages.NOTE_TOO_LONG)
    raise_if(errors)
    return cleaned


@transaction.atomic
def time_log(*, actor: Actor, step: Step, date, hours, note: str = "", person=None) -> TimeEntry:
    """Log time the actor (or, for those who run the step, another person) spent on a step."""
    authorize(actor, Action.LOG_TIME, step)
    person = person or actor.person
    if person != actor.person:
        authorize(actor, Action.CHANGE, step)
    cleaned = _check_time({"date": date, "hours": hours, "note": note})
    entry = TimeEntry.objects.create(step=step, person=person, **cleaned)
    record_created(actor, entry, TIME_FIELDS, "work.time.log", step.department_id)
    return entry


@transaction.atomic
def time_entry_update(*, actor: Actor, entry_id: int, expected_version=None, **changes):
    """Correct a time entry's day, hours or note."""
    entry = lock(TimeEntry, entry_id)
    authorize(actor, Action.CHANGE, entry)
    check_version(entry, expected_version)
    data = {field: changes.get(field, getattr(entry, field)) for field in ("date", "hours", "note")}
    cleaned = _check_time(data)
    before = snapshot(entry, TIME_FIELDS)
    for field, value in cleaned.items():
        setattr(entry, field, value)
    save_with_audit(actor, entry, before, TIME_FIELDS, "work.time.update", entry.step.department_id)
    return entry


@transaction.atomic
def time_entry_delete(*, actor: Actor, entry_id: int, expected_version=None) -> None:
    """Remove a time entry."""
    entry = lock(TimeEntry, entry_id)
    authorize(actor, Action.DELETE, entry)
    check_version(entry, expected_version)
    record_deleted(actor, entry, TIME_FIELDS, "work.time.delete", entry.step.department_id)
    entry.delete()


CENT = Decimal("0.01")


def _check_expense(data: dict) -> dict:
    errors: dict = {}
    cleaned = dict(data)
    cleaned["date"] = to_date(errors, "date", data.get("date"), required=True)
    cleaned["amount"] = check_decimal(
        errors,
        "amount",
        data.get("amount"),
        Decimal(0),
        LARGEST_MONEY,
        messages.AMOUNT_RANGE,
        low_open=True,
    )
    if cleaned["amount"] is not None:
        # Kept to the cent: an amount that rounds to nothing (1e-25) is no expense.
        cleaned["amount"] = cleaned["amount"].quantize(CENT, rounding=ROUND_HALF_UP)
        if cleaned["amount"] <= 0:
            add(errors, "amount", messages.AMOUNT_RANGE)
    cleaned["category"] = check_choice(
        errors, "category", data.get("category"), Expense.Category.values, Expense.Category.OTHER
    )
    cleaned["note"] = (data.get("note") or "").strip()
    if len(cleaned["note"]) > 300:
        add(errors, "note", messages.NOTE_TOO_LONG)
    raise_if(errors)
    return cleaned


def spent(project: Project) -> Decimal:
    """Everything spent on the project so far."""
    return project.expenses.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def budget_check(project: Project) -> bool:
    """Alert the project's coordinator and its lead department's runners once, when spending
    reaches the alert share of the budget (again after it drops below). Returns True when
    an alert went out."""
    if not project.budget:
        return False
    total = spent(project)
    percent = total * 100 / project.budget
    if percent < project.budget_alert_percent:
        if project.budget_alerted_at is not None:
            Project.objects.filter(pk=project.pk).update(budget_alerted_at=None)
            project.budget_alerted_at = None
        return False
    if project.budget_alerted_at is not None:
        return False
    now = timezone.now()
    Project.objects.filter(pk=project.pk).update(budget_alerted_at=now)
    project.budget_alerted_at = now
    runners = Membership.objects.filter(
        department_id=project.lead_department_id,
        role__in=[Membership.Role.HEAD, Membership.Role.COORDINATOR],
    ).select_related("person")
    recipients = {project.coordinator_id: project.coordinator}
    recipients.update({m.person_id: m.person for m in runners})
    for person in recipients.values():
        notify(
            recipient=person,
            kind="work.budget",
            message=messages.BUDGET_ALERT,
            params={
                "project": translated(lambda: project.title),
                "spent": translated(lambda: format_money(total, project.currency)),
                "budget": translated(lambda: format_money(project.budget, project.currency)),
                "percent": int(percent),
            },
            url=reverse("work:project_budget", args=[project.pk]),
            target=project,
        )
    return True


@transaction.atomic
def expense_create(
    *, actor: Actor, project: Project, date, amount, category: str = "other", note: str = ""
) -> Expense:
    """Record money spent on a project; alert at the project's share of its budget."""
    authorize(actor, Action.SPEND, project)
    cleaned = _check_expense({"date": date, "amount": amount, "category": category, "note": note})
    expense = Expense.objects.create(project=project, recorded_by=actor.person, **cleaned)
    record_created(
        actor, expense, EXPENSE_FIELDS, "work.expense.create", project.lead_department_id
    )
    budget_check(project)
    return expense


@transaction.atomic
def expense_update(*, actor: Actor, expense_id: int, expected_version=None, **changes) -> Expense:
    """Correct an expense."""
    expense = lock(Expense, expense_id)
    authorize(actor, Action.CHANGE, expense)
    check_version(expense, expected_version)
    fields = ("date", "amount", "category", "note")
    cleaned = _check_expense({f: changes.get(f, getattr(expense, f)) for f in fields})
    before = snapshot(expense, EXPENSE_FIELDS)
    for field, value in cleaned.items():
        setattr(expense, field, value)
    save_with_audit(
        actor,
        expense,
        before,
        EXPENSE_FIELDS,
        "work.expense.update",
        expense.project.lead_department_id,
    )
    budget_check(expense.project)
    return expense


@transaction.atomic
def expense_delete(*, actor: Actor, expense_id: int, expected_version=None) -> None:
    """Remove an expense."""
    expense = lock(Expense, expense_id)
    authorize(actor, Action.DELETE, expense)
    check_version(expense, expected_version)
    project = expense.project
    record_deleted(
        actor, expense, EXPENSE_FIELDS, "work.expense.delete", project.lead_department_id
    )
    expense.delete()
    budget_check(project)
