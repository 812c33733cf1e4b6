"""The API object: authentication (session or personal token), errors, and each app's routers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import APIKeyCookie, HttpBearer

from deptcoord.api.messages import schema_message
from deptcoord.api.openapi import ContractAPI
from deptcoord.api.services import TOKEN_EXPIRED, TOKEN_READ_ONLY, check_token
from deptcoord.audit.security import record_denial
from deptcoord.core.http import PreconditionFailed
from deptcoord.core.versioning import StaleVersionError, VersionRequired
from deptcoord.org.facts import role_facts_for_person
from deptcoord.org.middleware import person_for_user

NOT_FOUND = _("Not found.")
FORBIDDEN = _("You may not do this.")
UNAUTHENTICATED = _("Sign in, or send a personal access token as “Authorization: Bearer …”.")
PRECONDITION_FAILED = _(
    "The record changed since the version in If-Match. Read it again and retry with its new ETag."
)
PRECONDITION_REQUIRED = _(
    "Say which version you changed: send the If-Match header with the record's ETag, or its "
    "version in the body."
)


def _sign_in(request, person):
    if person is None:
        return None
    request.person = person
    request.facts = role_facts_for_person(person)
    return person


READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ReadOnlyToken(PermissionDenied):
    """A write sent with a read-only token."""


def _asks_for_a_language(request) -> bool:
    """Whether Accept-Language names a language the product speaks."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            translation.get_supported_language_variant(code)
        except LookupError:
            continue
        return True
    return False


def _speak_as(request, person) -> None:
    """A token call answers in its person's language unless Accept-Language asks for another."""
    if person.language and not _asks_for_a_language(request):
        translation.activate(person.language)
        request.LANGUAGE_CODE = person.language


class TokenAuth(HttpBearer):
    """A personal access token from the person's profile page: an expired one is refused with
    a 401 that says so, and a read-only one may not write (403)."""

    def authenticate(self, request, token):
        check = check_token(token)
        if check.token is None:
            return None
        _speak_as(request, check.token.person)
        if check.expired:
            request.token_refusal = TOKEN_EXPIRED
            return None
        if check.token.read_only and request.method not in READING_METHODS:
            record_denial(
                role_facts_for_person(check.token.person),
                check.token._meta.label,
                check.token.pk,
                request.method,
            )
            raise ReadOnlyToken
        request.token = check.token
        return _sign_in(request, check.person)


class SessionAuth(APIKeyCookie):
    """The browser session (CSRF-checked on writes)."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        if getattr(request, "person", None) is not None:  # read for the request already
            return request.person
        return _sign_in(request, person_for_user(request.user))


DESCRIPTION = """The department coordinator's workplace over HTTP: the organisation (departments,
people, memberships, time off), goals with their key results, check-ins, forecasts, templates and
standards, projects, steps, requests, recurring work, time, workload and budgets, the plans of
the planner, meetings with their minutes and action items, events and the company calendar,
status reports, people development (skills, role profiles, development plans, feedback, 1:1s),
notes, documents, the activity feed, search, Today and notifications.

Authenticate with the browser session or a personal access token from your profile page
(`Authorization: Bearer dc_…`). A token expires when its owner chose (401 afterwards) and a
read-only token is refused every write (403). Token calls answer in their owner's language
unless Accept-Language asks for another. Everyone sees only what the access policy lets them
see: a hidden record answers 404 exactly like a missing one.

Every record carries a `version`, also sent as its ETag. An update or delete names the version it
changed, in If-Match (a stale one answers 412) or as a `version` field (409); naming none answers
428. Lists are paginated (`limit`, `offset`); text filters (`q`) ignore accents and case, and a
filter value a list does not know is refused with 422. Every refusal has the body `Error`: a `detail`
message in the caller's language and, for bad input (422), one entry in `errors` per field."""


api = ContractAPI(
    title="deptcoord API",
    version="1",
    description=DESCRIPTION,
    openapi_url="/v1/openapi.json",
    docs_url="/docs",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


def _error(request, status: int, message, errors=None):
    body = {"detail": str(message)}
    if errors:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


@api.exception_handler(ValidationError)
def service_validation_error(request, exc):
    """Bad input: 422 with one message per field."""
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": field, "message": str(message)}
            for field, items in exc.error_dict.items()
            for item in items
            for message in item.messages
        ]
    else:
        errors = [{"field": None, "message": str(message)} for message in exc.messages]
    return _error(request, 422, errors[0]["message"], errors)


@api.exception_handler(SchemaValidationError)
def schema_validation_error(request, exc):
    """A request body or query that does not match the schema: 422 naming the fields."""
    errors = [
        {
            "field": ".".join(str(part) for part in item.get("loc", [])[1:]) or None,
            "message": schema_message(item),
        }
        for item in exc.errors
    ]
    for error, item in zip(errors, exc.errors, strict=True):
        if item.get("loc", [""])[0] == "query" and error["field"]:
            error["message"] = f"{error['field']}: {error['message']}"  # the parameter named
    return _error(request, 422, errors[0]["message"] if errors else "", errors)


@api.exception_handler(StaleVersionError)
def stale_version(request, exc):
    """A write made from an older version: 409, nothing overwritten (412 when the version came
    in If-Match and the record changed between that check and the write's row lock)."""
    if request.headers.get("If-Match", "").strip() not in ("", "*"):
        return _error(request, 412, PRECONDITION_FAILED)
    return _error(request, 409, exc.message)


@api.exception_handler(VersionRequired)
def precondition_required(request, exc):
    """An update or delete without If-Match or version: 428, nothing changed."""
    return _error(request, 428, PRECONDITION_REQUIRED)


@api.exception_handler(PreconditionFailed)
def precondition_failed(request, exc):
    """A stale If-Match: 412, nothing overwritten."""
    return _error(request, 412, PRECONDITION_FAILED)


@api.exception_handler(Http404)
def not_found(request, exc):
    """Missing and hidden records answer alike."""
    return _error(request, 404, NOT_FOUND)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    """A visible record the person may not change; a refusal by a service, whose transaction
    was rolled back, goes to the trail here."""
    refused = getattr(exc, "refused", None)
    if refused is not None:
        record_denial(*refused)
    return _error(request, 403, FORBIDDEN)


@api.exception_handler(ReadOnlyToken)
def read_only_token(request, exc):
    """A write with a read-only token: 403, nothing changed."""
    return _error(request, 403, TOKEN_READ_ONLY)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    """No session and no valid token (an expired token is named as such)."""
    return _error(request, 401, getattr(request, "token_refusal", UNAUTHENTICATED))


# Each app's endpoints live in that app's api module, mounted under /v1/.
ROUTERS = [
    "deptcoord.notices.api",
    "deptcoord.org.api",
    "deptcoord.goals.api",
    "deptcoord.reports.api",
    "deptcoord.planning.api",
    "deptcoord.meetings.api",
    "deptcoord.people.api",
    "deptcoord.work.api",
    "deptcoord.records.api",
]


def _add_routers():
    from importlib import import_module

    for module in ROUTERS:
        api.add_router("/v1/", import_module(module).router)


_add_routers()
