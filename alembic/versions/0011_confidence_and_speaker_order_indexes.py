"""Indexes in the confidence and speaker listings' orders: most likely attributions first;
speakers by name

``--sort confidence`` and ``--sort speaker`` sorted the whole join of quotations, articles
and speakers to return its first 20 rows. With quotations indexed by confidence, highest
first, the engine walks that index, looks each quotation's article up, and sorts by date
only the quotations of the confidences a page reaches (confidences are rounded to three
places: groups of a few thousand rows at a million quotations, not the whole table). By
speaker, it walks the speakers' names, each speaker's quotations (by speaker and article)
and their articles, and sorts one speaker's quotations at a time.

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
    op.create_index("ix_speakers_name", "speakers", ["name"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_speakers_name", table_name="speakers")
    op.drop_index("ix_quotations_confidence", table_name="quotations")
