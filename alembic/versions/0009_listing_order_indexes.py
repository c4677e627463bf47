"""Indexes in the listings' order: articles by date (undated last), oldest and newest first

A listing of quotations runs in article order (date, then id, then the quotation's place in
its article). Without an index in that order both engines sorted the whole join to return
its first 20 rows; with these, they walk the articles' index and each article's quotations
(the unique index on article, start and end) and stop at the page's end. The expression
``published IS NULL`` is part of each index because the listings put undated articles last
whichever way dates run.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 19:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_articles_oldest",
        "articles",
        [sa.text("(published IS NULL)"), "published", "id"],
        unique=False,
    )
    op.create_index(
        "ix_articles_newest",
        "articles",
        [sa.text("(published IS NULL)"), sa.text("published DESC"), sa.text("id DESC")],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_articles_newest", table_name="articles")
    op.drop_index("ix_articles_oldest", table_name="articles")
