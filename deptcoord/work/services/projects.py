"""Creating and changing projects."""

from decimal import Decimal

from django.db import transaction

from deptcoord.access import Action
from deptcoord.audit.changes import diff, snapshot
from deptcoord.audit.services import audit_record
from deptcoord.core.actor import Actor, authorize
from deptcoord.core.versioning import check_version, lock
from deptcoord.org.services.recheck import recheck_reach
from deptcoord.search.indexing import index_record
from deptcoord.work import messages
from deptcoord.work.models import Project
from deptcoord.work.validation import (
    LARGEST_MONEY,
    add,
    check_choice,
    check_code,
    check_decimal,
    check_project_dates,
    check_titles,
    raise_if,
    to_date,
)

PROJECT_FIELDS = [
    "code",
    "title_en",
    "title_vi",
    "description",
    "lead_department",
    "coordinator",
    "start",
    "end",
    "status",
    "budget",
    "currency",
    "budget_alert_percent",
]
PROJECT_LINKS = ["departments", "goals", "invited"]


def _links(project: Project) -> dict:
    return {
        name: sorted(str(item) for item in getattr(project, name).all()) for name in PROJECT_LINKS
    }


def check_project(data: dict, instance: Project | None = None) -> dict:
    """Validate a project's fields; return the cleaned values."""
    errors: dict = {}
    cleaned = dict(data)
    cleaned["code"] = check_code(errors, data.get("code"))
    if cleaned["code"] and "code" not in errors:
        taken = Project.objects.filter(code__iexact=cleaned["code"])
        if instance is not None:
            taken = taken.exclude(pk=instance.pk)
        if taken.exists():
            add(errors, "code", messages.CODE_TAKEN % {"code": cleaned["code"]})
    cleaned["title_en"], cleaned["title_vi"] = check_titles(
        errors, data.get("title_en"), data.get("title_vi")
    )
    cleaned["description"] = (data.get("description") or "").strip()
    lead = data.get("lead_department")
    if lead is None:
        add(errors, "lead_department", messages.REQUIRED)
    elif not lead.is_active and (instance is None or instance.lead_department_id != lead.pk):
        add(errors, "lead_department", messages.DEPARTMENT_INACTIVE % {"department": lead})
    coordinator = data.get("coordinator")
    if coordinator is None:
        add(errors, "coordinator", messages.REQUIRED)
    elif not coordinator.is_active:
        add(errors, "coordinator", messages.COORDINATOR_INACTIVE % {"name": coordinator})
    cleaned["start"] = to_date(errors, "start", data.get("start"), required=True)
    cleaned["end"] = to_date(errors, "end", data.get("end"), required=True)
    if "start" not in errors and "end" not in errors:
        check_project_dates(errors, cleaned["start"], cleaned["end"])
    cleaned["status"] = check_choice(
        errors, "status", data.get("status"), Project.Status.values, Project.Status.PLANNED
    )
    budget = data.get("budget")
    cleaned["budget"] = (
        Decimal(0)
        if budget in (None, "")
        else check_decimal(
            errors, "budget", budget, Decimal(0), LARGEST_MONEY, messages.BUDGET_RANGE
        )
    )
    currency = (data.get("currency") or "VND").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        add(errors, "currency", messages.CURRENCY_FORMAT)
    cleaned["currency"] = currency
    percent = data.get("budget_alert_percent")
    cleaned["budget_alert_percent"] = (
        80
        if percent in (None, "")
        else check_decimal(
            errors,
            "budget_alert_percent",
            percent,
            Decimal(1),
            Decimal(1000),
            messages.ALERT_RANGE,
            places="1",
        )
    )
    if cleaned["budget_alert_percent"] is not None:
        cleaned["budget_alert_percent"] = int(cleaned["budget_alert_percent"])
    for department in data.get("departments") or []:
        if not department.is_active and (
            instance is None or not instance.departments.filter(pk=department.pk).exists()
        ):
            add(errors, "departments", messages.DEPARTMENT_INACTIVE % {"department": department})
    raise_if(errors)
    return cleaned


@transaction.atomic
def project_create(
    *,
    actor: Actor,
    code: str,
    lead_department,
    coordinator,
    start,
    end,
    title_en: str = "",
    title_vi: str = "",
    description: str = "",
    departments=(),
    goals=(),
    invited=(),
    status: str = Project.Status.PLANNED,
    budget: Decimal | int | str = 0,
    currency: str = "VND",
    budget_alert_percent: int = 80,
) -> Project:
    """Create a project led by ``lead_department``; the actor must run the lead department."""
    authorize(actor, Action.CHANGE, Project(lead_department=lead_department))
    data = {name: value for name, value in locals().items() if name in PROJECT_FIELDS}
    data["departments"] = list(departments)
    cleaned = check_project(data)
    project = Project(**{name: cleaned[name] for name in PROJECT_FIELDS})
    project.save()
    project.departments.set({lead_department, *departments})
    project.goals.set(list(goals))
    project.invited.set(list(invited))
    audit_record(
        actor=actor,
        kind="create",
        action="work.project.create",
        target=project,
        changes=diff({}, snapshot(project, PROJECT_FIELDS) | _links(project)),
        department_id=lead_department.pk,
    )
    index_record(project)
    recheck_reach(actor, project, Action.CHANGE)
    return project


@transaction.atomic
def project_update(
    *, actor: Actor, project_id: int, expected_version: int | None, **changes
) -> Project:
    """Change a project's fields and, when given, its departments, goals and invited guests."""
    project = lock(Project, project_id)
    authorize(actor, Action.CHANGE, project)
    check_version(project, expected_version)
    unknown = set(changes) - set(PROJECT_FIELDS) - set(PROJECT_LINKS)
    if unknown:
        raise TypeError(f"Unknown project fields: {sorted(unknown)}")
    data = {field: changes.get(field, getattr(project, field)) for field in PROJECT_FIELDS}
    data["departments"] = list(changes.get("departments") or [])
    cleaned = check_project(data, instance=project)
    before = snapshot(project, PROJECT_FIELDS) | _links(project)
    for field in PROJECT_FIELDS:
        setattr(project, field, cleaned[field])
    if "departments" in changes:
        project.departments.set({project.lead_department, *changes["departments"]})
    elif "lead_department" in changes:
        project.departments.add(project.lead_department)
    for name in ("goals", "invited"):
        if name in changes:
            getattr(project, name).set(list(changes[name]))
    changed = diff(before, snapshot(project, PROJECT_FIELDS) | _links(project))
    if changed:
        project.version += 1
        project.save()
        audit_record(
            actor=actor,
            kind="update",
            action="work.project.update",
            target=project,
            changes=changed,
            department_id=project.lead_department_id,
        )
        index_record(project)
    recheck_reach(actor, project, Action.VIEW)
    return project
