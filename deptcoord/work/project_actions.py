"""Buttons that apps above work add to a project's page header (the planner's "Plan"), registered
in their ``AppConfig.ready()`` so that work needs to know nothing of them."""

from collections.abc import Callable
from dataclasses import dataclass

from deptcoord.access import RoleFacts


@dataclass(frozen=True)
class ProjectAction:
    """A button on the project page: shown when ``shown(facts, project)`` says so."""

    key: str
    label: str
    icon: str
    url: Callable[[object], str]
    shown: Callable[[RoleFacts, object], bool]


@dataclass(frozen=True)
class ProjectButton:
    """A button as the page shows it."""

    key: str
    label: str
    icon: str
    url: str


_actions: dict[str, ProjectAction] = {}


def register_project_action(action: ProjectAction) -> None:
    """Add a button to every project page (registering a key twice replaces it)."""
    _actions[action.key] = action


def project_buttons(facts: RoleFacts, project) -> list[ProjectButton]:
    """The registered buttons the viewer may use on the project's page, in registration order."""
    return [
        ProjectButton(action.key, action.label, action.icon, action.url(project))
        for action in _actions.values()
        if action.shown(facts, project)
    ]
