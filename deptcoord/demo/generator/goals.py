"""Goals in chains company → department → team → person, key results and weekly check-ins."""

from datetime import timedelta

from deptcoord.demo.generator.context import Context
from deptcoord.demo.generator.names import GOALS, KEY_RESULTS, PRODUCTS, REGIONS


def _title(rng):
    template_en, template_vi = rng.choice(GOALS)
    region_en, region_vi = rng.choice(REGIONS)
    product = rng.choice(PRODUCTS)
    return (
        template_en.format(region=region_en, region_vi=region_vi, product=product),
        template_vi.format(region=region_en, region_vi=region_vi, product=product),
    )


def goals(context: Context, progress) -> int:
    """Goals at four levels, each aligned under one of the level above, this quarter."""
    from deptcoord.goals.models import Goal
    from deptcoord.goals.periods import quarter_of

    rng = context.rng
    quarter = quarter_of(context.today)
    people, homes = context.made["people"], context.made["homes"]
    divisions = context.made["divisions"]
    teams = [d for d in context.made["departments"] if d.parent_id]
    count = context.scale.goals
    per_level = {
        "company": max(2, count // 250),
        "department": count // 25,
        "team": count // 5,
    }
    per_level["person"] = count - sum(per_level.values())
    above = {"company": None, "department": "company", "team": "department", "person": "team"}
    made: dict[str, list] = {}
    for level, number in per_level.items():
        parents = made.get(above[level]) or [None]
        rows = []
        for _n in range(number):
            index = rng.randrange(len(people))
            department = {
                "company": None,
                "department": rng.choice(divisions),
                "team": rng.choice(teams) if teams else rng.choice(divisions),
                "person": homes[index],
            }[level]
            title_en, title_vi = _title(rng)
            rows.append(
                Goal(
                    title_en=title_en,
                    title_vi=title_vi,
                    level=level,
                    department=department,
                    owner=people[index] if level != "company" else people[rng.randrange(5)],
                    parent=rng.choice(parents),
                    period_start=quarter.start,
                    period_end=quarter.end,
                    status=rng.choice(["active"] * 8 + ["draft", "achieved"]),
                    priority=rng.choice([1, 2, 3]),
                    category=rng.choice([c for c, _label in Goal.Category.choices]),
                )
            )
        made[level] = context.bulk(Goal, rows, progress)
    context.made["goals"] = [goal for level in made.values() for goal in level]
    context.made["quarter"] = quarter
    return len(context.made["goals"])


def key_results(context: Context, progress) -> int:
    """Key results spread over the goals, owned by the goal's owner."""
    from deptcoord.goals.models import KeyResult

    rng = context.rng
    goals_made = context.made["goals"]
    rows = []
    for n in range(context.scale.key_results):
        goal = goals_made[n % len(goals_made)]
        title_en, title_vi, unit = rng.choice(KEY_RESULTS)
        target = rng.choice([100, 300, 20_000, 2_000_000_000])
        rows.append(
            KeyResult(
                goal=goal,
                title_en=title_en,
                title_vi=title_vi,
                unit=unit if unit != "VND" else "",
                currency="VND" if unit == "VND" else "",
                metric="money" if unit == "VND" else "number",
                owner_id=goal.owner_id,
                start_value=0,
                target_value=target,
                current_value=0,
            )
        )
    context.made["key_results"] = context.bulk(KeyResult, rows, progress)
    return len(rows)


def check_ins(context: Context, progress) -> int:
    """Weekly check-ins since the quarter began, the newest value kept on the key result."""
    from deptcoord.goals.models import CheckIn, KeyResult
    from deptcoord.goals.tasks import refresh_forecasts

    rng = context.rng
    results = context.made["key_results"]
    quarter = context.made["quarter"]
    weeks = max(1, min(12, (context.today - quarter.start).days // 7))
    per_result = max(1, context.scale.check_ins // len(results))
    rows, latest = [], {}
    for result in results:
        pace = rng.uniform(0.4, 1.2) * float(result.target_value) / 13
        for week in range(min(per_result, weeks)):
            value = round(pace * (week + 1), 2)
            day = quarter.start + timedelta(days=7 * week + rng.randrange(5))
            rows.append(
                CheckIn(
                    key_result=result,
                    day=min(day, context.today),
                    value=value,
                    confidence=rng.choice(["on_track", "on_track", "at_risk", "off_track"]),
                    author_id=result.owner_id,
                )
            )
            latest[result.pk] = (value, rows[-1].day, rows[-1].confidence)
    context.bulk(CheckIn, rows, progress)
    for result in results:
        if result.pk in latest:
            result.current_value, result.last_check_in_on, result.confidence = latest[result.pk]
    KeyResult.objects.bulk_update(
        results, ["current_value", "last_check_in_on", "confidence"], batch_size=2000
    )
    refresh_forecasts.call()  # forecasts, risk flags and roll-ups, as the daily job does
    return len(rows)
