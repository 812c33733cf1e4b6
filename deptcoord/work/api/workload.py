"""Each person's week load against capacity, over the API."""

from ninja import Query, Router

from deptcoord.access import Action, require
from deptcoord.work import selectors
from deptcoord.work.api.common import department_or_404, project_or_404
from deptcoord.work.api.schemas import WorkloadFilter, WorkloadRowOut

router = Router(tags=["work"])


@router.get("/workload", response=list[WorkloadRowOut], summary="Workload heat map")
def workload(request, filters: Query[WorkloadFilter]):
    """Each person's assigned effort per week against capacity, for a department (the
    caller's by default) or a project."""
    if filters.project_id:
        people = selectors.project_people(project_or_404(request, filters.project_id))
    else:
        department = department_or_404(
            request, filters.department_id or request.person.primary_department_id
        )
        if department is None:
            return []
        require(request.facts, Action.VIEW_DETAILS, department)
        people = selectors.department_people(department)
    rows = selectors.workload_for(selectors.overseen(request.facts, people), filters.weeks)
    return [
        {
            "person_id": row.person.pk,
            "name": row.person.full_name,
            "cells": [
                {
                    "week": cell.week,
                    "capacity": cell.capacity,
                    "assigned": cell.assigned,
                    "overloaded": cell.overloaded,
                    "step_ids": cell.step_ids,
                }
                for cell in row.cells
            ],
        }
        for row in rows
    ]
