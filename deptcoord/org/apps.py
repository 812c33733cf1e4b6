"""Django app for the organisation."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    """Company, departments, people, roles and time off."""

    name = "deptcoord.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from deptcoord.audit.services import register_write_listener
        from deptcoord.core.periodic import register_periodic
        from deptcoord.notices.notifications import AT_ONCE, register_facts_source, register_kind
        from deptcoord.org import (
            access,  # noqa: F401  (registers the rules)
            imports,  # noqa: F401  (registers the import kinds)
            pickers,  # noqa: F401  (registers how its records show in pickers)
            search,  # noqa: F401  (registers the search sources)
            week_load,
        )
        from deptcoord.org.facts import role_facts_for_person
        from deptcoord.org.models import CompanyDayOff, ExtraHours, TimeOff
        from deptcoord.org.tasks import rebuild_week_loads

        register_facts_source(role_facts_for_person)
        register_write_listener(week_load.note_audited_write)
        register_periodic("org.rebuild_week_loads", "daily", rebuild_week_loads, repeatable=True)
        # what moves someone's week: their time off, extra hours, hours and working days, and
        # the company's days off (everyone's)
        week_load.register_load_change(TimeOff, lambda record, _changes: [record.person_id])
        week_load.register_load_change(ExtraHours, lambda record, _changes: [record.person_id])
        week_load.register_load_change(CompanyDayOff)
        week_load.register_audited_change("org.Person", lambda record, _changes: [record.pk])
        week_load.register_audited_change("org.Company")
        register_kind("org.membership", _("You join a department or your role changes"), AT_ONCE)
