"""Notifications, preferences and e-mail settings now belong to the notices app.

Removed from the reports app's state only: the tables and their rows stay, under notices.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_status_reports"),
        ("notices", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Notification"),
                migrations.DeleteModel(name="NotificationPreference"),
                migrations.DeleteModel(name="EmailSettings"),
            ],
            database_operations=[],
        )
    ]
