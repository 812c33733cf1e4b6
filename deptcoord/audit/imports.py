"""Applied imports in the audit trail: who imported which file, and what its rows did."""

from deptcoord.audit.services import audit_record
from deptcoord.core.imports import on_import_applied


def record_import(actor, upload, report) -> None:
    """One entry for the applied upload (each imported row has its own entries too)."""
    audit_record(
        actor=actor,
        kind="update",
        action="core.import.apply",
        target=upload,
        changes={"kind": upload.kind, "file": upload.filename, "rows": report.counts},
    )


on_import_applied(record_import)
