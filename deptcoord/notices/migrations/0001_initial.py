"""Notifications, preferences and e-mail settings move from reports to notices.

The tables stay where they are (``reports_*``): this migration only takes them into the
notices app's state, and moves their content types so permissions follow them.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import deptcoord.notices.models

MODELS = ["notification", "notificationpreference", "emailsettings"]


def content_types_to_notices(apps, schema_editor):
    """Relabel the moved models' content types (skipped where notices has one already)."""
    content_type = apps.get_model("contenttypes", "ContentType")
    taken = set(
        content_type.objects.filter(app_label="notices", model__in=MODELS).values_list(
            "model", flat=True
        )
    )
    content_type.objects.filter(app_label="reports", model__in=set(MODELS) - taken).update(
        app_label="notices"
    )


def content_types_to_reports(apps, schema_editor):
    """Undo: the content types go back to reports."""
    content_type = apps.get_model("contenttypes", "ContentType")
    taken = set(
        content_type.objects.filter(app_label="reports", model__in=MODELS).values_list(
            "model", flat=True
        )
    )
    content_type.objects.filter(app_label="notices", model__in=set(MODELS) - taken).update(
        app_label="reports"
    )


DELIVERY_CHOICES = [
    ("immediately", "E-mail at once"),
    ("digest", "In the daily digest"),
    ("off", "In the app only"),
]

STATE = [
    migrations.CreateModel(
        name="Notification",
        fields=[
            (
                "id",
                models.BigAutoField(
                    auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                ),
            ),
            ("kind", models.CharField(max_length=60, verbose_name="kind")),
            ("message_en", models.CharField(max_length=500, verbose_name="message (English)")),
            ("message_vi", models.CharField(max_length=500, verbose_name="message (Vietnamese)")),
            ("url", models.CharField(blank=True, max_length=500, verbose_name="link")),
            (
                "target_type",
                models.CharField(blank=True, max_length=100, verbose_name="record type"),
            ),
            ("target_id", models.CharField(blank=True, max_length=64, verbose_name="record")),
            (
                "created_at",
                models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="created at"),
            ),
            ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="read at")),
            (
                "delivery",
                models.CharField(
                    choices=DELIVERY_CHOICES,
                    default="immediately",
                    max_length=12,
                    verbose_name="e-mail",
                ),
            ),
            (
                "emailed_at",
                models.DateTimeField(blank=True, null=True, verbose_name="e-mailed at"),
            ),
            (
                "recipient",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="notifications",
                    to="org.person",
                    verbose_name="recipient",
                ),
            ),
        ],
        options={
            "verbose_name": "notification",
            "verbose_name_plural": "notifications",
            "db_table": "reports_notification",
            "ordering": ["-created_at", "-id"],
            "indexes": [
                models.Index(
                    fields=["recipient", "read_at"], name="reports_not_recipie_35b754_idx"
                )
            ],
        },
    ),
    migrations.CreateModel(
        name="NotificationPreference",
        fields=[
            (
                "id",
                models.BigAutoField(
                    auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                ),
            ),
            ("kind", models.CharField(max_length=60, verbose_name="kind")),
            (
                "delivery",
                models.CharField(choices=DELIVERY_CHOICES, max_length=12, verbose_name="e-mail"),
            ),
            (
                "person",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="notification_preferences",
                    to="org.person",
                    verbose_name="person",
                ),
            ),
        ],
        options={
            "verbose_name": "notification preference",
            "verbose_name_plural": "notification preferences",
            "db_table": "reports_notificationpreference",
            "constraints": [
                models.UniqueConstraint(
                    fields=("person", "kind"), name="one_preference_per_kind"
                )
            ],
        },
    ),
    migrations.CreateModel(
        name="EmailSettings",
        fields=[
            (
                "id",
                models.BigAutoField(
                    auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                ),
            ),
            (
                "morning_briefing",
                models.BooleanField(default=False, verbose_name="morning briefing by e-mail"),
            ),
            (
                "digest_hour",
                models.PositiveSmallIntegerField(
                    default=7,
                    validators=[
                        django.core.validators.MinValueValidator(0),
                        django.core.validators.MaxValueValidator(23),
                    ],
                    verbose_name="hour of the morning e-mail",
                ),
            ),
            (
                "last_digest_on",
                models.DateField(blank=True, null=True, verbose_name="last morning e-mail"),
            ),
            (
                "unsubscribe_key",
                models.CharField(default=deptcoord.notices.models.new_key, max_length=32),
            ),
            (
                "person",
                models.OneToOneField(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="email_settings",
                    to="org.person",
                    verbose_name="person",
                ),
            ),
        ],
        options={
            "verbose_name": "e-mail settings",
            "verbose_name_plural": "e-mail settings",
            "db_table": "reports_emailsettings",
        },
    ),
]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("org", "0001_initial"),
        # The tables were created by the reports app's migrations up to this one.
        ("reports", "0003_status_reports"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=STATE, database_operations=[]),
        migrations.RunPython(content_types_to_notices, content_types_to_reports),
    ]
