"""A list's download: the rows as CSV or XLSX, recorded in the audit trail as a security
event (who took which rows out, in what format)."""

from django.http import Http404, HttpResponse

from deptcoord.audit.services import audit_record
from deptcoord.core.actor import actor_from
from deptcoord.core.spreadsheets import export_response

FILE_FORMATS = ("csv", "xlsx")


def audited_export(
    request,
    *,
    action: str,
    filename: str,
    headers: list,
    rows: list,
    file_format: str,
    target=None,
    kind: str = "",
) -> HttpResponse:
    """Record the export and return the download. ``target`` is the record the list belongs
    to (a department, a project), or ``kind`` names what was listed."""
    if file_format not in FILE_FORMATS:
        raise Http404
    audit_record(
        actor=actor_from(request),
        kind="security",
        action=action,
        target=target,
        target_type="" if target is not None else kind,
        target_label="" if target is not None else f"{len(rows)} rows",
        changes={"format": file_format, "rows": len(rows)},
    )
    return export_response(str(filename), headers, rows, file_format)
