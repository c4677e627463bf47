"""Pure extraction core: text in, quotations with code-point offsets out.

Nothing here touches a database, a file or the CLI; ingest, the CLI and the benchmarks all
call :func:`extract` (one text) or :func:`extract_corpus` (several texts, speakers resolved
across them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotedb.core.types import Cue, Mention, Quotation, QuoteKind, SpeakerKind
from quotedb.core.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from quotedb.core.pipeline import extract, extract_corpus

__all__ = [
    "EXTRACTOR_VERSION",
    "Cue",
    "Mention",
    "Quotation",
    "QuoteKind",
    "SpeakerKind",
    "extract",
    "extract_corpus",
]

_PIPELINE = ("extract", "extract_corpus")


def __getattr__(name: str) -> object:
    # The pipeline (and the word tables it loads) is imported on first use: a command that
    # only reads the database, or uses one core module, does not pay for all of extraction.
    if name in _PIPELINE:
        from quotedb.core import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'quotedb.core' has no attribute {name!r}")
