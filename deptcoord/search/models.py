"""The search index: one entry per searchable record, kept by the services that write them.

An entry is small (kind, record, department, titles, page) so that filtering thousands of
matches through the access policy reads little; its text lives beside it in ``SearchText``,
twice: as written (for display and highlighting) and normalised (lower case, without
Vietnamese diacritics, "đ" as "d"), which is what both databases index. On SQLite an FTS5
table mirrors the normalised columns (created in a migration, kept in step by triggers); on
PostgreSQL a generated tsvector column with a GIN index does the same. The tables keep the
names they had when the index belonged to the records app: the FTS5 table, its triggers and the
tsvector column are made by ``records/migrations/0002_full_text_index.py`` and refer to them. A
later migration that makes SQLite rebuild ``records_searchtext`` drops those triggers: recreate
them there and run ``manage.py rebuild_search_index``.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """A searchable record: what kind it is, where it lives, its title and text."""

    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("record"))
    department_id = models.BigIntegerField(_("department"), null=True, blank=True, db_index=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300, blank=True)
    url = models.CharField(_("address"), max_length=300)
    updated_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        db_table = "records_searchentry"
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")
        ]

    def __str__(self):
        return f"{self.kind}#{self.object_id}"

    @property
    def title(self) -> str:
        """The title in the viewer's language, falling back to the other."""
        if (get_language() or "en").startswith("vi"):
            return self.title_vi or self.title_en
        return self.title_en or self.title_vi


class SearchText(models.Model):
    """An entry's text: as written, and normalised for the full-text index."""

    entry = models.OneToOneField(
        SearchEntry, primary_key=True, on_delete=models.CASCADE, related_name="text"
    )
    body = models.TextField(_("text"), blank=True)
    title_text = models.TextField(blank=True)
    body_text = models.TextField(blank=True)

    class Meta:
        db_table = "records_searchtext"
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self):
        return str(self.entry_id)


class FullTextMatch(models.TextField):
    """The FTS5 table's hidden column of the same name: the left side of MATCH."""


@FullTextMatch.register_lookup
class Matches(models.Lookup):
    """``column MATCH query`` (an FTS5 full-text query)."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class SearchIndexRow(models.Model):
    """The SQLite FTS5 table over the entries' normalised text (not managed by Django: the
    migration creates it on SQLite only). ``rank`` is BM25 with titles weighted ten times."""

    entry = models.OneToOneField(
        SearchEntry,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,
        related_name="index_row",
    )
    document = FullTextMatch(db_column="records_search_fts")
    rank = models.FloatField(db_column="rank")

    class Meta:
        managed = False
        db_table = "records_search_fts"

    def __str__(self):
        return f"index row {self.pk}"
