"""The people API: skills, role profiles, assessments, development plans, feedback, 1:1s."""

from ninja import Router

from deptcoord.people.api.development import router as development_router
from deptcoord.people.api.feedback import router as feedback_router
from deptcoord.people.api.skills import router as skills_router

router = Router()
router.add_router("", skills_router)
router.add_router("", development_router)
router.add_router("", feedback_router)
