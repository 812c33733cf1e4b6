"""The words of the history panels: summaries of actions, what a refused request tried, and
the labels of the keys services write that are no field of the record's model. Only
``deptcoord.audit.history`` reads them."""

from django.utils.translation import gettext_lazy, pgettext_lazy

SUMMARIES = {
    "auth.sign_in": gettext_lazy("Signed in."),
    "auth.sign_out": gettext_lazy("Signed out."),
    "auth.sign_in_failed": gettext_lazy("A sign-in failed."),
    "api.token.create": gettext_lazy("An API token was created."),
    "api.token.revoke": gettext_lazy("An API token was revoked."),
    "people.confidential.read": gettext_lazy("Confidential records were read."),
}

# Summaries shown above the lines of actions that are more than "changed".
ACTION_SUMMARIES = {
    "goals.key_result.check_in": gettext_lazy("Checked in."),
    "goals.standard.measure": gettext_lazy("Recorded a measurement."),
    "goals.template.roll_out": gettext_lazy("Rolled out personal goals."),
    "goals.template.key_results": gettext_lazy("Changed the template's key results."),
    "org.person.invite": gettext_lazy("Sent an invitation."),
    "org.membership.set": gettext_lazy("Gave a role in a department."),
    "org.membership.remove": gettext_lazy("Removed from a department."),
    "planning.run.apply": gettext_lazy("Applied the plan."),
    "planning.run.apply_step": gettext_lazy("Rescheduled by a plan."),
    "work.step.bulk_update": gettext_lazy("Changed with other steps at once."),
    "reports.report.submit": gettext_lazy("Submitted the report."),
    "reports.report.acknowledge": gettext_lazy("Acknowledged the report."),
    "reports.report.comment": gettext_lazy("Commented on the report."),
    "reports.report.accept": gettext_lazy("Approved the report."),
    "reports.report.revise": gettext_lazy("Returned the report for changes."),
    "reports.preferences.set": gettext_lazy("Changed notification settings."),
    "reports.unsubscribe": gettext_lazy("Unsubscribed from the e-mails."),
    "people.feedback.annotate": gettext_lazy("Added a note to the feedback."),
    "people.role_profile.targets": gettext_lazy("Changed the target skill levels."),
}

# What a refused request tried to do (the access policy's action names).
ACTION_WORDS = {
    "view": gettext_lazy("view"),
    "change": gettext_lazy("change"),
    "deactivate": gettext_lazy("deactivate"),
    "delete": gettext_lazy("delete"),
    "export": gettext_lazy("export"),
    "import": gettext_lazy("import"),
    "create_department": gettext_lazy("create a department"),
    "add_subdepartment": gettext_lazy("add a sub-department"),
    "add_person": gettext_lazy("add a person"),
    "manage_members": gettext_lazy("manage members"),
    "manage_roles": gettext_lazy("manage roles"),
    "invite": gettext_lazy("invite"),
    "view_details": gettext_lazy("view details"),
    "add_time_off": gettext_lazy("add time off"),
    "view_history": gettext_lazy("view the history"),
    "view_audit": gettext_lazy("view the audit trail"),
    "check_in": gettext_lazy("check in"),
    "roll_out": gettext_lazy("roll out"),
    "measure": gettext_lazy("record a measurement"),
    "plan": gettext_lazy("plan"),
    "apply_plan": gettext_lazy("apply a plan"),
    "take_minutes": gettext_lazy("take minutes"),
    "assess": gettext_lazy("assess"),
    "give_feedback": gettext_lazy("give feedback"),
    "acknowledge": gettext_lazy("acknowledge"),
    "annotate": gettext_lazy("annotate"),
    "view_reads": gettext_lazy("see who read it"),
    "add_step": gettext_lazy("add a step"),
    "update_progress": gettext_lazy("update progress"),
    "comment": gettext_lazy("comment"),
    "log_time": gettext_lazy("log time"),
    "answer": gettext_lazy("answer"),
    "spend": gettext_lazy("record spending"),
    "add_record": gettext_lazy("add a record"),
    "submit": gettext_lazy("submit"),
    "decide": gettext_lazy("decide"),
    "oversee": gettext_lazy("oversee"),
    "view_budget": gettext_lazy("view the budget"),
}

# Keys the services write that are no field of the record's model: (label, kind, field)
# where ``field`` ("app.Model.field") lends its choices or kind.
KEY_LABELS = {
    "check_in": (pgettext_lazy("history", "Check-in"), "auto", ""),
    "link": (pgettext_lazy("history", "Linked record"), "person", ""),
    "comment": (pgettext_lazy("history", "Comment"), "text", ""),
    "acknowledged_by": (pgettext_lazy("history", "Acknowledged by"), "person", ""),
    "applied": (pgettext_lazy("history", "Steps rescheduled"), "number", ""),
    "conflicts": (pgettext_lazy("history", "Conflicts"), "number", ""),
    "annotation": (pgettext_lazy("history", "Note"), "text", ""),
    "key_result": (pgettext_lazy("history", "Key result"), "text", ""),
    "period": (pgettext_lazy("history", "Period"), "auto", ""),
    "goals": (pgettext_lazy("history", "Goals"), "auto", ""),
    "format": (pgettext_lazy("history", "File format"), "text", ""),
    "rows": (pgettext_lazy("history", "Rows"), "number", ""),
    "ids": (pgettext_lazy("history", "Records"), "auto", ""),
    "via": (pgettext_lazy("history", "Channel"), "text", ""),
    "action": (pgettext_lazy("history", "Action"), "text", ""),
    "morning_briefing": (pgettext_lazy("history", "Morning e-mail"), "bool", ""),
    "digest_hour": (pgettext_lazy("history", "Digest hour"), "number", ""),
    "participant_list": (pgettext_lazy("history", "Participants"), "list", ""),
    "guest_list": (pgettext_lazy("history", "Guests"), "list", ""),
    "department_list": (pgettext_lazy("history", "Departments"), "list", ""),
    "talking_point": (pgettext_lazy("history", "Talking point"), "text", ""),
    "notes": (pgettext_lazy("history", "Notes"), "auto", ""),
    "shared_note": (pgettext_lazy("history", "Shared note"), "text", ""),
    "private_note": (pgettext_lazy("history", "Private note"), "text", ""),
    "action_item": (pgettext_lazy("history", "Action"), "text", ""),
}
