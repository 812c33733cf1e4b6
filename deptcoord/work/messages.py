"""The sentences people see when projects, steps, dependencies, requests, time or expenses refuse
their input (tests assert them)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from deptcoord.core.messages import NOT_A_NUMBER, REQUIRED  # noqa: F401  (shared sentences)

TITLE_REQUIRED = _("Give a title in English or in Vietnamese (or both).")
TITLE_TOO_LONG = _("Keep the title under 200 characters.")
UNKNOWN_CHOICE = _("“%(value)s” is not one of the choices. Pick one from the list.")
CODE_REQUIRED = _("Give the project a short code, for example SMH-LAUNCH.")
CODE_FORMAT = _("Use up to 20 letters, digits and dashes for the code.")
CODE_TAKEN = _("Another project already uses the code %(code)s. Choose another one.")
PROJECT_DATES = _("The project must end on or after the day it starts. Check the two dates.")
PROJECT_TOO_LONG = _("A project can last at most five years. Split longer work.")
DEPARTMENT_INACTIVE = _("%(department)s is deactivated. Choose an active department.")
COORDINATOR_INACTIVE = _("%(name)s is deactivated. Choose an active coordinator.")
BUDGET_RANGE = _("The budget must be zero or more, with at most 14 digits.")
ALERT_RANGE = _("The alert share must be between 1 and 1000 percent of the budget.")
CURRENCY_FORMAT = _("Use a three-letter currency code such as VND or USD.")
DUE_BEFORE_START = _("The due date %(due)s is before the start %(start)s. Move one of them.")
EFFORT_RANGE = _("The effort must be between 0 and 10,000 hours.")
PROGRESS_RANGE = _("Progress is a percentage between 0 and 100.")
SKILL_LEVEL_RANGE = _("The required level is a whole number from 0 to 5.")
SKILL_LEVEL_WITHOUT_SKILL = _("Choose the skill this level is for, or leave the level empty.")
NO_SUCH_SKILL = _("There is no active skill “%(value)s” in the catalogue. Check its name.")
ASSIGNEE_INACTIVE = _("%(name)s is deactivated. Choose an active person.")
ASSIGNEE_OUTSIDE = _(
    "%(name)s is not in %(department)s. Assign someone from the department, or ask %(name)s’s "
    "department with a request first."
)
DEPARTMENT_NOT_IN_PROJECT = _(
    "%(department)s does not take part in %(project)s. Add it to the project’s departments first."
)
PROJECT_CLOSED = _("%(project)s is closed. Reopen it before adding steps.")
NOT_A_DATE = _("“%(value)s” is not a date. Write it as YYYY-MM-DD.")
DEPENDENCY_ON_ITSELF = _("A step cannot wait for itself. Choose another step.")
DEPENDENCY_CYCLE = _(
    "This link would make steps wait for each other in a circle: %(cycle)s. "
    "Remove one of these links first."
)
DEPENDENCY_EXISTS = _("These two steps are already linked.")
LAG_RANGE = _("The lag must be between -365 and 365 working days.")
STEP_NOT_VISIBLE = _("There is no step you can see with this id.")
REQUEST_SAME_DEPARTMENT = _("A request goes to another department. Choose a different one.")
REQUEST_NOT_PENDING = _("This request was already answered (%(state)s). Nothing was changed.")
REQUEST_DUE_PAST = _("The date it is needed by has passed. Choose a date from today on.")
DECLINE_REASON_REQUIRED = _("Say why you decline, so the other department can plan around it.")
RRULE_INVALID = _(
    "“%(value)s” is not a recurrence rule we can read. Write it like FREQ=WEEKLY;BYDAY=FR."
)
RRULE_TOO_OFTEN = _("A recurring activity can come back at most once a day.")
LEAD_DAYS_RANGE = _("Create steps between 0 and 366 days ahead.")
HOURS_RANGE = _("Log between 0.25 and 24 hours for one day.")
TIME_IN_FUTURE = _("You cannot log time for a day that has not come yet.")
AMOUNT_RANGE = _("The amount must be more than zero, with at most 14 digits.")
COMMENT_EMPTY = _("Write something before posting.")
COMMENT_TOO_LONG = _("Keep a comment under 5,000 characters.")
NOTE_TOO_LONG = _("Keep the note under 300 characters.")
PERIOD_ORDER = _("The period must end on or after it starts.")
NOTHING_TO_SHIFT = _("No step waiting for this one starts before it finishes. Nothing was moved.")
SHIFT_OUT_OF_REACH = _(
    "You may not move %(steps)s. Ask their departments’ coordinators, or change this step’s "
    "dates instead."
)
NOTHING_MOVED = _("Nothing was moved.")
SHIFT_OUT_OF_REACH_PREVIEW = _(
    "You may not move %(steps)s. Save this step on its own: their departments’ coordinators "
    "hear of the slip and replan."
)
STEPS_HIDDEN = ngettext_lazy(
    "%(count)s step you cannot see", "%(count)s steps you cannot see", "count"
)

# notifications
SLIP_NOTICE = _(
    "“%(step)s” (%(department)s) slipped by %(days)s working days. It pushes %(pushed)s."
)
SHIFT_NOTICE = _(
    "%(actor)s moved “%(step)s” %(days)s working days later, now due %(due)s, because "
    "“%(cause)s” finishes on %(cause_due)s."
)
REQUEST_RECEIVED = _("%(department)s asks your department: “%(title)s”, needed by %(due)s.")
REQUEST_ACCEPTED = _("%(department)s accepted your request “%(title)s”, due %(due)s.")
REQUEST_DECLINED = _("%(department)s declined your request “%(title)s”: %(reason)s")
REQUEST_WITHDRAWN = _("%(department)s withdrew its request “%(title)s”.")
MENTIONED = _("%(author)s mentioned you on “%(step)s”: %(excerpt)s")
ASSIGNED = _("%(actor)s assigned you “%(step)s”, due %(due)s.")
ASSIGNED_NOBODY = _("“%(step)s” is now yours, due %(due)s.")
ASSIGNED_MANY = ngettext_lazy(
    "%(actor)s assigned you %(count)s step in %(project)s.",
    "%(actor)s assigned you %(count)s steps in %(project)s.",
    "count",
)
ASSIGNED_MANY_NOBODY = ngettext_lazy(
    "%(count)s step in %(project)s is now yours.",
    "%(count)s steps in %(project)s are now yours.",
    "count",
)
ASSIGNED_NO_DUE = _("%(actor)s assigned you “%(step)s”. It has no due date yet.")
ASSIGNED_NOBODY_NO_DUE = _("“%(step)s” is now yours. It has no due date yet.")
DUE_SOON = _("“%(step)s” is due %(due)s.")
OVERDUE = _("“%(step)s” was due %(due)s and is not done yet.")
BUDGET_ALERT = _("%(project)s has spent %(spent)s of its %(budget)s budget (%(percent)s%%).")
NO_SUCH_DEPARTMENT = _("There is no department with the code “%(value)s”.")
NO_SUCH_PERSON = _("There is no active person with the e-mail “%(value)s”.")
NO_SUCH_PREDECESSOR = _(
    "The predecessor “%(value)s” is not the ref of any row in this file. Check the ref column."
)
DUPLICATE_REF = _("The ref “%(value)s” is used by an earlier row. Give every row its own ref.")

# changing several steps at once
BULK_NOTHING_SELECTED = _("Select at least one step to change.")
BULK_TOO_MANY = _("Change at most %(limit)s steps at once.")
BULK_NOTHING_TO_CHANGE = _("Choose a new status, assignee or due date to apply.")
BULK_DUPLICATE = _("A step is listed twice. List each step once.")
BULK_STALE = _(
    "Someone else changed %(steps)s after you opened the list. Nothing was changed: reload "
    "the list and make your change again."
)
BULK_DENIED = _("You may not make this change to %(steps)s. Nothing was changed.")
BULK_STEP_PROBLEM = _("“%(step)s”: %(problem)s")
