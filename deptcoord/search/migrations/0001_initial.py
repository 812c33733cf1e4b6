"""The search index moves from the records app: its tables keep their names (records_searchentry,
records_searchtext) and so do the full-text objects over them (the SQLite FTS5 table
records_search_fts with its triggers, the PostgreSQL tsvector column with its GIN index), so
only Django's state moves; the database keeps every entry. Content types follow the models."""

import django.db.models.deletion
from django.db import migrations, models

import deptcoord.search.models

MOVED = ("searchentry", "searchtext", "searchindexrow")


def _relabel(old: str, new: str):
    def relabel(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        taken = set(
            content_type.objects.filter(app_label=new, model__in=MOVED).values_list(
                "model", flat=True
            )
        )
        content_type.objects.filter(app_label=old, model__in=set(MOVED) - taken).update(
            app_label=new
        )

    return relabel


STATE = [
    migrations.CreateModel(
        name="SearchEntry",
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("kind", models.CharField(max_length=40, verbose_name="kind")),
            ("object_id", models.PositiveBigIntegerField(verbose_name="record")),
            ("department_id", models.BigIntegerField(blank=True, db_index=True, null=True, verbose_name="department")),
            ("title_en", models.CharField(blank=True, max_length=300, verbose_name="title (English)")),
            ("title_vi", models.CharField(blank=True, max_length=300, verbose_name="title (Vietnamese)")),
            ("url", models.CharField(max_length=300, verbose_name="address")),
            ("updated_at", models.DateTimeField(auto_now=True, verbose_name="indexed at")),
        ],
        options={
            "verbose_name": "search entry",
            "verbose_name_plural": "search entries",
            "db_table": "records_searchentry",
        },
    ),
    migrations.CreateModel(
        name="SearchIndexRow",
        fields=[
            ("entry", models.OneToOneField(db_column="rowid", db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name="index_row", serialize=False, to="search.searchentry")),
            ("document", deptcoord.search.models.FullTextMatch(db_column="records_search_fts")),
            ("rank", models.FloatField(db_column="rank")),
        ],
        options={
            "db_table": "records_search_fts",
            "managed": False,
        },
    ),
    migrations.CreateModel(
        name="SearchText",
        fields=[
            ("entry", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name="text", serialize=False, to="search.searchentry")),
            ("body", models.TextField(blank=True, verbose_name="text")),
            ("title_text", models.TextField(blank=True)),
            ("body_text", models.TextField(blank=True)),
        ],
        options={
            "verbose_name": "search text",
            "verbose_name_plural": "search texts",
            "db_table": "records_searchtext",
        },
    ),
    migrations.AddConstraint(
        model_name="searchentry",
        constraint=models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_once"),
    ),
]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("records", "0002_full_text_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=STATE),
        migrations.RunPython(_relabel("records", "search"), _relabel("search", "records")),
    ]
