"""Django app for the demo company and the company generator."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Every demo loader, `manage.py load_demo` and `manage.py generate_company`."""

    name = "deptcoord.demo"
    label = "demo"
