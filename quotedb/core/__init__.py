"""Pure extraction core: text in, quotations with code-point offsets out.

Nothing here touches a database, a file or the CLI; ingest, the CLI and the benchmarks all
call :func:`extract` (one text) or :func:`extract_corpus` (several texts, speakers resolved
across them).
"""

from quotedb.core.pipeline import EXTRACTOR_VERSION, extract, extract_corpus
from quotedb.core.types import Cue, Mention, Quotation, QuoteKind, SpeakerKind

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
