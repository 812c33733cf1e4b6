"""Projects across departments with budgets, their steps and finish-to-start dependencies,
requests between departments, time logged and money spent."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.names import PRODUCTS, PROJECTS, REGIONS, REQUESTS, STEPS, THINGS


def _fill(rng, templates) -> tuple[str, str]:
    template_en, template_vi = rng.choice(templates)
    region_en, region_vi = rng.choice(REGIONS)
    thing_en, thing_vi = rng.choice(THINGS)
    values = {
        "region": region_en,
        "region_vi": region_vi,
        "product": rng.choice(PRODUCTS),
        "thing": thing_en,
        "thing_vi": thing_vi,
    }
    return template_en.format(**values), template_vi.format(**values)


def members_by_department(context: Context) -> dict[int, list]:
    """The people of each department (by primary department), made once and shared."""
    if "members" not in context.made:
        members = defaultdict(list)
        for person, home in zip(context.made["people"], context.made["homes"], strict=True):
            members[home.pk].append(person)
        context.made["members"] = members
    return context.made["members"]


def projects(context: Context, progress) -> int:
    """Projects led by one department with one to three others taking part, from half a year
    ago to half a year ahead, each serving one or two goals and with a budget in VND."""
    from deptcoord.work.models import Project

    rng = context.rng
    departments = context.made["departments"]
    members = members_by_department(context)
    goals_made = context.made["goals"]
    rows, taking_part, served = [], [], []
    for n in range(context.scale.projects):
        lead = departments[n % len(departments)]
        others = rng.sample(departments, k=min(len(departments), rng.randint(1, 3)))
        start = context.today + timedelta(days=rng.randint(-180, 60))
        end = start + timedelta(days=rng.randint(60, 240))
        title_en, title_vi = _fill(rng, PROJECTS)
        status = "done" if end < context.today else rng.choice(["active"] * 6 + ["planned"])
        rows.append(
            Project(
                code=f"P{n + 1:05d}",
                title_en=title_en,
                title_vi=title_vi,
                lead_department=lead,
                coordinator=(members[lead.pk] or context.made["people"])[
                    min(1, len(members[lead.pk]) - 1)
                ],
                start=start,
                end=end,
                status=status,
                budget=Decimal(rng.choice([50, 120, 300, 800, 2_000])) * 1_000_000,
            )
        )
        taking_part.append({lead.pk, *(d.pk for d in others)})
        served.append({rng.choice(goals_made).pk for _ in range(rng.randint(1, 2))})
    made = context.bulk(Project, rows, progress)
    Departments = Project.departments.through
    Goals = Project.goals.through
    context.bulk(
        Departments,
        (
            Departments(project_id=project.pk, department_id=pk)
            for project, pks in zip(made, taking_part, strict=True)
            for pk in sorted(pks)
        ),
    )
    context.bulk(
        Goals,
        (
            Goals(project_id=project.pk, goal_id=pk)
            for project, pks in zip(made, served, strict=True)
            for pk in sorted(pks)
        ),
    )
    context.made["projects"] = made
    context.made["project_departments"] = [sorted(pks) for pks in taking_part]
    return len(made)


def _status(rng, start, due, today) -> tuple[str, int]:
    if due < today - timedelta(days=7):
        return ("done", 100) if rng.random() < 0.85 else ("in_progress", 80)
    if start > today:
        return "todo", 0
    return rng.choice([("in_progress", 20), ("in_progress", 50), ("todo", 0), ("blocked", 30)])


def steps(context: Context, progress) -> int:
    """Nine in ten steps in projects, in date order within each project, owned by one of the
    project's departments and assigned to one of its people; the rest are department
    activities without a project."""
    from deptcoord.work.models import Step

    rng = context.rng
    today = context.today
    members = members_by_department(context)
    departments = context.made["departments"]
    project_rows = context.made["projects"]
    taking_part = context.made["project_departments"]
    total = context.scale.steps
    in_projects = total * 9 // 10
    per_project = max(1, in_projects // len(project_rows))
    rows = []

    def step(project, department_pk, start, length):
        due = start + timedelta(days=length)
        status, done = _status(rng, start, due, today)
        title_en, title_vi = _fill(rng, STEPS)
        people = members.get(department_pk) or context.made["people"]
        return Step(
            project=project,
            department_id=department_pk,
            assignee=rng.choice(people) if rng.random() < 0.92 else None,
            title_en=title_en,
            title_vi=title_vi,
            effort_hours=rng.choice([2, 4, 8, 16, 24, 40]),
            start=start,
            due=due,
            status=status,
            progress=done,
            priority=rng.choice([1, 2, 2, 3]),
            is_milestone=length == 0,
            completed_on=due if status == "done" else None,
            # A step that fell overdue before today slipped then, and the night's job noted it.
            overdue_noted_on=due + timedelta(days=1) if status != "done" and due < today else None,
        )

    for project, pks in zip(project_rows, taking_part, strict=True):
        span = max(1, (project.end - project.start).days)
        offsets = sorted(rng.randrange(span) for _ in range(per_project))
        for offset in offsets:
            rows.append(
                step(
                    project,
                    rng.choice(pks),
                    project.start + timedelta(days=offset),
                    rng.choice([0, 2, 3, 5, 7, 10]),
                )
            )
    while len(rows) < total:
        rows.append(
            step(
                None,
                rng.choice(departments).pk,
                today + timedelta(days=rng.randint(-60, 60)),
                rng.choice([1, 2, 5]),
            )
        )
    context.made["steps"] = context.bulk(Step, rows, progress)
    return len(rows)


def dependencies(context: Context, progress) -> int:
    """Finish-to-start links, always from an earlier step to a later one (in the order they
    were made, which is date order within a project), so the graph has no cycle: mostly to
    one of the few steps just before in the same project, sometimes across projects."""
    from deptcoord.work.models import Dependency

    rng = context.rng
    made = [s for s in context.made["steps"] if s.project_id is not None]
    wanted = context.scale.dependencies
    pairs: set[tuple[int, int]] = set()
    attempts = 0
    while len(pairs) < wanted and attempts < wanted * 3:
        attempts += 1
        after = rng.randrange(1, len(made))
        if rng.random() < 0.95:
            before = max(0, after - rng.randint(1, 6))
            if made[before].project_id != made[after].project_id:
                continue
        else:
            before = rng.randrange(after)
        pairs.add((made[before].pk, made[after].pk))
    rows = (Dependency(predecessor_id=a, successor_id=b) for a, b in sorted(pairs))
    return len(context.bulk(Dependency, rows, progress))


def requests(context: Context, progress) -> int:
    """Requests between departments of the same project, about one per 20 steps; the accepted
    ones point at the step that answers them."""
    from deptcoord.work.models import Request

    rng = context.rng
    members = members_by_department(context)
    made = context.made["steps"]
    rows = []
    departments = context.made["departments"]
    for _n in range(max(1, len(made) // 20)):
        step = rng.choice(made)
        index = rng.randrange(len(departments))
        if departments[index].pk == step.department_id:
            index = (index + 1) % len(departments)
        asking = departments[index].pk
        state = rng.choice(["pending", "pending", "accepted", "declined"])
        title_en, title_vi = _fill(rng, REQUESTS)
        rows.append(
            Request(
                from_department_id=asking,
                to_department_id=step.department_id,
                project_id=step.project_id,
                title=title_en if rng.random() < 0.3 else title_vi,
                due=step.due,
                effort_hours=step.effort_hours,
                state=state,
                step=step if state == "accepted" else None,
                requested_by=rng.choice(members.get(asking) or context.made["people"]),
            )
        )
    return len(context.bulk(Request, rows, progress))


def time_entries(context: Context, progress) -> int:
    """Time logged by assignees on about half the started steps, one to three days each."""
    from deptcoord.work.models import TimeEntry

    rng = context.rng
    rows = []
    for step in context.made["steps"]:
        if step.assignee_id is None or step.start > context.today or rng.random() < 0.5:
            continue
        last = min(step.due, context.today)
        for _n in range(rng.randint(1, 3)):
            rows.append(
                TimeEntry(
                    step=step,
                    person_id=step.assignee_id,
                    date=step.start + timedelta(days=rng.randint(0, (last - step.start).days)),
                    hours=Decimal(rng.choice([1, 2, 3, 4, 8])),
                )
            )
    return len(context.bulk(TimeEntry, rows, progress))


def expenses(context: Context, progress) -> int:
    """Spending on started projects, a few lines each, some going over budget."""
    from deptcoord.work.models import Expense

    rng = context.rng
    categories = [c for c, _label in Expense.Category.choices]
    rows = []
    for project in context.made["projects"]:
        if project.start > context.today:
            continue
        spent_until = min(project.end, context.today)
        for _n in range(rng.randint(2, 8)):
            rows.append(
                Expense(
                    project=project,
                    date=project.start
                    + timedelta(days=rng.randint(0, (spent_until - project.start).days)),
                    amount=project.budget * Decimal(rng.choice([5, 10, 15, 20])) / 100,
                    category=rng.choice(categories),
                    recorded_by_id=project.coordinator_id,
                )
            )
    return len(context.bulk(Expense, rows, progress))
