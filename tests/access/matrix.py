"""The access matrix, written as the product promises it (roles × records × actions).

Each row names a record kind, the record as seen from the roles (``relation``), an action, and
the roles allowed. Every other role is refused. The page and API rows say what each role gets
back from each URL: the allowed roles succeed, roles that may see the record get 403 and roles
that may not see it get 404, exactly like a missing record.
"""

from dataclasses import dataclass, field

ROLES = (
    "admin",
    "executive",
    "hr",
    "head",
    "coordinator",
    "member",
    "other_coordinator",
    "guest",
)
EVERYONE = frozenset(ROLES)
STAFF = EVERYONE - {"guest"}
RUNNERS = frozenset({"admin", "head", "coordinator"})


@dataclass(frozen=True)
class PolicyRow:
    """``allowed`` roles may take ``action`` on the ``target`` record of kind ``kind``."""

    kind: str
    target: str
    action: str
    allowed: frozenset


def rows(kind: str, target: str, table: dict[str, set]) -> list[PolicyRow]:
    """Policy rows from an action → allowed roles table."""
    return [PolicyRow(kind, target, action, frozenset(roles)) for action, roles in table.items()]


POLICY = [
    *rows(
        "department",
        "own",
        {
            "view": STAFF,
            "view_details": {"admin", "executive", "hr", "head", "coordinator", "member"},
            "change": RUNNERS,
            "deactivate": RUNNERS,
            "add_subdepartment": RUNNERS,
            "add_person": RUNNERS | {"hr"},
            "manage_members": RUNNERS | {"hr"},
            "export": {"admin", "executive", "hr", "head", "coordinator", "member"},
            "view_history": {"admin", "executive", "hr", "head", "coordinator"},
        },
    ),
    *rows(
        "department",
        "team",
        {
            "view": STAFF,
            "change": RUNNERS,
            "manage_members": RUNNERS | {"hr"},
        },
    ),
    *rows(
        "department",
        "other",
        {
            "view": STAFF,
            "view_details": {"admin", "executive", "hr", "other_coordinator"},
            "change": {"admin", "other_coordinator"},
            "manage_members": {"admin", "hr", "other_coordinator"},
            "view_history": {"admin", "executive", "hr", "other_coordinator"},
        },
    ),
    *rows(
        "person",
        "peer",
        {
            "view": STAFF,
            "view_details": {"admin", "executive", "hr", "head", "coordinator", "member"},
            "change": RUNNERS | {"hr"},
            "deactivate": RUNNERS | {"hr"},
            "invite": RUNNERS | {"hr"},
            "add_time_off": RUNNERS | {"hr"},
            "manage_roles": {"admin"},
            "view_history": {"admin", "executive", "hr", "head", "coordinator"},
        },
    ),
    *rows(
        "person",
        "other_member",
        {
            "view": STAFF,
            "view_details": {"admin", "executive", "hr", "other_coordinator"},
            "change": {"admin", "hr", "other_coordinator"},
            "manage_roles": {"admin"},
        },
    ),
    *rows(
        "person",
        "self",
        {
            "view": EVERYONE,
            "view_details": EVERYONE,
            "add_time_off": STAFF,
            "view_history": STAFF,
            "change": {"admin", "hr", "head", "coordinator", "other_coordinator"},
            "manage_roles": {"admin"},
        },
    ),
    *rows(
        "time_off",
        "peer",
        {
            "view": {"admin", "executive", "hr", "head", "coordinator", "member"},
            "change": RUNNERS | {"hr"},
            "delete": RUNNERS | {"hr"},
        },
    ),
    *rows(
        "time_off",
        "self",
        {
            "view": EVERYONE,
            "change": EVERYONE,
            "delete": EVERYONE,
        },
    ),
    *rows(
        "membership",
        "peer",
        {
            "view": STAFF,
            "change": RUNNERS | {"hr"},
            "delete": RUNNERS | {"hr"},
        },
    ),
    *rows(
        "company",
        "company",
        {
            "view": STAFF,
            "create_department": {"admin"},
            "add_person": {"admin", "hr"},
            "import": {"admin", "hr"},
            "export": {"admin", "executive", "hr", "head", "coordinator", "other_coordinator"},
            "manage_roles": {"admin"},
        },
    ),
    *rows("token", "self", {"view": EVERYONE, "delete": EVERYONE}),
    *rows("token", "peer", {"view": set(), "delete": set()}),
]


@dataclass(frozen=True)
class PageRow:
    """What each role gets from one URL: ``ok`` roles succeed, ``hidden`` roles get 404."""

    name: str
    target: str = ""
    method: str = "GET"
    ok: frozenset = EVERYONE
    hidden: frozenset = frozenset()
    data: dict = field(default_factory=dict)
    kwargs: dict = field(default_factory=dict)


def page(name, target="", method="GET", ok=EVERYONE, hidden=(), data=None, **kwargs) -> PageRow:
    """A page row."""
    return PageRow(name, target, method, frozenset(ok), frozenset(hidden), data or {}, kwargs)


NOT_GUEST = {"guest"}
PAGES = [
    page("today"),
    page("profile"),
    page("token_create", method="POST", data={"name": "script"}),
    page("token_revoke", "token_peer", method="POST", ok=set(), hidden=EVERYONE),
    page("set_language", method="POST", data={"language": "vi", "next": "/"}),
    page("import_template", ok=STAFF - {"hr"}, kind="goals.actuals", file_format="csv"),
    page("org:tree", ok=STAFF | {"guest"}),
    page("org:department_detail", "own", ok=STAFF, hidden=NOT_GUEST),
    page("org:department_detail", "other", ok=STAFF, hidden=NOT_GUEST),
    page("org:department_create", ok=RUNNERS | {"other_coordinator"}, hidden=()),
    page("org:department_edit", "own", ok=RUNNERS, hidden=NOT_GUEST),
    page("org:department_edit", "other", ok={"admin", "other_coordinator"}, hidden=NOT_GUEST),
    page("org:department_toggle_active", "team", method="POST", ok=RUNNERS, hidden=NOT_GUEST),
    page("org:membership_add", "own", ok=RUNNERS | {"hr"}, hidden=NOT_GUEST),
    page("org:membership_add", "own", method="POST", ok=RUNNERS | {"hr"}, hidden=NOT_GUEST),
    page(
        "org:membership_role",
        "membership_peer",
        method="POST",
        ok=RUNNERS | {"hr"},
        hidden=NOT_GUEST,
        data={"role": "coordinator"},
    ),
    page(
        "org:membership_remove",
        "membership_peer",
        method="POST",
        ok=RUNNERS | {"hr"},
        hidden=NOT_GUEST,
    ),
    page(
        "org:departments_export",
        ok={"admin", "executive", "hr", "head", "coordinator", "other_coordinator"},
        file_format="csv",
    ),
    page("org:people", ok=EVERYONE),
    page(
        "org:people_export",
        ok={"admin", "executive", "hr", "head", "coordinator", "other_coordinator"},
        file_format="xlsx",
    ),
    page("org:person_create", ok={"admin", "hr", "head", "coordinator", "other_coordinator"}),
    page("org:person_detail", "peer", ok=STAFF, hidden=NOT_GUEST),
    page("org:person_detail", "other_member", ok=STAFF, hidden=NOT_GUEST),
    page("org:person_edit", "peer", ok=RUNNERS | {"hr"}, hidden=NOT_GUEST),
    page(
        "org:person_edit", "other_member", ok={"admin", "hr", "other_coordinator"}, hidden=NOT_GUEST
    ),
    page("org:person_toggle_active", "peer", method="POST", ok=RUNNERS | {"hr"}, hidden=NOT_GUEST),
    page(
        "org:person_roles",
        "peer",
        method="POST",
        ok={"admin"},
        hidden=NOT_GUEST,
        data={"is_hr": "on"},
    ),
    page("org:person_invite", "peer", method="POST", ok=RUNNERS | {"hr"}, hidden=NOT_GUEST),
    page(
        "org:time_off_create",
        "peer",
        method="POST",
        ok=RUNNERS | {"hr"},
        hidden=NOT_GUEST,
        data={"start_date": "2027-01-04", "end_date": "2027-01-05", "kind": "leave"},
    ),
    page(
        "org:time_off_delete",
        "time_off_peer",
        method="POST",
        ok=RUNNERS | {"hr"},
        hidden={"guest", "other_coordinator"},
    ),
    page("org:import", ok={"admin", "hr"}, kind="people"),
    page("org:import_confirm", "upload", method="POST", ok={"admin"}, hidden=EVERYONE - {"admin"}),
]

# API rows: (method, path template, target, ok roles, hidden roles, body)
API = [
    ("GET", "/api/v1/departments", "", EVERYONE, (), None),
    (
        "POST",
        "/api/v1/departments",
        "",
        {"admin"},
        (),
        {"code": "NEW", "name_en": "New", "name_vi": "Mới"},
    ),
    ("GET", "/api/v1/departments/{id}", "own", STAFF, NOT_GUEST, None),
    ("PATCH", "/api/v1/departments/{id}", "own", RUNNERS, NOT_GUEST, {"description": "x"}),
    ("DELETE", "/api/v1/departments/{id}", "team", RUNNERS, NOT_GUEST, None),
    ("GET", "/api/v1/people", "", EVERYONE, (), None),
    (
        "POST",
        "/api/v1/people",
        "",
        {"admin", "hr"},
        (),
        {"full_name": "Trần Mới", "email": "moi@example.com"},
    ),
    ("GET", "/api/v1/people/{id}", "peer", STAFF, NOT_GUEST, None),
    ("PATCH", "/api/v1/people/{id}", "peer", RUNNERS | {"hr"}, NOT_GUEST, {"phone": "0900"}),
    ("DELETE", "/api/v1/people/{id}", "peer", RUNNERS | {"hr"}, NOT_GUEST, None),
    ("GET", "/api/v1/memberships", "", EVERYONE, (), None),
    ("POST", "/api/v1/memberships", "membership_new", RUNNERS | {"hr"}, NOT_GUEST, None),
    ("DELETE", "/api/v1/memberships/{id}", "membership_peer", RUNNERS | {"hr"}, NOT_GUEST, None),
    ("GET", "/api/v1/time-off", "", EVERYONE, (), None),
    ("POST", "/api/v1/time-off", "time_off_new", RUNNERS | {"hr"}, NOT_GUEST, None),
    (
        "GET",
        "/api/v1/time-off/{id}",
        "time_off_peer",
        {"admin", "executive", "hr", "head", "coordinator", "member"},
        {"guest", "other_coordinator"},
        None,
    ),
    (
        "PATCH",
        "/api/v1/time-off/{id}",
        "time_off_peer",
        RUNNERS | {"hr"},
        {"guest", "other_coordinator"},
        {"note": "moved"},
    ),
    (
        "DELETE",
        "/api/v1/time-off/{id}",
        "time_off_peer",
        RUNNERS | {"hr"},
        {"guest", "other_coordinator"},
        None,
    ),
    ("GET", "/api/v1/me", "", EVERYONE, (), None),
]

# URL patterns that answer without the policy on purpose: sign-in pages and the API's own docs.
PUBLIC_PATTERNS = {
    "accept_invitation": "an invitation link works before its owner can sign in",
    "notices:unsubscribe": "the link in the morning e-mail works without signing in",
    "api_not_found": "an address under /api/ that names no operation answers 404 to anyone",
    "healthz": "a load balancer asks whether the process is alive; the answer holds no data",
    "readyz": "a load balancer asks whether the server can serve; the answer holds no data",
}


def _extensions():
    """Each capability adds its rows in a module of its own: tests/access/rows_<app>.py, with
    POLICY, PAGES and API lists and a ``target(world, role, name)`` that builds its records."""
    import importlib
    import pkgutil

    import tests.access as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("rows_"):
            yield importlib.import_module(f"tests.access.{info.name}")


EXTENSIONS = list(_extensions())
for _module in EXTENSIONS:
    POLICY += getattr(_module, "POLICY", [])
    PAGES += getattr(_module, "PAGES", [])
    API += getattr(_module, "API", [])
