"""The hash of an audit entry: SHA-256 over the previous hash and the entry's canonical JSON."""

import hashlib
import json

HASHED_FIELDS = (
    "id",
    "created_at",
    "actor_id",
    "actor_label",
    "kind",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "department_id",
    "changes",
    "ip",
    "via",
)
GENESIS = "0" * 64


def entry_hash(previous_hash: str, fields: dict) -> str:
    """The seal of an entry, given the seal of the entry before it."""
    canonical = json.dumps(
        {name: fields.get(name) for name in HASHED_FIELDS},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
        separators=(",", ":"),
    )
    return hashlib.sha256((previous_hash + canonical).encode()).hexdigest()
