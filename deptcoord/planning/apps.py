"""Django app for the planner's runs and scenarios (the engine beside it is pure Python)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _plan_button():
    """The "Plan" button on a project's page, for those who may plan the project."""
    from django.urls import reverse

    from deptcoord.planning.selectors import plannable_projects
    from deptcoord.work.project_actions import ProjectAction

    return ProjectAction(
        key="plan",
        label=_("Plan"),
        icon="bi-cpu",
        url=lambda project: f"{reverse('planning:new')}?project={project.pk}",
        shown=lambda facts, project: plannable_projects(facts).filter(pk=project.pk).exists(),
    )


class PlanningConfig(AppConfig):
    """Plan runs: which goals a department can reach by their dates, and what would help."""

    name = "deptcoord.planning"
    label = "planning"
    verbose_name = _("Planner")

    def ready(self):
        from deptcoord.core.periodic import register_periodic
        from deptcoord.core.workers import register_recovery
        from deptcoord.notices.notifications import APP_ONLY, register_kind
        from deptcoord.planning import access  # noqa: F401  (registers the rules)
        from deptcoord.planning.tasks import end_interrupted_runs, fail_stale_runs
        from deptcoord.work.project_actions import register_project_action

        register_periodic("planning.fail_stale_runs", "hourly", fail_stale_runs, repeatable=True)
        register_recovery(end_interrupted_runs)
        register_project_action(_plan_button())
        register_kind("planning.run_finished", _("A plan you started is ready"), APP_ONLY)
