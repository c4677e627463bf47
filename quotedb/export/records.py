"""Records as CSV rows: the fields of :class:`quotedb.read.records.QuotationRecord`, with
its article's lifted to the top."""

from __future__ import annotations

from typing import Any

from quotedb.read.records import QuotationRecord

RECORD_FIELDS = (
    "id", "key", "file", "start", "end", "text", "kind", "speaker", "speaker_kind",
    "speaker_mention", "speaker_start", "speaker_end", "cue", "confidence", "cluster",
    "title", "outlet", "published", "url", "authors",
)  # fmt: skip


def flat_record(record: QuotationRecord) -> dict[str, Any]:
    """The record with its article's fields lifted to the top, for CSV."""
    rec = record.to_dict()
    art = rec.pop("article")
    rec.update({k: art[k] for k in ("title", "outlet", "published", "url")})
    rec["authors"] = "; ".join(art["authors"] or [])
    return rec
