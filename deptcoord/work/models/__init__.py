"""Projects across departments, the steps each department owns, the links between them, requests
for work between departments, recurring activities, time spent and money spent.

Models hold the data and its invariants only; every write goes through ``work.services``. One
module per subject; the names are all here.
"""

from deptcoord.work.models.common import HOURS, MONEY, Priority
from deptcoord.work.models.money import Expense, TimeEntry
from deptcoord.work.models.projects import Project, RecurringActivity
from deptcoord.work.models.requests import Request
from deptcoord.work.models.steps import Dependency, Step, StepComment

__all__ = [
    "HOURS",
    "MONEY",
    "Dependency",
    "Expense",
    "Priority",
    "Project",
    "RecurringActivity",
    "Request",
    "Step",
    "StepComment",
    "TimeEntry",
]
