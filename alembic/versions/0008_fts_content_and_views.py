"""Datasette and sqlite-utils see the full-text index; views join quotation, speaker, article

SQLite: the FTS5 table names its content table in double quotes (``content="quotations"``),
the form sqlite-utils' and Datasette's detection looks for; the table is made again from its
own stored definition with only that changed, then rebuilt from ``quotations``. Both
backends: views ``quotation_records`` (a quotation with its speaker and article, one row)
and ``speaker_records`` (a speaker with their number of quotations and dates), for tools
that browse tables.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS = "quotations_fts"
VOCAB = "quotations_fts_vocab"
SINGLE, DOUBLE = "content='quotations'", 'content="quotations"'

VIEWS = {
    "quotation_records": """
        SELECT q.id, q.text, q.kind, q.confidence, q.speaker_mention, q.cue,
               q.start, q."end", q.cluster_id AS statement_id, q.corrected,
               s.id AS speaker_id, s.name AS speaker, s.kind AS speaker_kind,
               a.id AS article_id, a.title, a.outlet, a.published, a.url, a.source_path
        FROM quotations q
        JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id""",
    "speaker_records": """
        SELECT s.id, s.name, s.kind, count(q.id) AS quotations,
               min(a.published) AS first_quoted, max(a.published) AS last_quoted
        FROM speakers s
        JOIN quotations q ON q.speaker_id = s.id
        JOIN articles a ON a.id = q.article_id
        GROUP BY s.id, s.name, s.kind""",
}


def _sql(name: str) -> str | None:
    found = op.get_bind().execute(
        sa.text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": name}
    )
    return found.scalar()


def _recreate_fts(old: str, new: str) -> None:
    """The FTS5 table again from its stored definition, ``old`` changed to ``new``, with
    its vocabulary table, rebuilt from the content table (the triggers stay)."""
    table, vocab = _sql(FTS), _sql(VOCAB)
    if table is None:
        return
    if vocab is not None:
        op.execute(f"DROP TABLE {VOCAB}")
    op.execute(f"DROP TABLE {FTS}")
    op.execute(table.replace(old, new))
    if vocab is not None:
        op.execute(vocab)
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate_fts(SINGLE, DOUBLE)
    for name, select in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    if op.get_bind().dialect.name == "sqlite":
        _recreate_fts(DOUBLE, SINGLE)
