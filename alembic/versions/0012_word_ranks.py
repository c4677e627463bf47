"""PostgreSQL: each quotation's words with their counts, in ranking order, for one-word search

A search for one word ranks by ``ts_rank``, which for a single word is a function of how
often the word occurs in the quotation alone (every lexeme has the default weight and no
length normalisation is asked for), highest first, ties by id. The GIN index finds the
matches but not in that order, so a common word (in 1-2% of a million quotations) made
PostgreSQL read and rank tens of thousands of rows, most of them from disk, for 20.

``quotation_words`` holds one row per (lexeme, quotation) of ``quotations.text_search``
with the lexeme's number of positions (``tf``), and a B-tree in ranking order (word, tf
highest first, id): a page of a one-word search is the first rows of that index. Statement
triggers with transition tables keep it in step with ``INSERT``, ``COPY`` and ``DELETE``
(one statement per write statement, not one per row); a row trigger with updates that
change a quotation's text (or id), so that the many updates of speakers, clusters and
confidences fire nothing. SQLite (FTS5 ranks in its own
index) gets nothing.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 06:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROWS_OF = (
    "SELECT t.lexeme, cardinality(t.positions)::smallint, q.id "
    "FROM {rows} AS q, unnest(q.text_search) AS t"
)
# Rows of old versions whose tsvector changed (or that went), found by the whole key.
DELETE_OF = (
    "DELETE FROM quotation_words w USING (SELECT t.lexeme, "
    "cardinality(t.positions)::smallint AS tf, o.id FROM {rows} AS o, "
    "unnest(o.text_search) AS t) AS gone "
    "WHERE w.word = gone.lexeme AND w.tf = gone.tf AND w.quotation_id = gone.id"
)
FUNCTIONS = (
    f"""CREATE FUNCTION quotedb_words_inserted() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO quotation_words (word, tf, quotation_id) {ROWS_OF.format(rows="new_rows")};
    RETURN NULL;
END $$""",
    f"""CREATE FUNCTION quotedb_words_deleted() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    {DELETE_OF.format(rows="old_rows")};
    RETURN NULL;
END $$""",
    """CREATE FUNCTION quotedb_words_updated() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM quotation_words w USING unnest(OLD.text_search) AS t
        WHERE w.word = t.lexeme AND w.tf = cardinality(t.positions)
        AND w.quotation_id = OLD.id;
    INSERT INTO quotation_words (word, tf, quotation_id)
        SELECT t.lexeme, cardinality(t.positions)::smallint, NEW.id
        FROM unnest(NEW.text_search) AS t;
    RETURN NULL;
END $$""",
    """CREATE FUNCTION quotedb_words_truncated() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    TRUNCATE quotation_words;
    RETURN NULL;
END $$""",
)
TRIGGERS = (
    "CREATE TRIGGER quotations_words_ai AFTER INSERT ON quotations "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION quotedb_words_inserted()",
    "CREATE TRIGGER quotations_words_ad AFTER DELETE ON quotations "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION quotedb_words_deleted()",
    # A row's own trigger, and only for a change of its text (or id): updates of a
    # quotation's speaker, cluster or confidence (most updates) fire nothing.
    "CREATE TRIGGER quotations_words_au AFTER UPDATE OF text, id ON quotations "
    "FOR EACH ROW WHEN (OLD.text_search IS DISTINCT FROM NEW.text_search OR OLD.id <> NEW.id) "
    "EXECUTE FUNCTION quotedb_words_updated()",
    "CREATE TRIGGER quotations_words_at AFTER TRUNCATE ON quotations "
    "FOR EACH STATEMENT EXECUTE FUNCTION quotedb_words_truncated()",
)
POSTGRES_UP = (
    "CREATE TABLE quotation_words (word text NOT NULL, tf smallint NOT NULL, "
    "quotation_id integer NOT NULL)",
    f"INSERT INTO quotation_words (word, tf, quotation_id) {ROWS_OF.format(rows='quotations')}",
    "CREATE UNIQUE INDEX ix_quotation_words_rank ON quotation_words (word, tf DESC, quotation_id)",
    *FUNCTIONS,
    *TRIGGERS,
    "ANALYZE quotation_words",
)
POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS quotations_words_at ON quotations",
    "DROP TRIGGER IF EXISTS quotations_words_au ON quotations",
    "DROP TRIGGER IF EXISTS quotations_words_ad ON quotations",
    "DROP TRIGGER IF EXISTS quotations_words_ai ON quotations",
    "DROP FUNCTION IF EXISTS quotedb_words_truncated()",
    "DROP FUNCTION IF EXISTS quotedb_words_updated()",
    "DROP FUNCTION IF EXISTS quotedb_words_deleted()",
    "DROP FUNCTION IF EXISTS quotedb_words_inserted()",
    "DROP TABLE IF EXISTS quotation_words",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
