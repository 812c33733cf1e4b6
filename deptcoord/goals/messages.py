"""The sentences people see when goals, key results, check-ins, templates or standards refuse
their input (tests assert them)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import NOT_A_NUMBER, REQUIRED  # noqa: F401  (shared sentences)

TITLE_REQUIRED = _("Give a title in English or in Vietnamese (or both).")
TITLE_TOO_LONG = _("Keep the title under 200 characters.")
UNKNOWN_CHOICE = _("“%(value)s” is not one of the choices. Pick one from the list.")
PERIOD_ORDER = _("The period must end after it starts. Check the two dates.")
PERIOD_TOO_LONG = _("A period can cover at most five years. Split longer goals.")
COMPANY_HAS_NO_DEPARTMENT = _(
    "A company goal belongs to no department. Leave the department empty or choose another level."
)
DEPARTMENT_REQUIRED = _("Choose the department this goal belongs to.")
DEPARTMENT_INACTIVE = _("This department is deactivated. Choose an active one.")
OWNER_INACTIVE = _("%(name)s is deactivated. Choose an active owner.")
OWNER_NOT_IN_DEPARTMENT = _(
    "%(name)s is not in %(department)s. A personal goal belongs to one of its owner’s departments."
)
OWNER_CANNOT_SEE = _("%(name)s cannot see this goal. Choose an owner who can.")
KPI_ALWAYS_COMMITTED = _("A KPI is a committed target; only OKRs can be aspirational.")
PARENT_CYCLE = _(
    "A goal cannot be aligned under itself or under one of its own contributing goals. "
    "Choose another parent."
)
PARENT_LEVEL = _(
    "A %(level)s goal cannot be aligned under a %(parent_level)s goal. "
    "Choose a goal at the same or a higher level."
)
PARENT_NOT_VISIBLE = _("There is no goal you can see with this id. Choose another parent.")
PARENT_CANCELLED = _("The chosen parent goal is cancelled. Choose an open goal.")
WEIGHT_RANGE = _("The weight must be between 0 and 1000.")
NUMBER_TOO_LARGE = _("The number is too large. Use at most 16 digits before the decimal point.")
TARGET_EQUALS_START = _(
    "The target must differ from the start value; otherwise there is nothing to measure."
)
SHOULD_DECREASE = _(
    "The target is below the start value, so this key result decreases. "
    "Choose “Decrease” or change the target."
)
SHOULD_INCREASE = _(
    "The target is above the start value, so this key result increases. "
    "Choose “Increase” or change the target."
)
TARGET_BELOW_ZERO = _(
    "The target cannot be below zero when the start value is not: a count, an amount or a "
    "share stops at 0. Aim for 0 or more, or start from the negative value you have today."
)
CURRENCY_REQUIRED = _("A money key result needs a currency, e.g. VND.")
CURRENCY_FORMAT = _("Write the currency as a three-letter code, e.g. VND or USD.")
MILESTONES_REQUIRED = _("List the milestones in order, one a line.")
TOO_MANY_MILESTONES = _("List at most 50 milestones.")
KEY_RESULT_STARTS_EARLY = _(
    "The key result cannot start before its goal’s period (which starts on %(day)s)."
)
KEY_RESULT_DUE_LATE = _(
    "The key result cannot be due after its goal’s period (which ends on %(day)s)."
)
KEY_RESULT_DATES_ORDER = _("The key result must be due after it starts.")
KEY_RESULTS_OUTSIDE_PERIOD = _(
    "The key result “%(title)s” runs from %(start)s to %(end)s, outside this period. "
    "Change its dates first, or choose a period that covers them."
)
ONLY_DRAFTS_DELETED = _(
    "Only draft goals can be deleted. Cancel this goal instead; its history stays."
)
HAS_CONTRIBUTING_GOALS = _(
    "Other goals are aligned under this one. Align them elsewhere before deleting it."
)
CHECK_IN_ON_CANCELLED = _(
    "This goal is cancelled, so its key results take no more check-ins. Reactivate the goal first."
)
CHECK_IN_IN_FUTURE = _("A check-in cannot be dated in the future.")
CHECK_IN_BEFORE_START = _("The key result starts on %(day)s. Date the check-in on or after it.")
YES_NO_VALUE = _("Answer 1 (done) or 0 (not yet).")
MILESTONE_VALUE = _("Give the number of milestones reached, from 0 to %(count)s.")
NOTE_TOO_LONG = _("Keep the note under 2000 characters.")
TEMPLATE_NEEDS_KEY_RESULT = _("Give the template at least one key result.")
NOBODY_TO_ROLL_OUT = _(
    "Nobody in %(department)s matches. Check the department and the title filter."
)
THRESHOLD_METRIC = _("A standard is measured as a number, a percent or an amount of money.")
MEASUREMENT_IN_FUTURE = _("This period has not started yet. Record measurements of past periods.")
NO_SUCH_KEY_RESULT = _("There is no key result with the id “%(value)s” that you can check in on.")
NO_SUCH_STANDARD = _("There is no standard with the id “%(value)s” that you can measure.")
BAD_DATE = _("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-30.")
BAD_CONFIDENCE = _("“%(value)s” is not a confidence. Use on_track, at_risk or off_track.")
NOT_ALLOWED_THERE = _(
    "You may not create this goal there. Choose a department you run, or make it a personal goal."
)
OUT_OF_REACH = _(
    "This change would take the goal out of your reach. Keep it in a department you run, with "
    "an owner of that department."
)
METRIC_LOCKED = _(
    "This key result already has check-ins, so it keeps its metric. "
    "Add a new key result to measure it another way."
)
OWNER_REQUIRED = _("Choose who owns this.")
STANDARD_BREACHED = _(
    "Standard breached: “%(standard)s” was %(value)s for %(period)s (threshold %(threshold)s)."
)
CHECK_IN_REMINDER = _(
    "Time for a check-in: %(titles)s had no check-in for a week. Report the latest values."
)
DAY_REQUIRED = _("Give the day the value was measured.")
