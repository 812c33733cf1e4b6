"""Reads of the reports app, narrowed by the access policy."""

from deptcoord.reports.selectors.today import briefing, oversees_company

__all__ = ["briefing", "oversees_company"]
