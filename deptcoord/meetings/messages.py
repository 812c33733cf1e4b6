"""The sentences people see when meetings, agendas, minutes, events or feeds refuse their input
(tests assert them)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from deptcoord.core.bounds import DATE_OUT_OF_RANGE
from deptcoord.core.messages import REQUIRED  # noqa: F401  (shared sentence)

TITLE_REQUIRED = _("Give a title in English or in Vietnamese (or both).")
END_BEFORE_START = _("The meeting must end after it starts. Check the two times.")
TOO_LONG = _("A meeting can last at most 12 hours. Split longer sessions.")
UNKNOWN_TIME_ZONE = _("“%(value)s” is not a time zone. Pick one from the list.")
TIME_MISSING = _(
    "%(time)s does not exist on %(date)s in %(zone)s: the clocks jump forward that night. "
    "Pick another time."
)
TIME_AMBIGUOUS = _(
    "%(time)s happens twice on %(date)s in %(zone)s: the clocks go back that night. "
    "Pick another time."
)
RULE_BAD = _(
    "“%(value)s” is not a recurrence rule. Write it like FREQ=WEEKLY;BYDAY=TU or use the "
    "choices above."
)
RULE_TOO_FREQUENT = _("A meeting series can repeat at most once a day.")
RULE_NEVER_OCCURS = _(
    "This rule never produces a meeting (check COUNT, UNTIL and the days). Change the rule."
)
UNKNOWN_PARTICIPANT = _(
    "There is no person with id %(value)s that you can see. Pick from the list."
)
PARTICIPANT_INACTIVE = _("%(name)s is deactivated and cannot be invited.")
INVALID_EMAIL = _("“%(value)s” is not an e-mail address. Write it like name@example.com.")
ONE_ON_ONE_TWO_PEOPLE = _("A 1:1 is between its organiser and exactly one other person.")
ONE_ON_ONE_NO_GUESTS = _("A 1:1 has no external guests.")
NO_PARTICIPANTS = _("Invite at least one person besides yourself.")
NOT_AN_OCCURRENCE = _("The meeting does not take place on %(date)s. Pick one of its dates.")
OCCURRENCE_CANCELLED = _("This occurrence is cancelled. Restore it before changing it.")
NOT_A_SERIES = _("Only a repeating meeting has occurrences to move or change from a date on.")
MEETING_CANCELLED = _("This meeting is cancelled; it can no longer be changed.")
PRESENTER_NOT_INVITED = _("%(name)s is not invited to this meeting. Invite them first.")
MINUTES_ALLOTTED = _("Allot between 1 and 240 minutes to an item.")
ASSIGNEE_CANNOT_SEE = _(
    "%(name)s cannot see this meeting. Assign the action to a participant or invite them first."
)
DUE_BEFORE_MEETING = _("The due date is before the meeting. Pick a later date.")
TEXT_REQUIRED = _("Write the decision.")
AGENDA_DUPLICATE = _("“%(title)s” is already on this agenda. Add notes to that item instead.")
AGENDA_POSITION = _("Pick a place between 1 and %(count)s for this item.")
EVENT_ENDS_BEFORE_START = _("The event must end on or after its first day.")
EVENT_TOO_LONG = _("An event can last at most a year. Split longer ones.")
DURATION_NOT_POSITIVE = _("Give the meeting a length of at least 15 minutes.")
DURATION_LONGER_THAN_WINDOW = _(
    "The meeting (%(minutes)s minutes) is longer than the search window. Widen the window."
)
WINDOW_ENDS_BEFORE_START = _("The search window must end after it starts.")
INVALID_LINK = _("“%(value)s” is not a web address. Paste the full link, starting with https://.")
OUT_OF_RANGE = DATE_OUT_OF_RANGE  # one sentence for the one date rule
WINDOW_TOO_LONG = _("Search at most 90 days at a time.")
CALENDAR_TOO_LONG = _("Ask the calendar for at most 62 days at a time.")
CALENDAR_ORDER = _("The end of the period must come after its start.")
QUORUM_RANGE = _("The quorum is a percentage between 1 and 100.")
MUST_ATTEND_NOT_REQUIRED = _("%(name)s must attend, so mark them as required too.")
NO_REQUIRED = _("Mark at least one participant as required.")
FEED_NOT_FOUND = _(
    "This calendar address is not valid any more. Copy the new one from your profile."
)

INVITATION_SENT = _("You are invited: %(title)s, %(when)s")
MEETING_UPDATED = _("Updated: %(title)s, %(when)s")
MEETING_CANCELLED_NOTICE = _("Cancelled: %(title)s, %(when)s")
REMINDER = _("Starting soon: %(title)s at %(when)s")
MINUTES_READY = _("Minutes of %(title)s (%(when)s)")
ACTION_ASSIGNED = _("Action for you from %(title)s: %(action)s")
ACTIONS_ASSIGNED = ngettext_lazy(
    "%(count)s action for you from %(title)s.", "%(count)s actions for you from %(title)s.", "count"
)

# a decision filed in the department's records
DECISION_NOTE_TITLE = _("Decision of “%(meeting)s”, %(date)s")
