"""Django app for the shared building blocks (uploads awaiting import, periodic job runs)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks."""

    name = "deptcoord.core"
    label = "core"

    def ready(self):
        from django.db.models import fields

        from deptcoord.access import register
        from deptcoord.core.forms import CHOOSE
        from deptcoord.core.imports import ImportUploadRule
        from deptcoord.core.periodic import register_periodic
        from deptcoord.core.tasks import prune_old_records

        register_periodic("core.prune_old_records", "daily", prune_old_records, repeatable=True)
        register(ImportUploadRule())
        # The empty choice of the selects Django builds itself (admin, model forms), which
        # Django offers to set here; the project's forms say "none" where a choice is optional.
        fields.BLANK_CHOICE_LABEL = CHOOSE
