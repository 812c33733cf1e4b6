"""Django app for projects across departments: steps, dependencies, requests, time and money."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    """Projects, steps owned by departments, dependencies, requests, workload and budgets."""

    name = "deptcoord.work"
    label = "work"
    verbose_name = _("Projects")

    def ready(self):
        from deptcoord.core.briefing import register_card
        from deptcoord.core.periodic import register_periodic
        from deptcoord.notices.notifications import AT_ONCE, DIGEST, register_kind
        from deptcoord.org.week_load import register_committed_work, register_load_change
        from deptcoord.search.linkables import Linkable, register_linkable
        from deptcoord.work import (
            access,  # noqa: F401  (registers the rules)
            imports,  # noqa: F401  (registers the import kinds)
            pickers,  # noqa: F401  (registers how its records show in pickers)
            search,  # noqa: F401  (registers the search sources)
        )
        from deptcoord.work.briefing import overloaded, steps, waiting_requests
        from deptcoord.work.models import Project, Step
        from deptcoord.work.selectors.workload import committed_steps, step_load_change
        from deptcoord.work.tasks import (
            generate_recurring_steps,
            note_overdue_steps,
            remind_due_steps,
        )

        register_linkable(
            Linkable(
                "project",
                Project,
                _("Project"),
                "bi-kanban",
                "work:project",
                ("code", "title_en", "title_vi"),
            )
        )
        register_linkable(
            Linkable(
                "step", Step, _("Step"), "bi-check2-square", "work:step", ("title_en", "title_vi")
            )
        )
        register_periodic("work.generate_recurring_steps", "daily", generate_recurring_steps)
        # the steps are the assigned work of everyone's week loads, kept as they change
        register_committed_work("work.steps", committed_steps)
        register_load_change(Step, step_load_change, work_only=True)
        register_periodic("work.remind_due_steps", "daily", remind_due_steps, repeatable=True)
        register_periodic("work.note_overdue_steps", "daily", note_overdue_steps, repeatable=True)
        register_card("work.steps", 10, steps)
        # the requests alone (a step moved along leaves the card standing)
        register_card("work.requests", 50, waiting_requests, reads=("work.Request",))
        register_card("work.overloaded", 80, overloaded, reads=("work", "meetings", "org"))
        register_kind("work.assigned", _("A step is assigned to you"), AT_ONCE)
        register_kind("work.due_soon", _("A step of yours is due soon"), DIGEST)
        register_kind("work.overdue", _("A step of yours is overdue"), DIGEST)
        register_kind(
            "work.slip", _("A step upstream slips and pushes your department’s steps"), AT_ONCE
        )
        register_kind("work.shift", _("A step of yours is moved later by a slip upstream"), AT_ONCE)
        register_kind("work.mention", _("Someone mentions you on a step"), AT_ONCE)
        register_kind(
            "work.request", _("Another department asks your department for help"), AT_ONCE
        )
        register_kind("work.request_answer", _("Your request is accepted or declined"), DIGEST)
        register_kind("work.budget", _("A project spends past its budget alert"), DIGEST)
