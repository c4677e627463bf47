"""word-pair index for phrases with function words

A phrase such as "the badaifou the" costs FTS5 a walk through the position list of
"the" and costs PostgreSQL a recheck of every row holding "badaifou" (its GIN index has no
positions). The pairs of a function word and its neighbour narrow such a phrase down to a
few quotations (see ``quotedb/db/fulltext.py``).

SQLite: a contentless FTS5 table ``quotations_fts_pairs`` (one hashed token per pair, no
positions), kept in step by triggers that call ``quotedb_word_pairs(text)``, a function
quotedb registers on each connection it opens. PostgreSQL: an immutable SQL function
``quotedb_word_pairs(tsvector)`` and a GIN index on it over ``quotations.text_search``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 02:30:00
"""

from collections.abc import Sequence

from alembic import op

from quotedb.db.fulltext import PAIR_WORDS, register

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = (
    "CREATE VIRTUAL TABLE quotations_fts_pairs USING fts5("
    "pairs, content='', detail='none', columnsize=0, tokenize='ascii')",
    "CREATE TRIGGER quotations_fts_pairs_ai AFTER INSERT ON quotations BEGIN "
    "INSERT INTO quotations_fts_pairs(rowid, pairs) "
    "VALUES (new.id, quotedb_word_pairs(new.text)); END",
    "CREATE TRIGGER quotations_fts_pairs_ad AFTER DELETE ON quotations BEGIN "
    "INSERT INTO quotations_fts_pairs(quotations_fts_pairs, rowid, pairs) "
    "VALUES ('delete', old.id, quotedb_word_pairs(old.text)); END",
    "CREATE TRIGGER quotations_fts_pairs_au AFTER UPDATE OF text ON quotations BEGIN "
    "INSERT INTO quotations_fts_pairs(quotations_fts_pairs, rowid, pairs) "
    "VALUES ('delete', old.id, quotedb_word_pairs(old.text)); "
    "INSERT INTO quotations_fts_pairs(rowid, pairs) "
    "VALUES (new.id, quotedb_word_pairs(new.text)); END",
    "INSERT INTO quotations_fts_pairs(rowid, pairs) "
    "SELECT id, quotedb_word_pairs(text) FROM quotations",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS quotations_fts_pairs_au",
    "DROP TRIGGER IF EXISTS quotations_fts_pairs_ad",
    "DROP TRIGGER IF EXISTS quotations_fts_pairs_ai",
    "DROP TABLE IF EXISTS quotations_fts_pairs",
)
# Positions come from the tsvector, so pairs follow PostgreSQL's own parser (and its
# phrase operator): "w1 w2" for each word at position p and its neighbour at p + 1.
FUNCTION_WORDS = ",".join(sorted(PAIR_WORDS))
POSTGRES_FUNCTION = f"""
CREATE FUNCTION quotedb_word_pairs(tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT w || ' ' || next_w), '{{}}') FROM (
    SELECT w, p, f, lead(w) OVER o AS next_w, lead(p) OVER o AS next_p, lead(f) OVER o AS next_f
    FROM (SELECT t.lexeme AS w, p, t.lexeme = ANY ('{{{FUNCTION_WORDS}}}'::text[]) AS f
          FROM unnest($1) AS t, unnest(t.positions) AS p) AS tokens
    WINDOW o AS (ORDER BY p)) AS neighbours
  WHERE next_p = p + 1 AND f <> next_f
$$
"""
POSTGRES_UP = (
    POSTGRES_FUNCTION,
    "CREATE INDEX ix_quotations_word_pairs ON quotations "
    "USING gin (quotedb_word_pairs(text_search))",
    "ANALYZE quotations",  # statistics of the new expression, for the planner's choices
)
POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_quotations_word_pairs",
    "DROP FUNCTION IF EXISTS quotedb_word_pairs(tsvector)",
)


def _run(statements: Sequence[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Registered by quotedb's engine already; again here for any other connection.
        register(bind.connection.driver_connection)  # type: ignore[arg-type]
        _run(SQLITE_UP)
    else:
        _run(POSTGRES_UP)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _run(SQLITE_DOWN if sqlite else POSTGRES_DOWN)
