"""Sentences the reports app answers bad input with."""

from django.utils.translation import gettext_lazy as _

DIGEST_SUBJECT = _("Your morning summary")

# status reports
PERIOD_ORDER = _("The period must end on or after the day it starts.")
PERIOD_TOO_LONG = _("A report covers at most one year. Choose a shorter period.")
NO_DATA = _(
    "Nothing happened in %(department)s between %(start)s and %(end)s: no goal, step, request, "
    "measurement or spending to report. Choose another period."
)
REPORT_EXISTS = _(
    "%(department)s already has a report of this kind for %(period)s (%(state)s): %(url)s. "
    "Open that one instead: a second report would reach its recipients twice."
)
NOT_EDITABLE = _("This report has been submitted; only a draft or a report sent back can change.")
NOT_SUBMITTED = _("Only a submitted report can be accepted or sent back.")
NO_RECIPIENTS = _("Choose at least one person to send the report to.")
UNKNOWN_RECIPIENT = _("Some of the chosen recipients are not active people in the company.")
REVISION_NEEDS_COMMENT = _("Say what should change before sending the report back.")
UNKNOWN_DECISION = _("Choose to accept the report or to send it back for revision.")
EMPTY_COMMENT = _("Write a comment first.")
TOO_LONG = _("Keep it under %(limit)s characters.")
NOT_A_RECIPIENT = _("Only the people the report was sent to acknowledge it.")
ONLY_DRAFTS_DELETED = _("Only a draft is deleted; a submitted report stays on record.")
REPORT_SUBMITTED = _("%(author)s sent you the %(department)s report for %(period)s.")
REPORT_ACCEPTED = _("%(person)s accepted your %(department)s report for %(period)s.")
REPORT_SENT_BACK = _("%(person)s sent your %(department)s report for %(period)s back: %(comment)s")
REPORT_COMMENTED = _("%(person)s commented on the %(department)s report for %(period)s.")
REPORT_ACKNOWLEDGED = _("%(person)s acknowledged the %(department)s report for %(period)s.")
WEEKLY_DRAFT_READY = _("The %(department)s report for %(period)s is ready for your narrative.")
REPORT_SUBJECT = _("%(department)s status report, %(period)s")
