"""Hours each person has for planned work, day by day over a time frame.

The available hours come from the one capacity rule (``org.capacity``: working hours − public
holidays and company days off − time off − meetings); the planner then takes out the work
already committed outside the plan.
"""

from datetime import date, timedelta

from deptcoord.org import capacity


def subtract_committed(hours: dict[int, dict[int, float]], commitments, days: int) -> None:
    """Take out work already committed outside the plan.

    ``commitments`` are (person id, first day index, last day index, hours): the hours are spread
    evenly over the person's working days between the two days (clipped to the time frame).
    """
    for person_id, first, last, effort in commitments:
        calendar = hours.get(person_id)
        if not calendar or effort <= 0:
            continue
        window = [d for d in range(max(first, 0), min(last, days - 1) + 1) if calendar.get(d)]
        if not window:
            continue
        share = effort / len(window)
        for day in window:
            calendar[day] = max(calendar[day] - share, 0.0)


def hours_available(people, start: date, days: int, commitments=()) -> dict[int, dict[int, float]]:
    """Hours per person and day index left for planned work (days without hours omitted)."""
    by_date = capacity.available_hours(people, start, start + timedelta(days=days - 1))
    hours = {
        person_id: {(day - start).days: left for day, left in calendar.items()}
        for person_id, calendar in by_date.items()
    }
    subtract_committed(hours, commitments, days)
    return {
        person_id: {day: round(h, 2) for day, h in calendar.items() if h > 0.01}
        for person_id, calendar in hours.items()
    }
