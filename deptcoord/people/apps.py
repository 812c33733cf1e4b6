"""Django app for skills, assessments, development plans, feedback and 1:1s."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """Skills and gaps, development plans, feedback and discipline, 1:1s, recognition."""

    name = "deptcoord.people"
    label = "people"
    verbose_name = _("People development")

    def ready(self):
        from deptcoord.core.briefing import register_card
        from deptcoord.core.periodic import register_periodic
        from deptcoord.notices.notifications import AT_ONCE, DIGEST, register_kind
        from deptcoord.people import (
            access,  # noqa: F401  (registers the rules)
            imports,  # noqa: F401  (registers the import kinds)
        )
        from deptcoord.people.briefing import unacknowledged_warnings
        from deptcoord.people.tasks import remind_overdue_actions

        register_periodic("people.remind_overdue_actions", "daily", remind_overdue_actions)
        register_card("people.warnings", 90, unacknowledged_warnings)
        register_kind("people.feedback_given", _("Someone gives you feedback"), DIGEST)
        register_kind("people.warning_issued", _("A warning is issued to you"), AT_ONCE)
        register_kind(
            "people.action_overdue", _("An action of a development plan is overdue"), DIGEST
        )
