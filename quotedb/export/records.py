"""One flat record per quotation: the shape of JSON output, JSON Lines and CSV rows.

Field names follow the scorer's format (``file``, ``start``, ``end``, ``speaker``, ...), so
that an export from the database and ``quotedb extract`` can be scored alike.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from sqlalchemy import ColumnElement, Connection, FromClause, Join, Row, bindparam, select

from quotedb.core import Quotation as Extracted
from quotedb.db.models import Article, Quotation, Speaker

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


_q, _a, _s = Quotation.__table__.c, Article.__table__.c, Speaker.__table__.c
# What quotation_record reads, as one Core query: loading ORM objects (with their article
# and speaker joined) costs a search more than finding its matches.
RECORD_COLUMNS = (
    _q.id, _q.start, _q.end, _q.text, _q.kind, _s.name, _s.kind.label("speaker_kind"),
    _q.speaker_mention, _q.speaker_start, _q.speaker_end, _q.cue, _q.confidence,
    _q.cluster_id, _a.id.label("article_id"), _a.title, _a.outlet, _a.published, _a.url,
    _a.authors, _a.source_path,
)  # fmt: skip


def record_join(source: FromClause, quotation_id: ColumnElement[int]) -> Join:
    """``source`` joined with the quotation of ``quotation_id``, its article and speaker:
    what ``RECORD_COLUMNS`` are selected from."""
    joined = (
        source
        if source is Quotation.__table__
        else source.join(Quotation.__table__, _q.id == quotation_id)
    )
    return joined.join(Article.__table__, _a.id == _q.article_id).outerjoin(
        Speaker.__table__, _s.id == _q.speaker_id
    )


RECORD_ROWS = (
    select(*RECORD_COLUMNS)
    .select_from(record_join(Quotation.__table__, _q.id))
    .where(_q.id.in_(bindparam("ids", expanding=True)))
)


def records_by_id(connection: Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    """quotation_record of each quotation, by id, read without the ORM."""
    if not ids:
        return {}
    return {r.id: row_record(r) for r in connection.execute(RECORD_ROWS, {"ids": ids})}


def row_record(r: Row[*tuple[Any, ...]]) -> dict[str, Any]:
    """quotation_record from a row of ``RECORD_ROWS`` (the same fields, the same values)."""
    return {
        "id": r.id,
        "file": file_name(r.source_path),
        "start": r.start,
        "end": r.end,
        "text": r.text,
        "kind": r.kind,
        "speaker": r.name,
        "speaker_kind": r.speaker_kind,
        "speaker_mention": r.speaker_mention,
        "speaker_start": r.speaker_start,
        "speaker_end": r.speaker_end,
        "cue": r.cue,
        "confidence": round(r.confidence, 3),
        "cluster": r.cluster_id,
        "article": {
            "id": r.article_id,
            "title": r.title,
            "outlet": r.outlet,
            "published": r.published.isoformat() if r.published else None,
            "url": r.url,
            "authors": r.authors,
            "source": r.source_path,
        },
    }


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
