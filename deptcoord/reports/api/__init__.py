"""The reports API: notifications and their settings, the Today briefing, status reports."""

from ninja import Router

from deptcoord.reports.api.notifications import router as notifications_router
from deptcoord.reports.api.status_reports import router as status_reports_router
from deptcoord.reports.api.today import router as today_router

router = Router()
router.add_router("", notifications_router)
router.add_router("", today_router)
router.add_router("", status_reports_router)
