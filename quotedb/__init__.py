"""quotedb: who said what, where and when, from news articles."""

from quotedb.core import Quotation, QuoteKind, SpeakerKind, extract, extract_corpus

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
    # The database layer is imported on demand: extraction alone needs no SQLAlchemy.
    if name in ("Database", "open_database"):
        from quotedb import api

        return getattr(api, name)
    raise AttributeError(name)
