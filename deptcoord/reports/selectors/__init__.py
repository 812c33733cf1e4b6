"""Reads of the reports app, narrowed by the access policy."""

from deptcoord.core.briefing import Line, Section
from deptcoord.reports.selectors.today import Briefing, briefing, oversees_company

__all__ = ["Briefing", "Line", "Section", "briefing", "oversees_company"]
