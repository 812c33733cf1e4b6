"""Checks on a step's fields; each failure names the field and says what to do."""

from deptcoord.org.models import LEVELS, LOWEST_LEVEL, Membership, Skill
from deptcoord.work import messages
from deptcoord.work.models import Project, Request, Step
from deptcoord.work.validation import (
    add,
    check_choice,
    check_effort,
    check_step_dates,
    check_titles,
    raise_if,
    to_date,
)

STEP_FIELDS = [
    "project",
    "department",
    "assignee",
    "title_en",
    "title_vi",
    "description",
    "effort_hours",
    "start",
    "due",
    "status",
    "progress",
    "priority",
    "is_milestone",
    "required_skill",
    "required_level",
]


def belongs(person, department) -> bool:
    """Whether the person is one of the department's people."""
    if person.primary_department_id == department.pk:
        return True
    return Membership.objects.filter(person=person, department=department).exists()


def lent_by_request(person, step: Step | None) -> bool:
    """Whether the person's department accepted a request that this step answers."""
    if step is None or step.pk is None:
        return False
    departments = set(person.memberships.values_list("department_id", flat=True))
    departments.add(person.primary_department_id)
    return Request.objects.filter(
        step=step, state=Request.State.ACCEPTED, to_department__in=departments
    ).exists()


def check_step(data: dict, instance: Step | None = None) -> dict:
    """Validate every field of a step; return the cleaned values (all of STEP_FIELDS)."""
    errors: dict = {}
    cleaned = {field: data.get(field) for field in STEP_FIELDS}
    cleaned["title_en"], cleaned["title_vi"] = check_titles(
        errors, data.get("title_en"), data.get("title_vi")
    )
    cleaned["description"] = (data.get("description") or "").strip()
    cleaned["effort_hours"] = check_effort(errors, data.get("effort_hours"))
    cleaned["start"] = to_date(errors, "start", data.get("start"))
    cleaned["due"] = to_date(errors, "due", data.get("due"))
    check_step_dates(errors, cleaned["start"], cleaned["due"])
    cleaned["status"] = check_choice(
        errors, "status", data.get("status"), Step.Status.values, Step.Status.TODO
    )
    cleaned["priority"] = check_choice(
        errors, "priority", data.get("priority"), Step.Priority.values, Step.Priority.MEDIUM
    )
    cleaned["progress"] = _progress(errors, data.get("progress"))
    cleaned["is_milestone"] = bool(data.get("is_milestone"))
    cleaned["required_skill"], cleaned["required_level"] = _required_skill(
        errors, data.get("required_skill"), data.get("required_level"), instance
    )
    department = cleaned["department"]
    if department is None:
        add(errors, "department", messages.REQUIRED)
    elif not department.is_active and (instance is None or instance.department_id != department.pk):
        add(errors, "department", messages.DEPARTMENT_INACTIVE % {"department": department})
    project = cleaned["project"]
    if project is not None and department is not None:
        _check_project(errors, project, department, instance)
    assignee = cleaned["assignee"]
    if assignee is not None and department is not None:
        unchanged = instance is not None and instance.assignee_id == assignee.pk
        if not assignee.is_active and not unchanged:
            add(errors, "assignee", messages.ASSIGNEE_INACTIVE % {"name": assignee})
        elif not belongs(assignee, department) and not lent_by_request(assignee, instance):
            add(
                errors,
                "assignee",
                messages.ASSIGNEE_OUTSIDE % {"name": assignee, "department": department},
            )
    if cleaned["status"] == Step.Status.DONE and "progress" not in errors:
        cleaned["progress"] = 100
    raise_if(errors)
    return cleaned


def _progress(errors: dict, value) -> int:
    if value is None or value == "":
        return 0
    try:
        number = int(str(value).strip())
    except ValueError:
        add(errors, "progress", messages.PROGRESS_RANGE)
        return 0
    if not 0 <= number <= 100:
        add(errors, "progress", messages.PROGRESS_RANGE)
    return number


def _required_skill(errors: dict, skill, level, instance: Step | None):
    """The skill a step needs (a Skill, or its id) and the level, 0–5 (0 when left empty)."""
    if skill is not None and not isinstance(skill, Skill):
        found = Skill.objects.filter(pk=skill).first() if str(skill).isdigit() else None
        if found is None:
            add(errors, "required_skill", messages.NO_SUCH_SKILL % {"value": skill})
            return None, None
        skill = found
    kept = instance is not None and instance.required_skill_id == getattr(skill, "pk", None)
    if skill is not None and not skill.is_active and not kept:
        add(errors, "required_skill", messages.NO_SUCH_SKILL % {"value": skill.name})
    if level is None or level == "":
        return skill, (LOWEST_LEVEL if skill is not None else None)
    try:
        number = int(str(level).strip())
    except ValueError:
        add(errors, "required_level", messages.SKILL_LEVEL_RANGE)
        return skill, None
    if number not in LEVELS:
        add(errors, "required_level", messages.SKILL_LEVEL_RANGE)
    elif skill is None:
        add(errors, "required_level", messages.SKILL_LEVEL_WITHOUT_SKILL)
    return skill, number


def _check_project(errors: dict, project: Project, department, instance: Step | None) -> None:
    moved = instance is None or instance.project_id != project.pk
    if moved and not project.is_open:
        add(errors, "project", messages.PROJECT_CLOSED % {"project": project.title})
    takes_part = (
        project.lead_department_id == department.pk
        or project.departments.filter(pk=department.pk).exists()
    )
    if not takes_part:
        add(
            errors,
            "department",
            messages.DEPARTMENT_NOT_IN_PROJECT
            % {"department": department, "project": project.title},
        )
