"""The meetings API: meetings, occurrences, agendas, minutes, action items, events, finding a
time, the calendar and calendar feeds."""

from ninja import Router

from deptcoord.meetings.api.calendar import router as calendar_router
from deptcoord.meetings.api.meetings import router as meetings_router

router = Router()
router.add_router("", meetings_router)
router.add_router("", calendar_router)
