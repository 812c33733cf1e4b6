"""Django app for goals, key results, check-ins, standards and measurements."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    """Goals from company to person, key results, check-ins, standards and forecasts."""

    name = "deptcoord.goals"
    label = "goals"
    verbose_name = _("Goals")

    def ready(self):
        from deptcoord.core.briefing import register_card
        from deptcoord.core.periodic import register_periodic
        from deptcoord.goals import (  # noqa: F401  (registers the rules, links, sources, imports, pickers)
            access,
            imports,
            links,
            pickers,
            search,
        )
        from deptcoord.goals.briefing import at_risk, breached_standards, missing_check_ins
        from deptcoord.goals.tasks import refresh_forecasts, remind_check_ins
        from deptcoord.notices.notifications import DIGEST, register_kind

        register_periodic("goals.refresh_forecasts", "daily", refresh_forecasts, repeatable=True)
        register_periodic("goals.remind_check_ins", "daily", remind_check_ins)
        register_card("goals.at_risk", 20, at_risk)
        register_card("goals.missing_check_ins", 30, missing_check_ins)
        # standards and their measurements, audited on the standard (a check-in leaves it)
        register_card("goals.breached_standards", 40, breached_standards, reads=("goals.Standard",))
        register_kind("goals.check_in_reminder", _("Reminders to check in on key results"), DIGEST)
        register_kind(
            "goals.standard_breached", _("A standard of your department is breached"), DIGEST
        )
