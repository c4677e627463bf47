"""Names of the full-text objects that migrations 0002 and 0003 create outside the ORM
metadata.

They live outside ``Base.metadata`` because neither an FTS5 virtual table nor a generated
``tsvector`` column is something the ORM should load; Alembic's autogenerate is told to
look past them (``alembic/env.py``), so ``alembic check`` finds no drift.
"""

from __future__ import annotations

FTS_TABLE = "quotations_fts"  # SQLite FTS5 (external content: quotations.text)
FTS_VOCAB = "quotations_fts_vocab"  # SQLite fts5vocab: document frequency per term
TSV_COLUMN = "text_search"  # PostgreSQL generated tsvector column on quotations
TSV_INDEX = "ix_quotations_text_search"  # its GIN index
TS_CONFIG = "simple"  # no stemming, no stop words: what you type is what is matched
PAIRS_TABLE = "quotations_fts_pairs"  # SQLite FTS5, contentless: word pairs (migration 0003)
PAIRS_FUNCTION = "quotedb_word_pairs"  # PostgreSQL: tsvector -> text[] of its word pairs
PAIRS_INDEX = "ix_quotations_word_pairs"  # PostgreSQL GIN index on that function


def is_fulltext_object(name: str | None) -> bool:
    """True for the full-text objects and the shadow tables SQLite keeps for them."""
    if not name:
        return False
    return name.startswith(FTS_TABLE) or name in (TSV_COLUMN, TSV_INDEX, PAIRS_INDEX)
