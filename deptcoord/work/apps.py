"""Django app for projects across departments: steps, dependencies, requests, time and money."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    """Projects, steps owned by departments, dependencies, requests, workload and budgets."""

    name = "deptcoord.work"
    label = "work"
    verbose_name = _("Projects")

    def ready(self):
        from deptcoord.core.periodic import register_periodic
        from deptcoord.work import access  # noqa: F401  (registers the rules)
        from deptcoord.work.tasks import (
            generate_recurring_steps,
            note_overdue_steps,
            remind_due_steps,
        )

        register_periodic("work.generate_recurring_steps", "daily", generate_recurring_steps)
        register_periodic("work.remind_due_steps", "daily", remind_due_steps)
        register_periodic("work.note_overdue_steps", "daily", note_overdue_steps)
