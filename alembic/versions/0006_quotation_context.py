"""the quotation's paragraph, indexed for full-text search (``search --context``)

``quotations.context`` holds the paragraph a quotation stands in (filled here for the
rows stored before). SQLite: an FTS5 index with external content (that column), kept in
step by triggers. PostgreSQL: a stored generated ``tsvector`` column with a GIN index.
The same tokens as the quotations' own index (0002).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from quotedb.core.text import paragraph

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = (
    "CREATE VIRTUAL TABLE quotations_fts_context USING fts5("
    "context, content='quotations', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotations_fts_context_ai AFTER INSERT ON quotations BEGIN "
    "INSERT INTO quotations_fts_context(rowid, context) VALUES (new.id, new.context); END",
    "CREATE TRIGGER quotations_fts_context_ad AFTER DELETE ON quotations BEGIN "
    "INSERT INTO quotations_fts_context(quotations_fts_context, rowid, context) "
    "VALUES ('delete', old.id, old.context); END",
    "CREATE TRIGGER quotations_fts_context_au AFTER UPDATE OF context ON quotations BEGIN "
    "INSERT INTO quotations_fts_context(quotations_fts_context, rowid, context) "
    "VALUES ('delete', old.id, old.context); "
    "INSERT INTO quotations_fts_context(rowid, context) VALUES (new.id, new.context); END",
    "INSERT INTO quotations_fts_context(quotations_fts_context) VALUES ('rebuild')",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS quotations_fts_context_au",
    "DROP TRIGGER IF EXISTS quotations_fts_context_ad",
    "DROP TRIGGER IF EXISTS quotations_fts_context_ai",
    "DROP TABLE IF EXISTS quotations_fts_context",
    "ALTER TABLE quotations DROP COLUMN context",
)
POSTGRES_UP = (
    "ALTER TABLE quotations ADD COLUMN context_search tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(context, ''))) STORED",
    "CREATE INDEX ix_quotations_context_search ON quotations USING gin (context_search) "
    "WITH (fastupdate = off)",
)
POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_quotations_context_search",
    "ALTER TABLE quotations DROP COLUMN IF EXISTS context_search",
    "ALTER TABLE quotations DROP COLUMN IF EXISTS context",
)

quotations = sa.table(
    "quotations",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("start", sa.Integer),
    sa.column("end", sa.Integer),
    sa.column("context", sa.Text),
)
articles = sa.table("articles", sa.column("id", sa.Integer), sa.column("text", sa.Text))


FILL = (
    quotations.update()
    .where(quotations.c.id == sa.bindparam("qid"))
    .values(context=sa.bindparam("ctx"))
)


def _fill() -> None:
    """Each stored quotation's paragraph, article by article."""
    bind = op.get_bind()
    for article_id, text in bind.execute(sa.select(articles.c.id, articles.c.text)):
        rows = bind.execute(
            sa.select(quotations.c.id, quotations.c.start, quotations.c.end).where(
                quotations.c.article_id == article_id
            )
        ).all()
        values = [{"qid": i, "ctx": paragraph(text, start, end)} for i, start, end in rows]
        if values:
            bind.execute(FILL, values)


def _run(statements: Sequence[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    op.execute("ALTER TABLE quotations ADD COLUMN context TEXT")
    _fill()
    sqlite = op.get_bind().dialect.name == "sqlite"
    _run(SQLITE_UP if sqlite else POSTGRES_UP)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _run(SQLITE_DOWN if sqlite else POSTGRES_DOWN)
