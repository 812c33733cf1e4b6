"""Pages of the reports app: Today, notifications and status reports."""

from deptcoord.reports.views.notifications import today

__all__ = ["today"]
