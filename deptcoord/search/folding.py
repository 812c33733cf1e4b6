"""Filtering by words without minding accents or case, the same way on SQLite and PostgreSQL.

A column is folded in the database as ``text_search.normalise`` folds text in Python: lower
case, Vietnamese diacritics dropped, "đ" → "d". SQLite calls ``normalise`` itself through a
function registered on each connection; PostgreSQL translates every character that folds to a
letter or digit (a table built from ``normalise``, so both answer alike). Characters that fold
to a space stay as they are on PostgreSQL: a searched word is letters and digits only, so they
match nothing on either database.
"""

from functools import cache, reduce
from operator import and_, or_

from django.db.models import CharField, F, Func, Q
from django.db.models.lookups import Contains

from deptcoord.search.text_search import normalise, query_words

SQL_FUNCTION = "DC_FOLD"


@cache
def translation_table() -> tuple[str, str]:
    """The characters PostgreSQL replaces, and what each one becomes."""
    source = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
    source += [
        chr(code)
        for code in range(0x80, 0x10000)
        if not 0xD800 <= code < 0xE000 and normalise(chr(code)) != " "
    ]
    return "".join(source), "".join(normalise(char) for char in source)


class Folded(Func):
    """A text column without accents and in lower case (NULL stays NULL)."""

    function = "LOWER"  # other databases: at least case-insensitive
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function=SQL_FUNCTION, **extra)

    def as_postgresql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"TRANSLATE(({sql})::text, %s, %s)", (*params, *translation_table())


def _fold(text):
    return None if text is None else normalise(str(text))


def register_sqlite_function(sender, connection, **kwargs) -> None:
    """On each new SQLite connection, teach it to fold text (``connection_created``)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 1, _fold, deterministic=True)


def words_match(query: str, *fields: str) -> Q | None:
    """A filter keeping the rows where every word of ``query`` is found in one of ``fields``,
    accents and case aside (``ra mat`` finds "Ra mắt"); None for an empty query. A query of
    punctuation alone has no words and finds nothing."""
    if not (query or "").strip():
        return None
    words = query_words(query)
    if not words:
        return Q(pk__in=[])
    return reduce(
        and_,
        (reduce(or_, (Q(Contains(Folded(F(field)), word)) for field in fields)) for word in words),
    )
