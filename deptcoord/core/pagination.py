"""Pagination for every API list: at most 500 rows a page, 50 by default."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500
MAX_OFFSET = 10_000_000


class ListPagination(LimitOffsetPagination):
    """Limit and offset, bounded so that no request asks the database for absurd ranges."""

    class Input(Schema):
        """The page asked for."""

        limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Rows per page (1–500).")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
