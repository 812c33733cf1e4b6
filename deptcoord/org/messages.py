"""The sentences people see when the organisation refuses their input (tests assert them)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import NOT_A_NUMBER, REQUIRED  # noqa: F401  (shared sentences)

CODE_TAKEN = _("Another department already uses the code “%(code)s”. Choose a different code.")
CODE_FORMAT = _("Use letters, digits, dashes and underscores only, at most 20 characters.")
NAME_TAKEN = _("Another department under the same parent is already called “%(name)s”.")
OWN_ANCESTOR = _(
    "A department cannot sit under itself or under one of its own sub-departments. "
    "Choose another parent."
)
PARENT_INACTIVE = _("The chosen parent department is deactivated. Choose an active one.")
ACTIVE_CHILDREN = _(
    "This department still has active sub-departments (%(names)s). Deactivate or move them first."
)
EMAIL_TAKEN = _("The e-mail address %(email)s is already used by %(name)s.")
CAPACITY_RANGE = _("Weekly capacity must be between 0 and 168 hours.")
UNKNOWN_TIMEZONE = _("“%(zone)s” is not a known time zone. Use a name like Asia/Ho_Chi_Minh.")
WEEKDAYS_FORMAT = _("List the working days as digits from 1 (Monday) to 7 (Sunday), e.g. 12345.")
WORKDAY_ORDER = _("The working day must end after it starts.")
TIME_OFF_ORDER = _("The last day must be on or after the first day.")
TIME_OFF_OVERLAP = _("This overlaps time off already recorded from %(start)s to %(end)s.")
TIME_OFF_TOO_LONG = _("Time off can cover at most 366 days. Split longer absences.")
UNKNOWN_DEPARTMENT = _("There is no department with the code “%(code)s”.")
NOT_A_MEMBER_DEPARTMENT = _("You can only place people in departments you manage.")
LAST_ADMIN = _("This is the last administrator. Make someone else an administrator first.")
SELF_DEACTIVATE = _("You cannot deactivate yourself.")
INACTIVE_PERSON = _("This person is deactivated. Reactivate them first.")
UNKNOWN_LANGUAGE = _("Choose English or Vietnamese.")
NOT_YOUR_PARENT = _(
    "You may add a department only under one you run; an administrator adds top-level departments."
)
EXTRA_HOURS_RANGE = _("Extra hours per week must be more than 0 and at most 80.")
EXTRA_HOURS_ORDER = _("The last day of the extra hours cannot be before the first.")
