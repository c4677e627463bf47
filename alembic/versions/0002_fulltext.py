"""full-text search on quotations

SQLite: an FTS5 index with external content (``quotations`` itself), kept in sync by
triggers, plus an fts5vocab table for term frequencies. PostgreSQL: a stored generated
``tsvector`` column with a GIN index. Both use unstemmed, stop-word-free tokens.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 23:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = (
    "CREATE VIRTUAL TABLE quotations_fts USING fts5("
    "text, content='quotations', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE quotations_fts_vocab USING fts5vocab(quotations_fts, 'row')",
    "CREATE TRIGGER quotations_fts_ai AFTER INSERT ON quotations BEGIN "
    "INSERT INTO quotations_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotations_fts_ad AFTER DELETE ON quotations BEGIN "
    "INSERT INTO quotations_fts(quotations_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotations_fts_au AFTER UPDATE OF text ON quotations BEGIN "
    "INSERT INTO quotations_fts(quotations_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO quotations_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO quotations_fts(quotations_fts) VALUES ('rebuild')",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS quotations_fts_au",
    "DROP TRIGGER IF EXISTS quotations_fts_ad",
    "DROP TRIGGER IF EXISTS quotations_fts_ai",
    "DROP TABLE IF EXISTS quotations_fts_vocab",
    "DROP TABLE IF EXISTS quotations_fts",
)
POSTGRES_UP = (
    "ALTER TABLE quotations ADD COLUMN text_search tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED",
    "CREATE INDEX ix_quotations_text_search ON quotations USING gin (text_search)",
)
POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_quotations_text_search",
    "ALTER TABLE quotations DROP COLUMN IF EXISTS text_search",
)


def _run(statements: Sequence[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _run(SQLITE_UP if sqlite else POSTGRES_UP)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _run(SQLITE_DOWN if sqlite else POSTGRES_DOWN)
