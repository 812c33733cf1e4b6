"""The history panel's filter: an audit entry as a summary and readable lines."""

from django import template

from deptcoord.audit.history import EntryView, describe

register = template.Library()


@register.filter
def entry_view(entry) -> EntryView:
    """What the panel shows for the entry, whatever shape its changes have."""
    return describe(entry)
