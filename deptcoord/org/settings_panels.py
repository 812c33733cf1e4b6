"""Panels that apps above org add to the person's settings page (registered in their
AppConfig.ready()), so that org never imports them."""

from collections.abc import Callable

from django.http import HttpRequest

SettingsPanel = Callable[[HttpRequest], str]

_panels: list[SettingsPanel] = []


def register_settings_panel(panel: SettingsPanel) -> SettingsPanel:
    """Add a panel: a function from the request to its rendered HTML."""
    if panel not in _panels:
        _panels.append(panel)
    return panel


def settings_panels(request: HttpRequest) -> list[str]:
    """Every registered panel, rendered for this request, in registration order."""
    return [panel(request) for panel in _panels]
