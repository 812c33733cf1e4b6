"""Every URL the product serves has a row in the access matrix (or is public on purpose)."""

from django.urls import URLPattern, URLResolver, get_resolver

from deptcoord.api.router import api
from tests.access.matrix import API, PAGES, PUBLIC_PATTERNS

PUBLIC_MODULES = ("allauth.",)  # the sign-in, password-reset and two-factor pages
PUBLIC_API_VIEWS = {"api:openapi-json", "api:openapi-view"}  # the schema and its docs page


def walk(patterns, namespace="", origin="deptcoord.urls"):
    """(qualified name, the module that declared it) of every URL pattern."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            urlconf = pattern.urlconf_name
            source = urlconf if isinstance(urlconf, str) else getattr(urlconf, "__name__", origin)
            yield from walk(pattern.url_patterns, inner, source)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}", origin


def test_every_page_has_a_matrix_row():
    """A new page without a row in tests/access/matrix.py fails here."""
    covered = {row.name for row in PAGES} | set(PUBLIC_PATTERNS) | PUBLIC_API_VIEWS
    missing = sorted(
        name
        for name, module in walk(get_resolver().url_patterns)
        if not name.startswith("api:") or name in PUBLIC_API_VIEWS
        if not module.startswith(PUBLIC_MODULES) and name not in covered
    )
    assert missing == []


def test_every_api_operation_has_a_matrix_row():
    """A new endpoint without a row in the API matrix fails here."""
    schema = api.get_openapi_schema()
    operations = {
        (method.upper(), path.replace("{pk}", "{id}"))
        for path, methods in schema["paths"].items()
        for method in methods
    }
    covered = {(row[0], row[1]) for row in API}
    assert sorted(operations - covered) == []
