"""History in the audit trail: changes to goals and key results over the quarter, sealed in
one hash chain like the application's own entries (so `verify_audit` passes)."""

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone

from deptcoord.demo.generator.context import Context


def audit_entries(context: Context, progress) -> int:
    """Changes by the records' owners, spread over the last weeks, oldest first."""
    from deptcoord.audit.models import AuditEntry
    from deptcoord.audit.services import audit_append_many

    rng = context.rng
    results = context.made["key_results"]
    goals_made = context.made["goals"]
    people = {person.pk: person for person in context.made["people"]}
    start = timezone.make_aware(
        datetime.combine(context.today - timedelta(days=60), time(8))
    ).astimezone(UTC)
    moments = sorted(
        start + timedelta(seconds=rng.randrange(60 * 86400))
        for _ in range(context.scale.audit_entries)
    )
    entries = []
    for moment in moments:
        if rng.random() < 0.6:
            record = rng.choice(results)
            department = None
            before = rng.randrange(0, 100)
            changes = {"current_value": [before, before + rng.randrange(1, 20)]}
            action = "goals.check_in.create"
        else:
            record = rng.choice(goals_made)
            department = record.department_id
            changes = (
                {"status": ["draft", "active"]} if rng.random() < 0.3 else {"priority": [3, 2]}
            )
            action = "goals.goal.update"
        actor = people.get(record.owner_id)
        entries.append(
            AuditEntry(
                created_at=moment,
                actor_id=record.owner_id,
                actor_label=f"{actor.full_name} <{actor.email}>" if actor else "",
                kind="update",
                action=action,
                target_type=record._meta.label,
                target_id=str(record.pk),
                target_label=record.title_en[:300],
                department_id=department,
                changes=changes,
                via="web",
            )
        )
    count = audit_append_many(entries)
    progress(count)
    return count
