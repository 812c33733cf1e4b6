"""The work API: projects, steps, dependencies, comments, time, expenses, requests, recurring
activities and workload. Everything a page does is here too."""

from ninja import Router

from deptcoord.work.api.budgets import router as budgets_router
from deptcoord.work.api.projects import router as projects_router
from deptcoord.work.api.recurring import router as recurring_router
from deptcoord.work.api.requests import router as requests_router
from deptcoord.work.api.steps import router as steps_router
from deptcoord.work.api.time_entries import router as time_router
from deptcoord.work.api.workload import router as workload_router

router = Router()
for subject in (
    projects_router,
    budgets_router,
    steps_router,
    time_router,
    requests_router,
    recurring_router,
    workload_router,
):
    router.add_router("", subject)
