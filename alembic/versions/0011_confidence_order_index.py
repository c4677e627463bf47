"""An index in the confidence listing's order: most likely attributions first

``--sort confidence`` sorted the whole join of quotations, articles and speakers to return
its first 20 rows. With quotations indexed by confidence, highest first, the engine walks
the index, looks each quotation's article up, and sorts only the quotations of the
confidences a page reaches by date (confidences are rounded to three places, so those are
groups of a few thousand rows at a million quotations, not the whole table).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_quotations_confidence", "quotations", [sa.text("confidence DESC")], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_quotations_confidence", table_name="quotations")
