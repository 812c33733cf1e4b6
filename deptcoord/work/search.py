"""Projects and steps in the search box (registered when the app is ready)."""

from django.utils.translation import gettext_lazy as _

from deptcoord.search.registry import SearchSource, register_source
from deptcoord.work.models import Project, Step


def _project_text(project: Project) -> str:
    return f"{project.code}\n{project.description}".strip()


register_source(
    SearchSource(
        kind="project",
        model=Project,
        label=_("Project"),
        icon="bi-kanban",
        title_fields=("title_en", "title_vi"),
        body=_project_text,
        url_name="work:project",
        department_field="lead_department_id",
    )
)
register_source(
    SearchSource(
        kind="step",
        model=Step,
        label=_("Step"),
        icon="bi-check2-square",
        title_fields=("title_en", "title_vi"),
        body_fields=("description",),
        url_name="work:step",
    )
)
