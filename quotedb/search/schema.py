"""Names of the full-text objects, defined with the schema in :mod:`quotedb.db.fulltext`."""

from __future__ import annotations

from quotedb.db.fulltext import (
    FTS_TABLE,
    FTS_VOCAB,
    PAIRS_FUNCTION,
    PAIRS_INDEX,
    PAIRS_TABLE,
    TS_CONFIG,
    TSV_COLUMN,
    TSV_INDEX,
    is_fulltext_object,
)

__all__ = [
    "FTS_TABLE",
    "FTS_VOCAB",
    "PAIRS_FUNCTION",
    "PAIRS_INDEX",
    "PAIRS_TABLE",
    "TSV_COLUMN",
    "TSV_INDEX",
    "TS_CONFIG",
    "is_fulltext_object",
]
