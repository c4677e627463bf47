"""Quotations by speaker, outlet, dates, kind or article, and the list of speakers
(phrase search: :mod:`quotedb.read.search`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotedb.core.sources import source_kind
from quotedb.db.models import Article, Quotation, Speaker
from quotedb.errors import QueryError
from quotedb.read.cursor import after_cursor
from quotedb.read.filters import (
    Filter,
    article_of_quotation,
    chronological_quotations,
    conditions,
    quotation_order,
)
from quotedb.read.records import RECORD_COLUMNS, QuotationRecord, record_join

STREAM_BATCH = 1000  # rows fetched at a time when records are streamed


def find_quotes(session: Session, f: Filter) -> list[Quotation]:
    """The filter's quotations, oldest first."""
    stmt = chronological_quotations(session, f).where(*after_cursor(session, f))
    return list(session.scalars(stmt).unique())


def quotation_records(session: Session, f: Filter) -> Iterator[QuotationRecord]:
    """The filter's quotations as records, in the listing's order, streamed from one Core
    query: an export of many rows builds no ORM object and holds no list of them."""
    joined = record_join(
        Quotation.__table__, Quotation.__table__.c.id, article_of_quotation(session, f)
    )
    stmt = (
        select(*RECORD_COLUMNS)
        .select_from(joined)
        .where(*conditions(session, f), *after_cursor(session, f))
        .order_by(*quotation_order(f.sort))
        .limit(f.limit)
        .offset(f.offset or None)
    )
    rows = session.connection().execution_options(yield_per=STREAM_BATCH).execute(stmt)
    return (QuotationRecord.of_row(r) for r in rows)


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A speaker with the number of its quotations (``kind``: as listings name kinds)."""

    id: int
    name: str
    kind: str
    quotations: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_speakers(session: Session, f: Filter) -> list[SpeakerCount]:
    """Speakers of the filter's quotations, most quoted first (``sort="speaker"``: by name)."""
    if f.speaker_kind in ("unknown", "validated"):
        raise QueryError(f"speakers have no kind {f.speaker_kind!r}: it describes quotations")
    n = func.count(Quotation.id)
    order = [Speaker.name, Speaker.id] if f.sort == "speaker" else [n.desc(), Speaker.name]
    stmt = (
        select(Speaker.id, Speaker.name, Speaker.kind, n)
        .join(Quotation, Quotation.speaker_id == Speaker.id)
        .where(*conditions(session, f))
        .group_by(Speaker.id, Speaker.name, Speaker.kind)
        .order_by(*order)
        .limit(f.limit)
        .offset(f.offset or None)
    )
    if f.needs_article:
        stmt = stmt.join(Article, Article.id == Quotation.article_id)
    return [
        SpeakerCount(i, name, source_kind(kind, name) or kind, c)
        for i, name, kind, c in session.execute(stmt)
    ]
