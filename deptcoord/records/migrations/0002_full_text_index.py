"""The full-text index over the search entries' text, on each database in its own way.

SQLite: an FTS5 table with the entries' texts as external content (its rowid is the entry's id), kept in step by triggers, ranked
by BM25 with titles weighing ten times the text. PostgreSQL: a generated tsvector column
(config 'simple': the text is already normalised) with a GIN index.

Note for later migrations of SearchText on SQLite: Django rebuilds a table for some changes,
which drops these triggers; recreate them there and run ``manage.py rebuild_search_index``.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE records_search_fts USING fts5("
    "title_text, body_text, content='records_searchtext', content_rowid='entry_id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER records_search_fts_insert AFTER INSERT ON records_searchtext BEGIN "
    "INSERT INTO records_search_fts(rowid, title_text, body_text) "
    "VALUES (new.entry_id, new.title_text, new.body_text); END",
    "CREATE TRIGGER records_search_fts_delete AFTER DELETE ON records_searchtext BEGIN "
    "INSERT INTO records_search_fts(records_search_fts, rowid, title_text, body_text) "
    "VALUES ('delete', old.entry_id, old.title_text, old.body_text); END",
    "CREATE TRIGGER records_search_fts_update AFTER UPDATE ON records_searchtext BEGIN "
    "INSERT INTO records_search_fts(records_search_fts, rowid, title_text, body_text) "
    "VALUES ('delete', old.entry_id, old.title_text, old.body_text); "
    "INSERT INTO records_search_fts(rowid, title_text, body_text) "
    "VALUES (new.entry_id, new.title_text, new.body_text); END",
    "INSERT INTO records_search_fts(records_search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)')",
    "INSERT INTO records_search_fts(records_search_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS records_search_fts_insert",
    "DROP TRIGGER IF EXISTS records_search_fts_delete",
    "DROP TRIGGER IF EXISTS records_search_fts_update",
    "DROP TABLE IF EXISTS records_search_fts",
]
POSTGRES_CREATE = [
    "ALTER TABLE records_searchtext ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', coalesce(title_text, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(body_text, '')), 'B')) STORED",
    "CREATE INDEX records_search_vector_gin ON records_searchtext USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS records_search_vector_gin",
    "ALTER TABLE records_searchtext DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
