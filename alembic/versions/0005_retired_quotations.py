"""The ids of quotations that are gone, so that no other quotation is given them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "retired_quotations",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("article_hash", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "retired_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retired_quotations")),
    )
    op.create_index(
        op.f("ix_retired_quotations_article_hash"),
        "retired_quotations",
        ["article_hash"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_retired_quotations_article_hash"), table_name="retired_quotations")
    op.drop_table("retired_quotations")
