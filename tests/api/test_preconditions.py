"""Every update and delete of a versioned record names the version it changes (no lost updates):
without If-Match or a version it answers 428 and changes nothing, whatever the operation."""

import json

from django.apps import apps

from deptcoord.audit.models import AuditEntry
from deptcoord.core.versioning import VersionedModel
from tests.access.test_walk import API_KINDS, _all_records, _api_operations, _body
from tests.factories import client_for

# Operations on a versioned record's path that change something else: the answer there is not
# about the record's version.
NOT_THE_RECORD = {
    ("PUT", "/api/v1/people/{pk}/role-profile"): "assigns a role profile, a link of its own",
}


def test_every_blind_update_or_delete_of_a_versioned_record_is_428(world):
    _all_records(world)
    client = client_for(world.admin)
    refused, checked = [], 0
    for schema, path, method, operation in _api_operations():
        if method not in ("PATCH", "PUT", "DELETE") or "{pk}" not in path:
            continue
        model = apps.get_model(API_KINDS[path.split("/")[3]])
        if not issubclass(model, VersionedModel) or (method, path) in NOT_THE_RECORD:
            continue
        records = list(model._default_manager.order_by("pk"))
        assert records, f"the world holds no {model.__name__}"
        before = AuditEntry.objects.exclude(kind="security").count()
        body = _body(schema, operation)
        # The first record the admin (or its author: a report is edited by whoever writes it)
        # may act on.
        for record in records:
            author = getattr(record, "author", None)
            status = (
                (client_for(author) if author else client)
                .generic(
                    method,
                    path.format(pk=record.pk),
                    data=json.dumps(body) if body is not None else "",
                    content_type="application/json",
                )
                .status_code
            )
            if status != 403:
                break
        checked += 1
        if status != 428:
            refused.append((method, path, status))
        assert AuditEntry.objects.exclude(kind="security").count() == before
    assert refused == []
    assert checked >= 30, checked
