"""Moving notifications from reports to notices keeps every row: the tables stay, only the
apps' states change."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from deptcoord.notices.models import EmailSettings, Notification, NotificationPreference

BEFORE = [("reports", "0003_status_reports"), ("notices", None)]
AFTER = [("reports", "0004_notifications_to_notices"), ("notices", "0001_initial")]
LATEST = [("notices", "0002_notification_actor_and_group")]


def _migrate(targets):
    """Migrate to ``targets``; the models as they stood there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_notifications_preferences_and_email_settings_survive_the_move():
    old = _migrate(BEFORE)
    person = old.get_model("org", "Person").objects.create(full_name="Lan", email="lan@x.vn")
    old.get_model("reports", "Notification").objects.create(
        recipient_id=person.pk, kind="work.assigned", message_en="Hi", message_vi="Chào"
    )
    old.get_model("reports", "NotificationPreference").objects.create(
        person_id=person.pk, kind="work.assigned", delivery="digest"
    )
    old.get_model("reports", "EmailSettings").objects.create(
        person_id=person.pk, morning_briefing=True, digest_hour=8, unsubscribe_key="k"
    )
    _migrate(AFTER)
    _migrate(LATEST)  # later fields of notifications keep the rows too
    assert Notification.objects.get(recipient_id=person.pk).message_vi == "Chào"
    assert NotificationPreference.objects.get(person_id=person.pk).delivery == "digest"
    assert EmailSettings.objects.get(person_id=person.pk).digest_hour == 8
