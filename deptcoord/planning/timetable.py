"""Working-day arithmetic for the department problem: how long a step takes from a start day.

A step takes all of its assignee's hours on each of their working days from its start until its
effort is done (see `department.py`). Ends are exclusive: a step on days 3..5 ends at 6.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from deptcoord.planning.department import DepartmentProblem

# Hours are compared with a small tolerance so that 7.5 + 7.5 counts as 15.
TOLERANCE = 1e-6


class Timetable:
    """Capacity per person and day, and the working days of the department calendar."""

    def __init__(self, problem: DepartmentProblem) -> None:
        self.horizon = problem.horizon_days
        # The day after the time frame stands for "not within the time frame".
        self.beyond = self.horizon + 1
        self.capacity: dict[str, list[float]] = {}
        self.cumulative: dict[str, list[float]] = {}
        for person in problem.people:
            hours = [0.0] * self.horizon
            for day, value in person.hours_by_day.items():
                if 0 <= day < self.horizon:
                    hours[day] = value
            self.capacity[person.person_id] = hours
            running = [0.0]
            for value in hours:
                running.append(running[-1] + value)
            self.cumulative[person.person_id] = running
        if problem.working_days is not None:
            days = {d for d in problem.working_days if 0 <= d < self.horizon}
        else:
            days = {d for hours in self.capacity.values() for d, h in enumerate(hours) if h > 0}
        self.working_days = sorted(days)
        self.end_after = cache(self._end_after)
        self.end_table = cache(self._end_table)

    def _end_after(self, person_id: str, effort: float, start: int) -> int | None:
        """Exclusive end of a step started on `start`; None if it cannot start or finish then."""
        hours = self.capacity[person_id]
        if not 0 <= start < self.horizon or hours[start] <= 0:
            return None
        running = self.cumulative[person_id]
        end = bisect_left(running, running[start] + effort - TOLERANCE)
        return end if end <= self.horizon else None

    def _end_table(self, person_id: str, effort: float) -> tuple[int | None, ...]:
        """`end_after` for every start day of the time frame."""
        return tuple(self._end_after(person_id, effort, day) for day in range(self.horizon))

    def hours_used(self, person_id: str, effort: float, start: int) -> list[tuple[int, float]]:
        """The hours a step takes on each day from its start."""
        used, remaining, day = [], effort, start
        hours = self.capacity[person_id]
        while remaining > TOLERANCE:
            if hours[day] > 0:
                taken = min(hours[day], remaining)
                used.append((day, taken))
                remaining -= taken
            day += 1
        return used

    def shifted(self, end: int, lag: int) -> int:
        """First day a successor may start after a predecessor ending at `end` and a lag."""
        if lag == 0:
            return end
        position = bisect_left(self.working_days, end) + lag - 1
        if position >= len(self.working_days):
            return self.beyond
        return self.working_days[position] + 1

    def first_working_day(self, person_id: str, day: int) -> int | None:
        """The person's first day with hours at or after `day`, if any in the time frame."""
        hours = self.capacity[person_id]
        for candidate in range(max(day, 0), self.horizon):
            if hours[candidate] > 0:
                return candidate
        return None

    def hours_between(self, person_id: str, first: int, last: int) -> float:
        """The person's available hours from day `first` to day `last`, both included."""
        first, last = max(first, 0), min(last, self.horizon - 1)
        if last < first:
            return 0.0
        running = self.cumulative[person_id]
        return running[last + 1] - running[first]
