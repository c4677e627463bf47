"""One flat record per quotation: the shape of JSON output, JSON Lines and CSV rows.

Field names follow the scorer's format (``file``, ``start``, ``end``, ``speaker``, ...), so
that an export from the database and ``quotedb extract`` can be scored alike.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from quotedb.core import Quotation as Extracted
from quotedb.db.models import Quotation

RECORD_FIELDS = (
    "id", "file", "start", "end", "text", "kind", "speaker", "speaker_kind", "speaker_mention",
    "speaker_start", "speaker_end", "cue", "confidence", "cluster",
    "title", "outlet", "published", "url", "authors",
)  # fmt: skip


def file_name(source: str | None) -> str | None:
    return PurePath(source).name if source else None


def quotation_record(q: Quotation) -> dict[str, Any]:
    a = q.article
    return {
        "id": q.id,
        "file": file_name(a.source_path),
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_kind": q.speaker.kind if q.speaker else None,
        "speaker_mention": q.speaker_mention,
        "speaker_start": q.speaker_start,
        "speaker_end": q.speaker_end,
        "cue": q.cue,
        "confidence": round(q.confidence, 3),
        "cluster": q.cluster_id,
        "article": {
            "id": a.id,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published.isoformat() if a.published else None,
            "url": a.url,
            "authors": a.authors,
            "source": a.source_path,
        },
    }


def flat_record(q: Quotation) -> dict[str, Any]:
    """The record with its article's fields lifted to the top, for CSV."""
    rec = quotation_record(q)
    art = rec.pop("article")
    rec.update({k: art[k] for k in ("title", "outlet", "published", "url")})
    rec["authors"] = "; ".join(art["authors"] or [])
    return rec


def extracted_record(file: str, q: Extracted, cluster: str | None = None) -> dict[str, Any]:
    m = q.mention
    return {
        "file": file,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind.value,
        "speaker": q.speaker,
        "speaker_kind": q.speaker_kind.value,
        "speaker_mention": m.text if m else None,
        "speaker_start": m.start if m else None,
        "speaker_end": m.end if m else None,
        "cue": q.cue.text if q.cue else None,
        "confidence": round(q.confidence, 3),
        "evidence": q.evidence,
        "cluster": cluster,
    }
