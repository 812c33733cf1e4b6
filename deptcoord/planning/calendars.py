"""Hours each person has for planned work, day by day over a time frame.

One function per source: working hours − public holidays and company days off − time off −
meetings − work already committed outside the plan.
"""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from deptcoord.meetings.selectors import busy_hours
from deptcoord.org.calendar import days_off_between
from deptcoord.org.models import Person, TimeOff


def working_weekdays(person: Person) -> set[int]:
    """The person's working weekdays, 0 = Monday (the model stores digits 1–7)."""
    return {int(digit) - 1 for digit in person.working_weekdays if digit.isdigit() and digit != "0"}


def daily_hours(person: Person) -> float:
    """Hours on each working day: the weekly capacity spread over the working weekdays."""
    weekdays = working_weekdays(person)
    if not weekdays:
        return 0.0
    return float(Decimal(person.weekly_capacity_hours) / len(weekdays))


def contract_hours(people, start: date, days: int) -> dict[int, dict[int, float]]:
    """Per person and day index: contract hours on working weekdays, none on days off."""
    company_off = set(days_off_between(start, start + timedelta(days=days - 1)))
    hours: dict[int, dict[int, float]] = {}
    for person in people:
        weekdays, per_day = working_weekdays(person), daily_hours(person)
        hours[person.pk] = {
            index: per_day
            for index in range(days)
            if (start + timedelta(days=index)).weekday() in weekdays
            and start + timedelta(days=index) not in company_off
        }
    return hours


def subtract_time_off(hours: dict[int, dict[int, float]], start: date, days: int) -> None:
    """No hours on the days a person is away."""
    end = start + timedelta(days=days - 1)
    away = TimeOff.objects.filter(
        person_id__in=list(hours), start_date__lte=end, end_date__gte=start
    )
    for leave in away.only("person_id", "start_date", "end_date"):
        first = max((leave.start_date - start).days, 0)
        last = min((leave.end_date - start).days, days - 1)
        for index in range(first, last + 1):
            hours[leave.person_id].pop(index, None)


def subtract_meetings(hours: dict[int, dict[int, float]], people, start: date, days: int) -> None:
    """Take out the hours each person spends in meetings on each working day."""
    busy = busy_hours(people, start, start + timedelta(days=days - 1))
    for (person_id, day), spent in busy.items():
        calendar, index = hours.get(person_id), (day - start).days
        if calendar and index in calendar:
            calendar[index] = max(calendar[index] - spent, 0.0)


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
    hours = contract_hours(people, start, days)
    subtract_time_off(hours, start, days)
    subtract_meetings(hours, people, start, days)
    subtract_committed(hours, commitments, days)
    cleaned: dict[int, dict[int, float]] = defaultdict(dict)
    for person_id, calendar in hours.items():
        cleaned[person_id] = {day: round(h, 2) for day, h in calendar.items() if h > 0.01}
    return dict(cleaned)
