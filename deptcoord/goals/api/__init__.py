"""The goals API: goals, key results, check-ins and forecasts, templates, standards."""

from ninja import Router

from deptcoord.goals.api.goals import router as goals_router
from deptcoord.goals.api.standards import router as standards_router
from deptcoord.goals.api.templates import router as templates_router

router = Router()
router.add_router("", goals_router)
router.add_router("", templates_router)
router.add_router("", standards_router)
