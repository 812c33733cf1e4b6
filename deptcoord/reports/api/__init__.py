"""The reports API: the Today briefing and status reports."""

from ninja import Router

from deptcoord.reports.api.status_reports import router as status_reports_router
from deptcoord.reports.api.today import router as today_router

router = Router()
router.add_router("", today_router)
router.add_router("", status_reports_router)
