"""The sentences people see when the people app refuses their input (tests assert them), and
the notifications it sends."""

from django.utils.translation import gettext_lazy as _

from deptcoord.core.messages import REQUIRED  # noqa: F401  (shared sentence)

NAME_REQUIRED = _("Give a name in English or in Vietnamese (or both).")
NAME_TOO_LONG = _("Keep the name under %(limit)s characters.")
LEVEL_OUT_OF_RANGE = _("“%(value)s” is not a level. Levels go from 0 (none) to 5 (expert).")
SKILL_NOT_IN_CATALOGUE = _(
    "This skill is not in the catalogue (or is deactivated). Choose one from the catalogue."
)
UNKNOWN_CHOICE = _("“%(value)s” is not one of the choices. Pick one from the list.")
ASSESSED_IN_FUTURE = _("An assessment cannot be dated in the future. Use today or an earlier day.")
TEXT_TOO_LONG = _("Keep this under %(limit)s characters.")
PERIOD_ORDER = _("The plan must end after it starts. Check the two dates.")
ACTION_BEFORE_PLAN = _(
    "This action is due on %(due)s, before the plan starts on %(start)s. Choose a later date."
)
ACTION_AFTER_PLAN = _(
    "This action is due on %(due)s, after the plan ends on %(end)s. Choose an earlier date or "
    "extend the plan."
)
STEP_ONLY_FOR_STRETCH = _("Only a stretch assignment links to a step. Choose that kind or no step.")
STEP_NOT_THEIRS = _("This step is not assigned to %(name)s. Choose one of their steps.")
MENTOR_REQUIRED = _("Name the colleague who mentors.")
MENTOR_IS_PERSON = _("A person cannot mentor themselves. Choose a colleague.")
MENTOR_INACTIVE = _("%(name)s is deactivated. Choose an active colleague.")
WARNING_REASON_REQUIRED = _("Say why this warning is given; a warning needs a reason.")
WARNING_LEVEL_REQUIRED = _("Choose the warning’s escalation level (verbal, written, final…).")
LEVEL_ONLY_FOR_WARNINGS = _("Only warnings have an escalation level. Leave the level empty.")
PUBLIC_ONLY_FOR_PRAISE = _(
    "Only praise can be public. Advice and warnings are always confidential."
)
BODY_REQUIRED = _("Write the feedback itself.")
FEEDBACK_TO_SELF = _("You cannot give yourself feedback. Choose a colleague.")
FEEDBACK_NOT_YOURS = _(
    "You may give this kind of feedback only to people of the departments you run. Choose one "
    "of them, or give praise instead."
)
SUBJECT_INACTIVE = _("%(name)s is deactivated. Feedback goes to active colleagues.")
ACKNOWLEDGED_IS_FINAL = _(
    "This warning was acknowledged on %(day)s and can no longer be edited. Add an annotation "
    "instead."
)
ONLY_WARNINGS_ACKNOWLEDGED = _("Only warnings are acknowledged.")
ALREADY_ACKNOWLEDGED = _("You already acknowledged this warning on %(day)s.")
ANNOTATION_REQUIRED = _("Write the annotation.")
NOT_RUN_BY_COORDINATOR = _(
    "%(name)s does not run %(member)s’s department. Choose the member’s coordinator or head."
)
ONE_ON_ONE_WITH_SELF = _("A 1:1 needs two different people.")
CHECK_IN_NOT_MEMBERS = _("This key result is not %(name)s’s. Check in on the member’s own ones.")
COLUMN_UNKNOWN_SKILL = _("“%(value)s” is not a skill in the catalogue. Use the catalogue’s names.")
PERSON_NOT_FOUND = _(
    "No one you may assess has the e-mail “%(value)s”. Check the address or the department."
)

FEEDBACK_GIVEN = _("%(author)s gave you %(kind)s.")
WARNING_ISSUED = _(
    "%(author)s issued you a %(level)s warning. Read it and acknowledge it on its page."
)
ACTION_OVERDUE = _("The development action “%(title)s” of %(name)s was due on %(due)s.")
