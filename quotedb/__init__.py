"""quotedb: who said what, where and when, from news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotedb.core.types import Quotation, QuoteKind, SpeakerKind

if TYPE_CHECKING:
    from quotedb.api import Database, open_database
    from quotedb.core.pipeline import extract, extract_corpus

__all__ = [
    "Database",
    "Quotation",
    "QuoteKind",
    "SpeakerKind",
    "extract",
    "extract_corpus",
    "open_database",
]


def __getattr__(name: str) -> object:
    # Imported on demand: extraction alone needs no SQLAlchemy, and reading the database
    # needs no extraction pipeline.
    if name in ("Database", "open_database"):
        from quotedb import api

        return getattr(api, name)
    if name in ("extract", "extract_corpus"):
        from quotedb.core import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'quotedb' has no attribute {name!r}")
