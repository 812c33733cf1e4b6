"""The history panel's filters: an audit entry as a summary and readable lines, and the labels
of the fields it changed."""

from django import template

from deptcoord.audit.history import EntryView, changed_labels, dates_written, describe

register = template.Library()


@register.filter
def entry_view(entry) -> EntryView:
    """What the panel shows for the entry, whatever shape its changes have."""
    return describe(entry)


@register.filter
def changed_fields(entry) -> str:
    """The fields the entry changed, by their labels in the reader's language."""
    return changed_labels(entry)


@register.filter
def readable_label(text) -> str:
    """A record's name from the trail, its dates in the reader's format."""
    return dates_written(text)
