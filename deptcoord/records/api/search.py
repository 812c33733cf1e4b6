"""API endpoints for search and the department activity feed."""

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router
from ninja.pagination import paginate

from deptcoord.access import Action, get_visible_or_404, require
from deptcoord.core.bounds import BoundedSchema as Schema
from deptcoord.core.filters import choice
from deptcoord.core.http import PrimaryKey
from deptcoord.core.pagination import ListPagination
from deptcoord.org.models import Department
from deptcoord.records import messages, selectors
from deptcoord.records.api.schemas import ActivityOut, SearchOut
from deptcoord.search.query import search as run_search
from deptcoord.search.registry import sources

router = Router(tags=["search"])


class SearchQuery(Schema):
    """What to search for."""

    q: str = Field("", max_length=200, description="Words to find; accents are optional.")
    kind: str = Field("", max_length=40, description="Only this kind (goal, note, document…).")
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(20, ge=1, le=100)


@router.get("/search", response=SearchOut, summary="Search")
def search(request, params: Query[SearchQuery]):
    """Everything the caller may open that contains every word, best matches first (an empty
    query finds nothing; one made only of punctuation is refused with 422). Beyond 1,000
    matches, the best of the newest 1,000 are listed and counted, and ``more`` is true."""
    choice("kind", params.kind, sources())
    if not params.q.strip():
        return {
            "query": "",
            "total": 0,
            "more": False,
            "counts": {},
            "page": 1,
            "pages": 1,
            "results": [],
        }
    found = run_search(request.facts, params.q, params.kind, params.page, params.page_size)
    if not found.words:
        raise ValidationError({"q": [messages.SEARCH_NO_WORDS]})
    page = found.page
    return {
        "query": found.query,
        "total": min(found.total, found.cap),
        "more": found.more,
        "counts": {name: min(count, found.cap) for name, count in found.counts.items()},
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": [
            {
                "kind": result.entry.kind,
                "id": result.entry.object_id,
                "title": result.entry.title,
                "url": result.entry.url,
                "department_id": result.entry.department_id,
                "confidential": result.confidential,
                "excerpt": "".join(segment.text for segment in result.excerpt),
                "highlights": sorted(
                    {
                        segment.text
                        for segment in [*result.title, *result.excerpt]
                        if segment.matched
                    }
                ),
            }
            for result in page.object_list
        ],
    }


@router.get(
    "/departments/{int:pk}/activity",
    response=list[ActivityOut],
    summary="A department's activity",
    tags=["activity"],
)
@paginate(ListPagination)
def department_activity(request, pk: PrimaryKey):
    """What changed in the department, newest first, about records the caller may open."""
    department = get_visible_or_404(request.facts, Department, pk=pk)
    require(request.facts, Action.VIEW_DETAILS, department)
    return selectors.activity(request.facts, department)
