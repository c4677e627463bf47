"""Each article's language (ISO 639-1), given on ingest or detected from its text

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 14:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Articles stored before have no language recorded (NULL); reextract detects it.
    # Plain ALTER TABLE on both engines: SQLite (3.35+) adds and drops a column in place,
    # no table rebuild under the full-text triggers.
    op.add_column("articles", sa.Column("language", sa.String(length=16), nullable=True))
    op.create_index(op.f("ix_articles_language"), "articles", ["language"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_language"), table_name="articles")
    op.drop_column("articles", "language")
