"""English function words: too common to find a quotation by (the pair index's, one list)."""

from __future__ import annotations

from quotedb.db.fulltext import PAIR_WORDS as STOPWORDS

__all__ = ["STOPWORDS"]
