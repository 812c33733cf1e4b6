"""Departments in two levels, people with roles, working time and time off."""

from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.names import DIVISIONS, TEAMS, TITLES

PASSWORD = "bench-company-password"  # noqa: S105  (a generated test company)


def departments(context: Context, progress) -> int:
    """Top-level divisions with teams under them, as many as the size asks."""
    from deptcoord.org.models import Department

    wanted = context.scale.departments
    divisions = max(2, wanted // 4)
    rows = []
    for n in range(divisions):
        code, name_en, name_vi = DIVISIONS[n % len(DIVISIONS)]
        suffix = str(n // len(DIVISIONS)) if n >= len(DIVISIONS) else ""
        rows.append(Department(code=code + suffix, name_en=name_en, name_vi=name_vi))
    top = context.bulk(Department, rows, progress)
    teams = []
    for n in range(wanted - divisions):
        parent = top[n % divisions]
        code, name_en, name_vi = TEAMS[(n // divisions) % len(TEAMS)]
        teams.append(
            Department(
                code=f"{parent.code}-{code}{n // (divisions * len(TEAMS)) or ''}",
                name_en=f"{parent.name_en} {name_en}",
                name_vi=f"{parent.name_vi} {name_vi}",
                parent=parent,
            )
        )
    teams = context.bulk(Department, teams, progress)
    context.made["divisions"] = top
    context.made["departments"] = top + teams
    return len(top) + len(teams)


def people(context: Context, progress) -> int:
    """People spread over the departments, each with an account that signs in with PASSWORD.

    Every department gets a head and a coordinator; a few people are executives or HR; some
    work part-time or on Saturdays.
    """
    from deptcoord.org.models import Membership, Person

    rng = context.rng
    everywhere = context.made["departments"]
    hashed = make_password(PASSWORD)
    users, people_rows, homes = [], [], []
    for n in range(context.scale.people):
        faker = context.faker_vi if rng.random() < 0.85 else context.faker_en
        name = faker.name()
        email = f"person{n}@bench.example"
        home = everywhere[n % len(everywhere)]
        title = rng.choice(TITLES)
        part_time = rng.random() < 0.05
        users.append(get_user_model()(username=email, email=email, password=hashed))
        people_rows.append(
            Person(
                full_name=name,
                email=email,
                title_en=title[0],
                title_vi=title[1],
                primary_department=home,
                weekly_capacity_hours=20 if part_time else 40,
                work_end=time(12, 30) if part_time else time(17, 30),
                working_weekdays="123456" if rng.random() < 0.1 else "12345",
                is_executive=n < 5,
                is_hr=home.code.startswith("HR") and rng.random() < 0.5,
                is_admin=n == 0,
                language="en" if faker is context.faker_en else "vi",
            )
        )
        homes.append(home)
    users = context.bulk(get_user_model(), users)
    for person, user in zip(people_rows, users, strict=True):
        person.user = user
    made = context.bulk(Person, people_rows, progress)
    # The first two people of each department run it: head, then coordinator.
    seen: dict[int, int] = {}
    memberships = []
    for person, home in zip(made, homes, strict=True):
        rank = seen.get(home.pk, 0)
        seen[home.pk] = rank + 1
        role = "head" if rank == 0 else "coordinator" if rank == 1 else "member"
        memberships.append(Membership(person=person, department=home, role=role))
    context.bulk(Membership, memberships)
    context.made["people"] = made
    context.made["homes"] = homes
    return len(made)


def time_off(context: Context, progress) -> int:
    """About one absence per person within six weeks of today."""
    from deptcoord.org.models import TimeOff

    rng = context.rng
    rows = []
    for person in context.made["people"]:
        if rng.random() < 0.75:
            start = context.today + timedelta(days=rng.randint(-21, 21))
            rows.append(
                TimeOff(
                    person=person,
                    start_date=start,
                    end_date=start + timedelta(days=rng.choice([0, 0, 1, 2, 4])),
                    kind=rng.choice(["leave", "leave", "sick", "training"]),
                )
            )
    return len(context.bulk(TimeOff, rows, progress))
