"""Errors the planner raises for input it cannot plan, each with a machine-readable code."""

from __future__ import annotations

NO_ELIGIBLE_PERSON = "no_eligible_person"
DEPENDENCY_CYCLE = "dependency_cycle"
DEADLINE_BEFORE_RELEASE = "deadline_before_release"
NO_CAPACITY_IN_WINDOW = "no_capacity_in_window"
TIME_FRAME_TOO_LONG = "time_frame_too_long"
UNKNOWN_STEP = "unknown_step"
UNKNOWN_PERSON = "unknown_person"
UNKNOWN_GOAL = "unknown_goal"
DUPLICATE_ID = "duplicate_id"
INVALID_VALUE = "invalid_value"
DEMAND_EXCEEDS_CAPACITY = "demand_exceeds_capacity"
INVALID_FILE = "invalid_file"

# The sentences a person sees; the web layer translates them by code.
MESSAGES = {
    NO_ELIGIBLE_PERSON: "Step {subject} has nobody who can do it. Add a person with the skill.",
    DEPENDENCY_CYCLE: "Steps wait on each other in a circle ({related}). Remove one dependency.",
    DEADLINE_BEFORE_RELEASE: (
        "Goal {subject} is due before its step {related} may start. Move the deadline or the "
        "start date."
    ),
    NO_CAPACITY_IN_WINDOW: (
        "{subject} is the only person for step {related} but has no working hours in the time "
        "frame. Add someone else or free their time."
    ),
    TIME_FRAME_TOO_LONG: "The time frame is longer than two years. Choose a shorter one.",
    UNKNOWN_STEP: "Step {subject} is referenced but does not exist in the plan.",
    UNKNOWN_PERSON: "Person {subject} is referenced but does not exist in the plan.",
    UNKNOWN_GOAL: "Goal {subject} does not exist in the plan.",
    DUPLICATE_ID: "{subject} appears twice. Each step, person and goal needs its own id.",
    INVALID_VALUE: "{subject} has an invalid value: {related}.",
    DEMAND_EXCEEDS_CAPACITY: (
        "Activity {subject} needs more of resource {related} than there is. Lower the demand."
    ),
    INVALID_FILE: "The file {subject} cannot be read as a project: {related}.",
}

# A time frame of more than two years is refused: calendars that far out are guesses.
MAX_TIME_FRAME_DAYS = 730


class PlanningError(ValueError):
    """Input the planner cannot plan; `code` says why, `subject_id` names the culprit."""

    def __init__(self, code: str, subject_id: str | None = None, related_ids=()) -> None:
        self.code = code
        self.subject_id = subject_id
        self.related_ids = tuple(str(value) for value in related_ids)
        related = " → ".join(self.related_ids)
        message = MESSAGES[code].format(subject=subject_id, related=related)
        super().__init__(message)
