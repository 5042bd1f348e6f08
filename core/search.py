"""Keyword search over short Chinese texts (titles, unit names) with a full-text index on both databases.

Chinese has no spaces and a trigram index misses two-character words (会计, 护理), so every text is indexed as
its character bigrams, each written as a 12-letter token (the two code points in hex, digits shifted to the
letters a–p) that both tokenizers keep whole: SQLite FTS5's unicode61 and PostgreSQL's 'simple' parser.

- A term of two or more characters is the phrase of its bigrams: consecutive positions, so it matches exactly
  where the term occurs as a substring (the same rows as LIKE '%term%').
- A term of one character is a prefix query on its 6 letters: every character begins a token, because the last
  character of a text is indexed paired with a sentinel.
- Fields are separated by a token no query produces, so a term never matches across the end of one field and the
  start of the next.
- Text and terms are normalised the same way (NFKC, case-folded); terms are split at whitespace and all must
  occur (in any field). With `whole=True` the keyword is one term, inner spaces included: the rows of a
  substring search (icontains) over the fields, which the lists' keyword boxes keep.
- The token text may be kept on a related row (`through=`: a foreign key of the listed model), when the list's
  searched fields live there: one index then serves every list of that row.
- Tags (`tag()`) are exact values kept after the texts, such as the region a post lies in: a list filtered by one
  (a city) asks the index for the keyword and the tag at once, so the index finds the few rows of that city that
  match instead of every match in the country being tested against the city, or every row of the city against
  the keyword. A tag is letters z + a kind + digits or lower-case letters: no keyword's tokens (letters a–p only)
  can match it.

SQLite: an external-content FTS5 table kept by triggers (core.search_sql). PostgreSQL: a stored generated
tsvector column with a GIN index. The owning model keeps the token text in a column (`search_text`).
"""

import json
import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, F, Func, IntegerField
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In

_SHIFT = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
_SENTINEL = "\x00"
FIELD_BREAK = "zz"
MAX_TERMS = 8
MAX_TERM_CHARS = 32
FEW_MATCHES = 2000
MANY_MATCHES = 20000
_TAG_KIND = re.compile(r"^[a-y]$")
_TAG_VALUE = re.compile(r"^[0-9a-z]{1,32}$")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _char(code_point: int) -> str:
    return f"{code_point:06x}".translate(_SHIFT)


def _bigram(first: str, second: str) -> str:
    return _char(ord(first)) + _char(ord(second))


def tag(kind: str, value: str) -> str:
    """The token of an exact value (`kind`: one letter a–y naming what it is, `value`: digits or lower-case
    letters, such as a region's code)."""
    if not _TAG_KIND.match(kind) or not _TAG_VALUE.match(value):
        raise ValueError(f"not a search tag: {kind!r}, {value!r}")
    return f"z{kind}{value}"


def tokens_for(*fields: str, tags: tuple[str, ...] = ()) -> str:
    """The token text stored for a record of these fields, and its tags (tag()) after them."""
    out = []
    for index, field in enumerate(fields):
        text = normalise(field)
        if not text:
            continue
        if index and out:
            out.append(FIELD_BREAK)
        padded = text + _SENTINEL
        out.extend(_bigram(padded[i], padded[i + 1]) for i in range(len(text)))
    if tags:
        if out:
            out.append(FIELD_BREAK)
        out.extend(tags)
    return " ".join(out)


def terms_of(query: str, *, whole: bool = False) -> list[str]:
    """The whitespace-separated terms of a keyword, normalised, at most MAX_TERMS of MAX_TERM_CHARS each; with
    `whole`, the keyword without its outer spaces as the one term (its length is the form field's to limit)."""
    if whole:
        term = normalise(query).strip()
        return [term] if term else []
    return [term[:MAX_TERM_CHARS] for term in normalise(query).split()][:MAX_TERMS]


def _term_tokens(term: str) -> list[str]:
    return [_bigram(term[i], term[i + 1]) for i in range(len(term) - 1)]


def fts5_query(terms: list[str], tags: tuple[str, ...] = ()) -> str:
    parts = []
    for term in terms:
        if len(term) == 1:
            parts.append(_char(ord(term)) + "*")
        else:
            parts.append('"' + " ".join(_term_tokens(term)) + '"')
    return " AND ".join(parts + list(tags))


def tsquery(terms: list[str], tags: tuple[str, ...] = ()) -> str:
    parts = []
    for term in terms:
        if len(term) == 1:
            parts.append(_char(ord(term)) + ":*")
        else:
            parts.append("(" + " <-> ".join(_term_tokens(term)) + ")")
    return " & ".join(parts + list(tags))


def fts_table(model) -> str:
    return f"{model._meta.db_table}_fts"


def matching(queryset, query: str, *, tags: tuple[str, ...] = (), whole: bool = False, through: str | None = None):
    """The rows of queryset whose indexed fields contain every term of query (see the module's docstring).
    `tags`: tags (tag()) of values the caller has already filtered queryset by (a region), asked of the index with
    the terms. `whole`: the keyword is one term (terms_of). `through`: the name of a foreign key of queryset's
    model whose target row holds the token text."""
    terms = terms_of(query, whole=whole)
    if not terms:
        return queryset
    # The listed row's key as a column reference that Django aliases: the filter may end up in a subquery
    # (core.paging's by_keys), where a table name written out would point at the outer query's row.
    key = F(through or "pk")
    indexed = queryset.model._meta.get_field(through).related_model if through else queryset.model
    prefix = f"{through}__" if through else ""
    table = indexed._meta.db_table
    if connection.vendor == "postgresql":
        if through:
            ids = RawSQL(f'SELECT "id" FROM "{table}" WHERE "search_vector" @@ to_tsquery(\'simple\', %s)',
                         [tsquery(terms, tags)])
            return queryset.filter(In(key, ids))
        condition = RawSQL(f'"{table}"."search_vector" @@ to_tsquery(\'simple\', %s)', [tsquery(terms, tags)],
                           output_field=BooleanField())
        return queryset.filter(condition)
    fts, match = fts_table(indexed), fts5_query(terms, tags)
    # SQLite's planner cannot tell a rare word from a common one, so the number of matches (counted by the index,
    # up to a limit) chooses the plan:
    # - few: their ids, handed over as one JSON array (one parameter rather than up to 2,000), looked up and
    #   sorted;
    # - many: the list's own index walked in its order, keeping the rows in the match list (the unary + stops
    #   SQLite from driving the query by the list, which would look up and sort every match first);
    # - most rows: the same walk testing each row's own tokens (a phrase of whole 12-letter tokens matches the
    #   token text only at token boundaries, so a substring test is exact; the tags' values are the caller's
    #   filters already), which stops as soon as the page is full instead of building a list of nearly every row.
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s LIMIT %s', [match, FEW_MATCHES + 1])
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) <= FEW_MATCHES:
            return queryset.filter(In(key, RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])))
        cursor.execute(f'SELECT count(*) FROM (SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s LIMIT %s)',
                       [match, MANY_MATCHES + 1])
        many = cursor.fetchone()[0] > MANY_MATCHES
    if many and all(len(term) > 1 for term in terms):
        return _token_text_contains(queryset, terms, prefix)
    return queryset.filter(In(_Unary(key, output_field=IntegerField()),
                              RawSQL(f'SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s', [match])))


class _Unary(Func):
    """`+column`: the same value, but no longer a plain column SQLite could drive the query by."""

    template = "+%(expressions)s"


def _token_text_contains(queryset, terms, prefix=""):
    for term in terms:
        queryset = queryset.filter(**{f"{prefix}search_text__contains": " ".join(_term_tokens(term))})
    return queryset


def install_sql(vendor: str, table: str) -> list[str]:
    """The statements that create the index of `table` (which has a `search_text` column) and fill it."""
    if vendor == "postgresql":
        return [
            f'ALTER TABLE "{table}" ADD COLUMN "search_vector" tsvector '
            f"GENERATED ALWAYS AS (to_tsvector('simple', \"search_text\")) STORED",
            f'CREATE INDEX "{table}_search" ON "{table}" USING gin ("search_vector")',
        ]
    if vendor != "sqlite":
        return []
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE \"{fts}\" USING fts5(search_text, content='{table}', content_rowid='id', prefix='6')",
        f'CREATE TRIGGER "{fts}_insert" AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new.id, new.search_text); END',
        f'CREATE TRIGGER "{fts}_delete" AFTER DELETE ON "{table}" BEGIN '
        f"INSERT INTO \"{fts}\"(\"{fts}\", rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
        f'CREATE TRIGGER "{fts}_update" AFTER UPDATE OF search_text ON "{table}" BEGIN '
        f"INSERT INTO \"{fts}\"(\"{fts}\", rowid, search_text) VALUES ('delete', old.id, old.search_text); "
        f'INSERT INTO "{fts}"(rowid, search_text) VALUES (new.id, new.search_text); END',
        f"INSERT INTO \"{fts}\"(\"{fts}\") VALUES ('rebuild')",
    ]


def uninstall_sql(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [f'DROP INDEX IF EXISTS "{table}_search"', f'ALTER TABLE "{table}" DROP COLUMN "search_vector"']
    if vendor != "sqlite":
        return []
    fts = f"{table}_fts"
    return [f'DROP TRIGGER IF EXISTS "{fts}_{name}"' for name in ("insert", "delete", "update")] + [
        f'DROP TABLE IF EXISTS "{fts}"']


def index_in_place(vendor: str, table: str, cursor) -> bool:
    """Whether the index and (on SQLite) its triggers exist: a later migration that makes Django rebuild the
    table on SQLite drops the triggers, and tests/core/test_search.py fails then."""
    if vendor == "postgresql":
        cursor.execute("SELECT count(*) FROM pg_indexes WHERE tablename = %s AND indexname = %s",
                       [table, f"{table}_search"])
        return cursor.fetchone()[0] == 1
    cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s AND name LIKE %s",
                   [table, f"{table}_fts_%"])
    return cursor.fetchone()[0] == 3
