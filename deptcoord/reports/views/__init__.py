"""Pages of the reports app: Today and status reports."""

from deptcoord.reports.views.today import today

__all__ = ["today"]
