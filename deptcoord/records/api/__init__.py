"""The records API: notes, documents and their versions, links, search, activity feeds."""

from ninja import Router

from deptcoord.records.api.documents import router as documents_router
from deptcoord.records.api.notes import router as notes_router
from deptcoord.records.api.search import router as search_router

router = Router()
router.add_router("", notes_router)
router.add_router("", documents_router)
router.add_router("", search_router)
