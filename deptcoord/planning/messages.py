"""The sentences people see when the planner refuses its input (tests assert them)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import REQUIRED  # noqa: F401  (shared sentences)
from deptcoord.planning import errors

TIME_FRAME_ORDER = _("The time frame must end on or after its first day. Check the two dates.")
TIME_FRAME_TOO_LONG = _("The time frame is longer than two years. Choose a shorter one.")
CHOOSE_SCOPE = _("Choose a department or a project to plan.")
NOTHING_TO_PLAN = _(
    "There are no open steps to plan in this time frame. Add steps to the projects first."
)
GOAL_OUT_OF_SCOPE = _("Goal “%(goal)s” is not one of this plan’s goals.")
NOT_FINISHED = _("This plan is still running. Wait for it to finish, then try again.")
FAILED_RUN = _("This plan could not be made, so there is nothing to apply.")
ALREADY_APPLIED = _("This plan was already applied on %(date)s.")
UNKNOWN_SUGGESTION = _("This suggestion is not part of the plan. Reload the page and pick again.")
SOLVER_FAILED = _(
    "The planner stopped unexpectedly. Try again; if it happens again, tell an admin."
)
INTERRUPTED = _(
    "The planner was interrupted by a server restart before it finished. Run the plan again."
)

# The engine's error codes, in the viewer's language; names replace the engine's ids.
ENGINE_ERRORS = {
    errors.NO_ELIGIBLE_PERSON: _(
        "Nobody can do step “%(subject)s”. Give it an assignee or add people to its department."
    ),
    errors.DEPENDENCY_CYCLE: _(
        "Steps wait on each other in a circle (%(related)s). Remove one of these dependencies."
    ),
    errors.DEADLINE_BEFORE_RELEASE: _(
        "Goal “%(subject)s” is due before its step “%(related)s” may start. Move the goal’s end "
        "date or the work the step waits for."
    ),
    errors.NO_CAPACITY_IN_WINDOW: _(
        "%(subject)s is the only person for step “%(related)s” but has no working hours in this "
        "time frame. Assign someone else or free their time."
    ),
    errors.TIME_FRAME_TOO_LONG: TIME_FRAME_TOO_LONG,
    errors.UNKNOWN_STEP: _("Step “%(subject)s” is referenced but is not part of the plan."),
    errors.UNKNOWN_PERSON: _("%(subject)s is referenced but is not part of the plan."),
    errors.UNKNOWN_GOAL: _("Goal “%(subject)s” is not part of the plan."),
    errors.DUPLICATE_ID: _("“%(subject)s” appears twice in the plan."),
    errors.INVALID_VALUE: _("“%(subject)s” has a value the planner cannot use: %(related)s."),
}

NO_ELIGIBLE_WITH_SKILL = _(
    "Nobody who may do step “%(subject)s” has “%(skill)s” at level %(level)s or above. Record "
    "people’s skill levels, lower the level the step needs or give it an assignee."
)

# Notifications to the person who started a run (they may have left the page).
RUN_FINISHED = _("Your plan “%(name)s” is ready: %(reached)s of %(total)s goals reachable.")
RUN_FAILED = _("Your plan “%(name)s” could not be made: %(error)s")
ASSUMPTION_REFUSED = _(
    "Applying this scenario also records what it assumed (extra hours, a new deadline or a "
    "postponed goal), and you may not make that change. Ask the goal's owner or the person's "
    "coordinator, or apply the plan without the what-if."
)
